import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<SubscriptionLink />, document.body);
};

/** Where the customer's subscriptions are managed: the full-page extension, by its handle. */
export const SUBSCRIPTIONS_PAGE = "extension://orchard-customer-subscriptions";

/**
 * On the status page of an order with subscription items: which items renew, and the way to the
 * page where the customer skips, pauses or changes them. Nothing on other orders.
 */
function SubscriptionLink() {
  const t = shopify.i18n.translate;
  const subscribed = shopify.lines.value.filter((line) => line.merchandise.sellingPlan);
  if (subscribed.length === 0) return null;
  return (
    <s-section heading={t("heading", { count: subscribed.length })}>
      <s-stack gap="small-200">
        {subscribed.map((line) => (
          <s-text key={line.id}>
            {line.merchandise.title}
            {line.merchandise.subtitle ? ` – ${line.merchandise.subtitle}` : ""}
          </s-text>
        ))}
        <s-paragraph>{t("body")}</s-paragraph>
        <s-link href={SUBSCRIPTIONS_PAGE}>{t("manage")}</s-link>
      </s-stack>
    </s-section>
  );
}
