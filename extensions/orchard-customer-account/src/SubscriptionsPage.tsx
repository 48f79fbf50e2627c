import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { customerApi, type DeliveryAddress, type Listing, type Offer, type Reason, type Subscription } from "./client";
import { addressLines, countryOptions } from "../../shared/addresses";
import { currencyDigits } from "../../shared/money";
import { DONE_FOR_OFFER } from "../../shared/save-offers";

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

/** At most this many orders in a pause for a number of them (the server's limit too). */
const MAX_PAUSED_ORDERS = 6;

function SubscriptionCard({ subscription, onDone }: { subscription: Subscription; onDone: (message: string) => void }) {
  const t = shopify.i18n.translate;
  const i18n = shopify.i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pauseOrders, setPauseOrders] = useState("1");
  const [oneTimeVariant, setOneTimeVariant] = useState(subscription.variants[0]?.id ?? "");
  const [cancelling, setCancelling] = useState(false);
  const can = (action: Subscription["actions"][number]) => subscription.actions.includes(action);
  const money = (minor: number) =>
    i18n.formatCurrency(minor / 10 ** currencyDigits(subscription.currencyCode), { currency: subscription.currencyCode });
  const day = (iso: string) => i18n.formatDate(new Date(iso), { dateStyle: "long" });

  const change = async (values: Record<string, string | number>, done: string) => {
    setBusy(true);
    setError(null);
    const result = await api.change(subscription.id, values);
    setBusy(false);
    if (result.ok) onDone(t(`done.${done}`));
    else setError(t(`errors.${result.error}`));
    return result;
  };

  return (
    <s-section heading={subscription.planName || t("subscription")}>
      <s-stack gap="small-200">
        <s-text>
          {subscription.status === "CANCELLED"
            ? `${t("cancelledOn", { date: day(subscription.cancelledAt ?? subscription.startedAt) })} ${t("restartTerms", {
                amount: money(subscription.nextOrderAmountMinor ?? 0),
              })}`
            : subscription.status === "PAUSED"
              ? subscription.firstOrderAfterPause
                ? t("pausedNextOrder", { date: day(subscription.firstOrderAfterPause) })
                : t("pausedUntilResumed")
              : subscription.nextOrderAt
                ? t("nextOrder", { date: day(subscription.nextOrderAt), amount: money(subscription.nextOrderAmountMinor ?? 0) })
                : ""}
        </s-text>
        {subscription.ordersOwed > 0 && <s-text>{t("commitment", { count: subscription.ordersOwed })}</s-text>}
        {error && <s-banner tone="critical">{error}</s-banner>}
        <s-heading>{t("headings.items")}</s-heading>
        {subscription.items.map((item) => (
          <s-text key={item.id}>
            {item.title} × {item.quantity} · {money(item.unitPriceMinor)}
          </s-text>
        ))}
        {can("swapVariant") &&
          subscription.swapVariants.length > 1 &&
          subscription.items
            .filter((item) => !item.oneTime)
            .map((item) => (
              <s-select
                key={`swap-${item.id}`}
                label={t("swapLabel", { title: item.title })}
                value={subscription.swapVariants.find((v) => v.title === item.title)?.id}
                onChange={(event) =>
                  change(
                    { action: "swapVariant", lineId: item.id, variantId: (event.currentTarget as HTMLSelectElement).value },
                    "swapVariant",
                  )
                }
              >
                {subscription.swapVariants.map((variant) => (
                  <s-option key={variant.id} value={variant.id}>
                    {variant.title}
                  </s-option>
                ))}
              </s-select>
            ))}
        {subscription.upcomingOrders.length > 0 && <s-heading>{t("headings.upcoming")}</s-heading>}
        {subscription.upcomingOrders.map((order) => {
          const action = order.skipped ? "unskip" : "skip";
          return (
            <s-stack key={order.cycle} direction="inline" gap="small-200" alignItems="center">
              <s-text>
                {day(order.date)} · {order.skipped ? t("orderStatus.skipped") : money(order.amountMinor)}
              </s-text>
              {can(action) && (
                <s-button
                  variant="secondary"
                  loading={busy}
                  accessibilityLabel={t(`${action}OrderLabel`, { date: day(order.date) })}
                  onClick={() => change({ action, cycle: order.cycle }, action)}
                >
                  {t(`${action}Order`)}
                </s-button>
              )}
            </s-stack>
          );
        })}
        <DeliveryAddressSection subscription={subscription} busy={busy} change={change} />
        <s-heading>{t("headings.payment")}</s-heading>
        {subscription.paymentMethod ? (
          <s-text>
            {subscription.paymentMethod.kind === "card"
              ? t("card", {
                  brand: subscription.paymentMethod.brand,
                  digits: subscription.paymentMethod.lastDigits,
                  expiry: `${String(subscription.paymentMethod.expiryMonth).padStart(2, "0")}/${subscription.paymentMethod.expiryYear}`,
                })
              : t("paypal", { email: subscription.paymentMethod.email })}
          </s-text>
        ) : (
          <s-text>{t("noPayment")}</s-text>
        )}
        {subscription.cardExpiresBeforeNextOrder && <s-banner tone="warning">{t("cardExpires")}</s-banner>}
        {can("sendPaymentUpdate") && (
          <s-button variant="secondary" loading={busy} onClick={() => change({ action: "sendPaymentUpdate" }, "sendPaymentUpdate")}>
            {t("sendPaymentUpdate")}
          </s-button>
        )}
        {cancelling ? (
          <CancellationFlow subscription={subscription} onDone={onDone} onKeep={() => setCancelling(false)} />
        ) : (
          <>
            <s-heading>{t("headings.changes")}</s-heading>
            <s-stack direction="inline" gap="small-200">
              {can("resume") && (
                <s-button loading={busy} onClick={() => change({ action: "resume" }, "resume")}>
                  {t("resume")}
                </s-button>
              )}
              {can("cancel") && (
                <s-button variant="secondary" tone="critical" onClick={() => setCancelling(true)}>
                  {t("cancel")}
                </s-button>
              )}
            </s-stack>
            {can("addOneTime") && subscription.variants.length > 0 && (
              <s-stack direction="inline" gap="small-200">
                <s-select
                  label={t("oneTimeLabel")}
                  value={oneTimeVariant}
                  onChange={(event) => setOneTimeVariant((event.currentTarget as HTMLSelectElement).value)}
                >
                  {subscription.variants.map((variant) => (
                    <s-option key={variant.id} value={variant.id}>
                      {variant.title} · {money(variant.priceMinor)}
                    </s-option>
                  ))}
                </s-select>
                <s-button
                  variant="secondary"
                  loading={busy}
                  onClick={() => change({ action: "addOneTime", variantId: oneTimeVariant, quantity: 1 }, "addOneTime")}
                >
                  {t("addOneTime")}
                </s-button>
              </s-stack>
            )}
            {can("pause") && (
              <s-stack direction="inline" gap="small-200">
                <s-select
                  label={t("pauseFor")}
                  value={pauseOrders}
                  onChange={(event) => setPauseOrders((event.currentTarget as HTMLSelectElement).value)}
                >
                  {Array.from({ length: MAX_PAUSED_ORDERS }, (_, i) => String(i + 1)).map((n) => (
                    <s-option key={n} value={n}>
                      {t("pauseOrders", { count: Number(n) })}
                    </s-option>
                  ))}
                </s-select>
                <s-button variant="secondary" loading={busy} onClick={() => change({ action: "pause", orders: pauseOrders }, "pause")}>
                  {t("pause")}
                </s-button>
              </s-stack>
            )}
            {can("pause") && (
              <DateAction
                label={t("pauseUntil")}
                button={t("pauseUntilButton")}
                busy={busy}
                onSubmit={(until) => change({ action: "pause", until }, "pause")}
              />
            )}
            {can("reactivate") && (
              <DateAction
                label={t("restartDate")}
                button={t("reactivate")}
                busy={busy}
                onSubmit={(date) => change({ action: "reactivate", date }, "reactivate")}
              />
            )}
            {can("reschedule") && (
              <DateAction
                label={t("dateLabel")}
                button={t("reschedule")}
                busy={busy}
                onSubmit={(date) => change({ action: "reschedule", date }, "reschedule")}
              />
            )}
            {can("changeFrequency") && subscription.plans.length > 1 && (
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
          </>
        )}
        <s-heading>{t("headings.history")}</s-heading>
        <s-text>{t("startedOn", { date: day(subscription.startedAt) })}</s-text>
        {subscription.pastOrders.map((order) => (
          <s-text key={order.date}>
            {day(order.date)} · {t(`orderStatus.${order.status}`)}
            {order.amountMinor === null ? "" : ` · ${money(order.amountMinor)}`}
          </s-text>
        ))}
      </s-stack>
    </s-section>
  );
}

/** A day and the button that acts on it, disabled until a day is chosen. */
function DateAction({
  label,
  button,
  busy,
  onSubmit,
}: {
  label: string;
  button: string;
  busy: boolean;
  onSubmit: (day: string) => unknown;
}) {
  const [day, setDay] = useState("");
  return (
    <s-stack direction="inline" gap="small-200">
      <s-date-field label={label} value={day} onChange={(event) => setDay((event.currentTarget as HTMLInputElement).value)} />
      <s-button disabled={!day} loading={busy} onClick={() => onSubmit(day)}>
        {button}
      </s-button>
    </s-stack>
  );
}

const ADDRESS_FIELDS = ["firstName", "lastName", "address1", "address2", "city", "province", "zip"] as const;
const OPTIONAL_ADDRESS_FIELDS = new Set<string>(["firstName", "address2", "province"]);

/** Where orders ship, with a form to change it; a refused field shows its own message under it. */
function DeliveryAddressSection({
  subscription,
  busy,
  change,
}: {
  subscription: Subscription;
  busy: boolean;
  change: (values: Record<string, string>, done: string) => Promise<{ ok: boolean; fields?: string[] }>;
}) {
  const t = shopify.i18n.translate;
  const locale = shopify.localization.language.value.isoCode;
  const current = subscription.deliveryAddress;
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<DeliveryAddress | null>(current);
  const [invalid, setInvalid] = useState<string[]>([]);
  const canEdit = subscription.actions.includes("updateAddress") && current !== null;
  const set = (field: keyof DeliveryAddress) => (event: Event) =>
    setValues((before) => before && { ...before, [field]: (event.currentTarget as HTMLInputElement).value });

  const save = async () => {
    if (!values) return;
    const result = await change({ action: "updateAddress", ...values }, "updateAddress");
    setInvalid(result.ok ? [] : (result.fields ?? []));
    if (result.ok) setEditing(false);
  };

  return (
    <>
      <s-heading>{t("headings.delivery")}</s-heading>
      {current ? addressLines(current, locale).map((line) => <s-text key={line}>{line}</s-text>) : <s-text>{t("noAddress")}</s-text>}
      {canEdit && !editing && (
        <s-button variant="secondary" onClick={() => setEditing(true)}>
          {t("changeAddress")}
        </s-button>
      )}
      {canEdit && editing && values && (
        <s-stack gap="small-200">
          {ADDRESS_FIELDS.map((field) => (
            <s-text-field
              key={field}
              label={t(`address.${field}`)}
              value={values[field]}
              required={!OPTIONAL_ADDRESS_FIELDS.has(field)}
              error={invalid.includes(field) ? t(`addressErrors.${field}`) : undefined}
              onChange={set(field)}
            />
          ))}
          <s-select
            label={t("address.countryCode")}
            value={values.countryCode}
            error={invalid.includes("countryCode") ? t("addressErrors.countryCode") : undefined}
            onChange={set("countryCode")}
          >
            {countryOptions(locale).map((country) => (
              <s-option key={country.code} value={country.code}>
                {country.name}
              </s-option>
            ))}
          </s-select>
          <s-stack direction="inline" gap="small-200">
            <s-button loading={busy} onClick={save}>
              {t("saveAddress")}
            </s-button>
            <s-button variant="secondary" onClick={() => setEditing(false)}>
              {t("keepAddress")}
            </s-button>
          </s-stack>
        </s-stack>
      )}
    </>
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
  // A change of frequency or a swap offered here moves to the plan's other frequency, or the item's first other option.
  const otherPlan = subscription.plans.find((p) => !p.current);
  const current = subscription.items.find((i) => !i.oneTime)?.title;
  const otherVariant = subscription.swapVariants.find((v) => v.title !== current);

  const finish = async (choice: { accept: Offer["kind"]; sellingPlanId?: string; variantId?: string } | "decline", done: string) => {
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
          {subscription.cancellationReasons.map((r) => (
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
              : offer.kind === "freeProduct"
                ? t("offers.freeProduct", { title: offer.title })
                : t(`offers.${offer.kind}`);
        const done = DONE_FOR_OFFER[offer.kind];
        return (
          <s-button
            key={offer.kind}
            loading={busy}
            onClick={() => finish({ accept: offer.kind, sellingPlanId: otherPlan?.id, variantId: otherVariant?.id }, done)}
          >
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
