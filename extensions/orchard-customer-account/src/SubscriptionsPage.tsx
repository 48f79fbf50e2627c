import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { customerApi, REASONS, type Listing, type Offer, type Reason, type Subscription } from "./client";
import { currencyDigits } from "../../shared/money";

export default async () => {
  render(<SubscriptionsPage />, document.body);
};

const api = customerApi(() => shopify.sessionToken.get());

/** The customer's subscriptions, each with what they may do now; cancelling asks why first. */
function SubscriptionsPage() {
  const t = shopify.i18n.translate;
  const [listing, setListing] = useState<Listing | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () =>
    api
      .list()
      .then(setListing)
      .catch(() => setFailed(true));
  useEffect(() => {
    void reload();
  }, []);

  if (failed) return <s-banner tone="critical">{t("loadFailed")}</s-banner>;
  if (!listing) return <s-spinner accessibilityLabel={t("loading")} />;
  if (listing.kind === "noCustomer") return <s-banner tone="info">{t("noCustomer")}</s-banner>;
  const { subscriptions } = listing;

  return (
    <s-page heading={t("title")}>
      <s-stack gap="base">
        {notice && <s-banner tone="success">{notice}</s-banner>}
        {subscriptions.length === 0 && <s-paragraph>{t("empty")}</s-paragraph>}
        {subscriptions.map((subscription) => (
          <SubscriptionCard
            key={subscription.id}
            subscription={subscription}
            onDone={(message) => {
              setNotice(message);
              void reload();
            }}
          />
        ))}
      </s-stack>
    </s-page>
  );
}

function SubscriptionCard({ subscription, onDone }: { subscription: Subscription; onDone: (message: string) => void }) {
  const t = shopify.i18n.translate;
  const i18n = shopify.i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [date, setDate] = useState("");
  const [cancelling, setCancelling] = useState(false);
  const can = (action: Subscription["actions"][number]) => subscription.actions.includes(action);

  const change = async (values: Record<string, string | number>, done: string) => {
    setBusy(true);
    setError(null);
    const result = await api.change(subscription.id, values);
    setBusy(false);
    if (result.ok) onDone(t(`done.${done}`));
    else setError(t(`errors.${result.error}`));
  };

  return (
    <s-section heading={subscription.planName || t("subscription")}>
      <s-stack gap="small-200">
        {subscription.items.map((item) => (
          <s-text key={item.id}>
            {item.title} × {item.quantity} ·{" "}
            {i18n.formatCurrency(item.unitPriceMinor / 10 ** currencyDigits(subscription.currencyCode), {
              currency: subscription.currencyCode,
            })}
          </s-text>
        ))}
        <s-text>
          {subscription.status === "PAUSED"
            ? t("paused")
            : subscription.nextOrderAt
              ? t("nextOrder", { date: i18n.formatDate(new Date(subscription.nextOrderAt), { dateStyle: "long" }) })
              : ""}
        </s-text>
        {subscription.ordersOwed > 0 && <s-text>{t("commitment", { count: subscription.ordersOwed })}</s-text>}
        {error && <s-banner tone="critical">{error}</s-banner>}
        {cancelling ? (
          <CancellationFlow subscription={subscription} onDone={onDone} onKeep={() => setCancelling(false)} />
        ) : (
          <s-stack direction="inline" gap="small-200">
            {can("resume") && (
              <s-button loading={busy} onClick={() => change({ action: "resume" }, "resume")}>
                {t("resume")}
              </s-button>
            )}
            {can("skip") && (
              <s-button loading={busy} onClick={() => change({ action: "skip" }, "skip")}>
                {t("skip")}
              </s-button>
            )}
            {can("pause") && (
              <s-button variant="secondary" loading={busy} onClick={() => change({ action: "pause" }, "pause")}>
                {t("pause")}
              </s-button>
            )}
            {can("cancel") && (
              <s-button variant="secondary" tone="critical" onClick={() => setCancelling(true)}>
                {t("cancel")}
              </s-button>
            )}
          </s-stack>
        )}
        {!cancelling && can("reschedule") && (
          <s-stack direction="inline" gap="small-200">
            <s-date-field
              label={t("dateLabel")}
              value={date}
              onChange={(event) => setDate((event.currentTarget as HTMLInputElement).value)}
            />
            <s-button disabled={!date} loading={busy} onClick={() => change({ action: "reschedule", date }, "reschedule")}>
              {t("reschedule")}
            </s-button>
          </s-stack>
        )}
        {!cancelling && can("changeFrequency") && subscription.plans.length > 1 && (
          <s-select
            label={t("frequencyLabel")}
            value={subscription.plans.find((p) => p.current)?.id}
            onChange={(event) =>
              change({ action: "changeFrequency", sellingPlanId: (event.currentTarget as HTMLSelectElement).value }, "changeFrequency")
            }
          >
            {subscription.plans.map((plan) => (
              <s-option key={plan.id} value={plan.id}>
                {plan.name}
              </s-option>
            ))}
          </s-select>
        )}
      </s-stack>
    </s-section>
  );
}

/** Why, then the offers that fit the reason, then the offer taken or the cancellation confirmed. */
function CancellationFlow({
  subscription,
  onDone,
  onKeep,
}: {
  subscription: Subscription;
  onDone: (message: string) => void;
  onKeep: () => void;
}) {
  const t = shopify.i18n.translate;
  const [reason, setReason] = useState<Reason | "">("");
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const otherPlan = subscription.plans.find((p) => !p.current);

  const finish = async (choice: { accept: Offer["kind"]; sellingPlanId?: string } | "decline", done: string) => {
    if (!reason) return;
    setBusy(true);
    const result = await api.finishCancellation(subscription.id, reason, choice);
    setBusy(false);
    if (result.ok) onDone(t(`done.${done}`));
    else setError(t(`errors.${result.error}`));
  };

  if (!offers) {
    return (
      <s-stack gap="small-200">
        <s-choice-list
          label={t("reasonLegend")}
          name="reason"
          onChange={(event) => setReason((event.currentTarget as HTMLInputElement).value as Reason)}
        >
          {REASONS.map((r) => (
            <s-choice key={r} value={r}>
              {t(`reasons.${r}`)}
            </s-choice>
          ))}
        </s-choice-list>
        <s-stack direction="inline" gap="small-200">
          <s-button
            disabled={!reason}
            loading={busy}
            onClick={async () => {
              if (!reason) return;
              setBusy(true);
              setOffers(await api.offersFor(subscription.id, reason, ""));
              setBusy(false);
            }}
          >
            {t("continue")}
          </s-button>
          <s-button variant="secondary" onClick={onKeep}>
            {t("keep")}
          </s-button>
        </s-stack>
      </s-stack>
    );
  }

  return (
    <s-stack gap="small-200">
      {offers.length > 0 && <s-text>{t("offersIntro")}</s-text>}
      {error && <s-banner tone="critical">{error}</s-banner>}
      {offers.map((offer) => {
        const label =
          offer.kind === "pause"
            ? t("offers.pause", { count: offer.months })
            : offer.kind === "discount"
              ? t("offers.discount", { percent: offer.percent })
              : t(`offers.${offer.kind}`);
        const done = offer.kind === "frequency" ? "changeFrequency" : offer.kind;
        return (
          <s-button key={offer.kind} loading={busy} onClick={() => finish({ accept: offer.kind, sellingPlanId: otherPlan?.id }, done)}>
            {label}
          </s-button>
        );
      })}
      <s-button variant="secondary" tone="critical" loading={busy} onClick={() => finish("decline", "cancel")}>
        {t("confirmCancel")}
      </s-button>
    </s-stack>
  );
}
