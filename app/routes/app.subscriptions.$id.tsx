import { useEffect, useState, type ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, InlineStack, Layout, Link, Modal, Page, Text } from "@shopify/polaris";
import { addressLines } from "../../extensions/shared/addresses";
import { PageTitle } from "../components/PageTitle";
import { FormSelect, FormTextField } from "../components/FormControls";
import { TitledCard } from "../components/TitledCard";
import { CancellationReasonFields } from "../components/CancellationReasonFields";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopifyUserErrors } from "../shopify/errors";
import { shopTimeZone } from "../shops/shops.server";
import { parseAction } from "../subscriptions/contract-actions";
import { actionsFor, choicesFor, contractWithState, performAction } from "../subscriptions/contract-actions.server";
import { subscriptionDetail } from "../subscriptions/contracts.server";
import { formatMoneyMinor } from "../money";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

async function loadContract(request: Request, id: string | undefined) {
  const context = await requireAdmin(request);
  // Scoped to the authenticated shop: another shop's subscription id is not found.
  const loaded = await contractWithState(context.shop, id ?? "");
  if (!loaded) throw new Response("Not Found", { status: 404 });
  return { ...context, loaded };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, admin, loaded } = await loadContract(request, params.id);
  const timeZone = await shopTimeZone(shop);
  const actions = actionsFor(loaded, "merchant");
  const [detail, choices] = await Promise.all([subscriptionDetail(loaded.contract.id, timeZone), choicesFor(admin, loaded, "merchant")]);
  return { timeZone, actions, choices, ordersOwed: loaded.state.ordersOwed, ...detail };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, loaded } = await loadContract(request, params.id);
  const parsed = parseAction(Object.fromEntries(await formWithin(request, BODY_LIMITS.adminForm)));
  if (!parsed.ok) return { ok: false as const, error: "invalidInput" as const, fields: parsed.fields };
  try {
    const result = await performAction(admin, loaded, parsed.input, "merchant");
    return result.ok ? { ok: true as const, action: parsed.input.action } : { ...result, fields: [] };
  } catch (error) {
    if (error instanceof ShopifyUserErrors) return { ok: false as const, error: "shopify" as const, message: error.message, fields: [] };
    throw error;
  }
};

/** One action as a form: what it changes (hidden fields and one visible field), then its button. */
function ActionForm({
  action,
  hidden = {},
  busy,
  children,
}: {
  action: "reschedule" | "changeFrequency" | "changeQuantity" | "swapVariant" | "addOneTime" | "reactivate";
  hidden?: Record<string, string>;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="action" value={action} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <InlineStack gap="200" blockAlign="end">
        {children}
        <Button submit disabled={busy}>
          {t(`subscriptions.actions.${action}`)}
        </Button>
      </InlineStack>
    </Form>
  );
}

const tone = { ACTIVE: "success", PAUSED: "attention", CANCELLED: undefined, EXPIRED: undefined, FAILED: "critical" } as const;

export default function Subscription() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: data.timeZone });
  const busy = navigation.state !== "idle";
  const can = (action: (typeof data.actions)[number]) => data.actions.includes(action);

  useEffect(() => {
    if (result?.ok) {
      window.shopify?.toast.show(t(`subscriptions.actions.done.${result.action}`));
      setCancelling(false);
    }
  }, [result, t]);

  // A day to move to (reschedule) or start on (reactivate), refused with the same message.
  const dateForm = (action: "reschedule" | "reactivate", label: string) => (
    <ActionForm action={action} busy={busy}>
      <FormTextField
        label={label}
        name="date"
        type="date"
        autoComplete="off"
        error={result && !result.ok && result.error === "invalidDate" ? t("subscriptions.actions.errors.invalidDate") : undefined}
      />
    </ActionForm>
  );

  const actionButton = (action: "pause" | "resume" | "billNow", variant?: "primary") =>
    can(action) ? (
      <Form method="post" key={action}>
        <input type="hidden" name="action" value={action} />
        <Button submit variant={variant} disabled={busy}>
          {t(`subscriptions.actions.${action}`)}
        </Button>
      </Form>
    ) : null;

  return (
    <Page>
      <PageTitle title={data.customer.name} back={{ url: "/app/subscriptions", content: t("subscriptions.title") }} />
      <Layout>
        <Layout.Section>
          <InlineStack gap="200" blockAlign="center">
            <Badge tone={tone[data.status as keyof typeof tone]}>{t(`subscriptions.status.${data.status as "ACTIVE"}`)}</Badge>
            <Text as="p" tone="subdued">
              {[data.customer.email !== data.customer.name ? data.customer.email : null, data.planName].filter(Boolean).join(" · ")}
            </Text>
          </InlineStack>
        </Layout.Section>
        {result && !result.ok && (
          <Layout.Section>
            <Banner tone="critical" title={t("subscriptions.actions.failed")}>
              {"message" in result ? result.message : t(`subscriptions.actions.errors.${result.error}`)}
            </Banner>
          </Layout.Section>
        )}
        {data.dunning && (
          <Layout.Section>
            <Banner tone="warning" title={t("subscriptions.dunning.title")}>
              {t("subscriptions.dunning.body", {
                cycle: data.dunning.cycle + 1,
                failures: data.dunning.failures,
                next: data.dunning.nextRetryAt ? date.format(new Date(data.dunning.nextRetryAt)) : "—",
              })}
            </Banner>
          </Layout.Section>
        )}
        {(data.ordersOwed > 0 || data.commitmentWaivedAt) && (
          <Layout.Section>
            <Banner tone="info" title={t("subscriptions.commitment.title")}>
              {data.ordersOwed > 0 && <p>{t("subscriptions.commitment.owed", { count: data.ordersOwed })}</p>}
              {data.commitmentWaivedAt && (
                <p>{t("subscriptions.commitment.waived", { date: date.format(new Date(data.commitmentWaivedAt)) })}</p>
              )}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <InlineStack gap="200">
              {actionButton("pause")}
              {actionButton("resume", "primary")}
              {actionButton("billNow")}
              {can("cancel") && (
                <Button tone="critical" onClick={() => setCancelling(true)} disabled={busy}>
                  {t("subscriptions.actions.cancel")}
                </Button>
              )}
            </InlineStack>
            <TitledCard title={t("subscriptions.detailItems")}>
              {data.lines.map((line) => (
                <BlockStack gap="200" key={line.id}>
                  <Text as="p">
                    {line.title}
                    {line.variantTitle ? ` – ${line.variantTitle}` : ""} · {t("subscriptions.quantity", { quantity: line.quantity })} ·{" "}
                    {formatMoneyMinor(line.unitPriceMinor, data.currencyCode, locale)}
                    {line.oneTime ? ` · ${t("subscriptions.oneTimeItem")}` : ""}
                  </Text>
                  {!line.oneTime && can("changeQuantity") && (
                    <ActionForm action="changeQuantity" hidden={{ lineId: line.id }} busy={busy}>
                      <FormTextField
                        label={t("subscriptions.actions.quantityLabel", { title: line.title })}
                        name="quantity"
                        type="number"
                        min={1}
                        max={100}
                        autoComplete="off"
                        initialValue={String(line.quantity)}
                      />
                    </ActionForm>
                  )}
                  {!line.oneTime && can("swapVariant") && data.choices.swapVariants.length > 1 && (
                    <ActionForm action="swapVariant" hidden={{ lineId: line.id }} busy={busy}>
                      <FormSelect
                        label={t("subscriptions.actions.variantLabel")}
                        name="variantId"
                        options={data.choices.swapVariants.map((v) => ({ label: v.title, value: v.id }))}
                      />
                    </ActionForm>
                  )}
                </BlockStack>
              ))}
              {can("addOneTime") && data.choices.variants.length > 0 && (
                <ActionForm action="addOneTime" hidden={{ quantity: "1" }} busy={busy}>
                  <FormSelect
                    label={t("subscriptions.actions.oneTimeLabel")}
                    name="variantId"
                    options={data.choices.variants.map((v) => ({ label: v.title, value: v.id }))}
                  />
                </ActionForm>
              )}
            </TitledCard>
            <OrderHistory checkout={data.checkout} history={data.history} timeZone={data.timeZone} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <CustomerCard customer={data.customer} deliveryAddress={data.deliveryAddress} paymentMethod={data.paymentMethod} />
            <TitledCard title={t("subscriptions.detailSchedule")}>
              <Text as="p">{t("subscriptions.deliveredEvery", { unit: data.delivery.interval, count: data.delivery.count })}</Text>
              {(data.billing.interval !== data.delivery.interval || data.billing.count !== data.delivery.count) && (
                <Text as="p">{t("subscriptions.billedEvery", { unit: data.billing.interval, count: data.billing.count })}</Text>
              )}
              {data.resumeAt && <Text as="p">{t("subscriptions.resumesOn", { date: date.format(new Date(data.resumeAt)) })}</Text>}
              <Text as="h3" variant="headingSm">
                {t("subscriptions.nextOrders")}
              </Text>
              {data.upcoming.map((order) => {
                const skipAction = order.skipped ? "unskip" : "skip";
                const day = date.format(new Date(order.date));
                return (
                  <InlineStack key={order.cycle} gap="200" align="space-between" blockAlign="center">
                    <Text as="p" tone={order.skipped ? "subdued" : undefined}>
                      {order.skipped ? t("subscriptions.skippedOn", { date: day }) : day}
                    </Text>
                    {can(skipAction) && (
                      <Form method="post">
                        <input type="hidden" name="action" value={skipAction} />
                        <input type="hidden" name="cycle" value={order.cycle} />
                        <Button
                          submit
                          variant="plain"
                          disabled={busy}
                          accessibilityLabel={t(`subscriptions.actions.${skipAction}OrderLabel`, { date: day })}
                        >
                          {t(`subscriptions.actions.${skipAction}Order`)}
                        </Button>
                      </Form>
                    )}
                  </InlineStack>
                );
              })}
              {can("reschedule") && dateForm("reschedule", t("subscriptions.actions.dateLabel"))}
              {can("changeFrequency") && data.choices.plans.length > 1 && (
                <ActionForm action="changeFrequency" busy={busy}>
                  <FormSelect
                    label={t("subscriptions.actions.frequencyLabel")}
                    name="sellingPlanId"
                    options={data.choices.plans.map((p) => ({ label: p.name, value: p.id }))}
                    initialValue={data.choices.plans.find((p) => p.current)?.id}
                  />
                </ActionForm>
              )}
            </TitledCard>
            {data.cancellationReason && (
              <TitledCard title={t("subscriptions.cancellationReason")}>
                <Text as="p">{t(`subscriptions.reasons.${data.cancellationReason as "other"}`)}</Text>
              </TitledCard>
            )}
            {can("reactivate") && (
              <TitledCard title={t("subscriptions.actions.reactivate")}>
                <Text as="p">{t("subscriptions.actions.reactivateBody")}</Text>
                {dateForm("reactivate", t("subscriptions.actions.firstOrderLabel"))}
              </TitledCard>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
      <Modal open={cancelling} onClose={() => setCancelling(false)} title={t("subscriptions.actions.cancelTitle")}>
        <Form method="post">
          <input type="hidden" name="action" value="cancel" />
          <Modal.Section>
            <BlockStack gap="300">
              <Text as="p">{t("subscriptions.actions.cancelBody")}</Text>
              <CancellationReasonFields />
              <InlineStack gap="200" align="end">
                <Button onClick={() => setCancelling(false)}>{t("subscriptions.actions.keep")}</Button>
                <Button submit tone="critical" variant="primary" disabled={busy}>
                  {t("subscriptions.actions.confirmCancel")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Modal.Section>
        </Form>
      </Modal>
    </Page>
  );
}

type Detail = ReturnType<typeof useLoaderData<typeof loader>>;

/** Who subscribes, where the orders ship and which payment method Shopify charges. */
function CustomerCard({ customer, deliveryAddress, paymentMethod }: Pick<Detail, "customer" | "deliveryAddress" | "paymentMethod">) {
  const { t, locale } = useTranslation();
  return (
    <TitledCard title={t("subscriptions.detailCustomer")}>
      <Text as="p" fontWeight="semibold">
        {customer.name}
      </Text>
      {customer.email && customer.email !== customer.name && <Text as="p">{customer.email}</Text>}
      <Text as="h3" variant="headingSm">
        {t("subscriptions.deliveryAddress")}
      </Text>
      {deliveryAddress ? (
        <address style={{ fontStyle: "normal" }}>
          {addressLines(deliveryAddress, locale).map((line) => (
            <Text as="p" key={line}>
              {line}
            </Text>
          ))}
        </address>
      ) : (
        <Text as="p">{t("subscriptions.noDeliveryAddress")}</Text>
      )}
      <Text as="h3" variant="headingSm">
        {t("subscriptions.paymentMethod")}
      </Text>
      <Text as="p">
        {paymentMethod === null
          ? t("subscriptions.noPaymentMethod")
          : paymentMethod.kind === "card"
            ? t("portal.card", {
                brand: paymentMethod.brand,
                digits: paymentMethod.lastDigits,
                expiry: `${String(paymentMethod.expiryMonth).padStart(2, "0")}/${paymentMethod.expiryYear}`,
              })
            : t("portal.paypal", { email: paymentMethod.email })}
      </Text>
    </TitledCard>
  );
}

/**
 * Every order of the subscription, newest first: each cycle charged or not (who skipped it and why,
 * why a charge failed), with the Shopify order it made, linked to its page in Shopify's admin.
 */
function OrderHistory({ checkout, history, timeZone }: Pick<Detail, "checkout" | "history" | "timeZone">) {
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const orderCell = (order: Detail["history"][number]["order"]) =>
    order ? (
      <BlockStack gap="050">
        <Link url={order.url} target="_top">
          {order.name ?? t("subscriptions.orders.openInShopify")}
        </Link>
        {order.totalMinor !== null && <Text as="span">{formatMoneyMinor(order.totalMinor, order.currencyCode, locale)}</Text>}
      </BlockStack>
    ) : (
      "—"
    );
  const why = (attempt: Detail["history"][number]) =>
    attempt.skipReason
      ? t(`subscriptions.skipReasons.${attempt.skipReason as "missed"}`)
      : attempt.status === "failed"
        ? t(`subscriptions.failureKinds.${(attempt.failureKind ?? "other") as "payment"}`, { code: attempt.errorCode ?? "" })
        : "";
  const rows = [
    ...history.map((attempt) => [
      attempt.retry
        ? t("subscriptions.orders.retry", { cycle: attempt.cycle + 1, retry: attempt.retry })
        : t("subscriptions.cycle", { cycle: attempt.cycle + 1 }),
      date.format(new Date(attempt.date)),
      <BlockStack gap="050" key="status">
        <Text as="span">{t(`subscriptions.attemptStatus.${attempt.status as "sent"}`)}</Text>
        {why(attempt) && (
          <Text as="span" tone="subdued">
            {why(attempt)}
          </Text>
        )}
      </BlockStack>,
      orderCell(attempt.order),
    ]),
    ...(checkout
      ? [
          [
            t("subscriptions.cycle", { cycle: 1 }),
            date.format(new Date(checkout.date)),
            t("subscriptions.orders.atCheckout"),
            orderCell(checkout.order),
          ],
        ]
      : []),
  ];
  return (
    <TitledCard title={t("subscriptions.history")}>
      {rows.length === 0 ? (
        <Text as="p">{t("subscriptions.noHistory")}</Text>
      ) : (
        <LabelledDataTable
          label={t("subscriptions.history")}
          columnContentTypes={["text", "text", "text", "text"]}
          headings={[
            t("subscriptions.orders.order"),
            t("subscriptions.orders.date"),
            t("subscriptions.orders.status"),
            t("subscriptions.orders.shopifyOrder"),
          ]}
          rows={rows}
        />
      )}
    </TitledCard>
  );
}
