import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { offerFor, PRODUCT_SELLING_PLANS, subscribeChange, subscriptionsOpen, type ProductSellingPlansData } from "./offer";
import { APP_URL } from "../../shared/app-url";

export default async () => {
  render(<SubscribeOffer />, document.body);
};

/**
 * Under a one-time line whose product can be subscribed to: the saving, the frequency choice, the
 * terms, and two buttons. Only "Subscribe" changes the cart; "No thanks" only hides the offer.
 */
function SubscribeOffer() {
  const line = shopify.target.value;
  const productId = line.merchandise.product.id;
  const [answers, setAnswers] = useState<{ plans: ProductSellingPlansData | undefined; open: boolean } | null>(null);
  const [chosen, setChosen] = useState("");
  const [declined, setDeclined] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  // Asked once per product: the line itself is read on every render, since checkout hands over a
  // new line object whenever the cart changes (and once the line is subscribed, the offer goes).
  useEffect(() => {
    let current = true;
    void (async () => {
      const [result, open] = await Promise.all([
        shopify.query<ProductSellingPlansData>(PRODUCT_SELLING_PLANS, { variables: { id: productId } }),
        shopify.sessionToken.get().then((token) => subscriptionsOpen(APP_URL, token)),
      ]);
      if (current) setAnswers({ plans: result.data, open });
    })();
    return () => {
      current = false;
    };
  }, [productId]);

  const offer = answers ? offerFor(line, answers.plans, answers.open) : null;
  if (!offer || declined || !shopify.instructions.value.lines.canUpdateCartLine) return null;
  const selected = offer.plans.some((plan) => plan.id === chosen) ? chosen : (offer.plans[0]?.id ?? "");
  const t = shopify.i18n.translate;

  const accept = async () => {
    setBusy(true);
    setFailed(false);
    const result = await shopify.applyCartLinesChange(subscribeChange(line, selected));
    setBusy(false);
    if (result.type === "error") setFailed(true);
  };

  return (
    <s-stack gap="small-200">
      <s-text type="strong">
        {offer.bestSavingPercent
          ? t("offer.heading", { saving: shopify.i18n.formatNumber(offer.bestSavingPercent / 100, { style: "percent" }) })
          : t("offer.headingNoSaving")}
      </s-text>
      <s-select
        label={t("offer.frequency")}
        value={selected}
        onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value)}
      >
        {offer.plans.map((plan) => (
          <s-option key={plan.id} value={plan.id}>
            {plan.name}
          </s-option>
        ))}
      </s-select>
      <s-text color="subdued">{t("offer.terms")}</s-text>
      <s-stack direction="inline" gap="small-200">
        <s-button onClick={accept} loading={busy}>
          {t("offer.accept")}
        </s-button>
        <s-button variant="secondary" onClick={() => setDeclined(true)}>
          {t("offer.decline")}
        </s-button>
      </s-stack>
      {failed && <s-banner tone="critical">{t("offer.failed")}</s-banner>}
    </s-stack>
  );
}
