import { createHmac } from "node:crypto";
import { sameSignature } from "../signatures";
import { clock } from "../clock";
import { signingKey, verifyingKeys } from "../signing-keys.server";
import { db } from "../db.server";
import { backgroundAdmin } from "../shopify/background.server";
import { ShopifyUserErrors } from "../shopify/errors";
import { shopTimeZone } from "../shops/shops.server";
import { nextScheduled, scheduleOf } from "../subscriptions/billing-schedule";
import { storedDeliveryAddress } from "../subscriptions/delivery-address";
import { upcomingOrdersOf } from "../subscriptions/contracts.server";
import { orderAmountMinor, restartAmountMinor, storedDiscounts, type ContractDiscount } from "../subscriptions/order-preview";
import { portalReferral } from "../referrals/referrals.server";
import { isMembershipPlan } from "../memberships/memberships.server";
import { cardExpiresBefore, storedPaymentMethod } from "../subscriptions/payment-method";
import { localDay } from "../time/zoned";
import { minorUnits } from "../money";
import { DONE_FOR_OFFER } from "../../extensions/shared/save-offers";
import { z } from "zod";
import { cancellationInput, parseAction, type CancellationReason } from "../subscriptions/contract-actions";
import {
  acceptSaveOffer,
  actionsFor,
  choicesFor,
  contractWithState,
  declineAndCancel,
  performAction,
  startCancellation,
  type ActionResult,
} from "../subscriptions/contract-actions.server";
import { askedReasons, SAVE_OFFER_KINDS, type SaveOffer } from "../subscriptions/retention";
import { loadSettings } from "../subscriptions/settings.server";

/**
 * A customer managing their own subscriptions, from the customer account extension (session token)
 * or the storefront's app proxy page (proxy signature). Either way the customer is the one Shopify
 * vouched for, never one named by the browser, and every contract is looked up within that
 * customer's own: another customer's id is simply not found.
 */
export interface Customer {
  shop: string;
  /** The customer's gid, as Shopify names them in session tokens and on contracts. */
  customerId: string;
}

export function customerFromProxy(shop: string, loggedInCustomerId: string | null): Customer | null {
  return loggedInCustomerId && /^\d+$/.test(loggedInCustomerId)
    ? { shop, customerId: `gid://shopify/Customer/${loggedInCustomerId}` }
    : null;
}

/** How long a cancelled subscription stays on the customer's page, to be restarted. */
const RESTARTABLE_FOR_MS = 365 * 86_400_000;

/**
 * Each upcoming order with the discounts it gets: one limited to a number of orders (a save offer,
 * a referral credit) comes off the next orders made, not off a skipped one, and is then used up.
 */
function withDiscountsUsedUp<T extends { skipped: boolean }>(orders: T[], discounts: ContractDiscount[]) {
  let made = 0;
  return orders.map((order) => {
    const running = discounts.filter((discount) => discount.ordersLeft === null || discount.ordersLeft > made);
    if (!order.skipped) made += 1;
    return { order, discounts: running };
  });
}

export async function customerSubscriptions(customer: Customer) {
  const contracts = await db().subscriptionContract.findMany({
    where: {
      shop: customer.shop,
      customerId: customer.customerId,
      OR: [
        { status: { in: ["ACTIVE", "PAUSED"] } },
        // Cancelled within the year and not restarted yet: one click brings it back.
        { status: "CANCELLED", reactivatedAt: null, cancelledAt: { gte: new Date(clock().now().getTime() - RESTARTABLE_FOR_MS) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const timeZone = await shopTimeZone(customer.shop);
  const admin = await backgroundAdmin(customer.shop);
  const cancellationReasons = askedReasons((await loadSettings(customer.shop)).cancellationFlow);
  return Promise.all(
    contracts.map(async ({ id }) => {
      const loaded = (await contractWithState(customer.shop, id, customer.customerId))!;
      const { contract } = loaded;
      const actions = actionsFor(loaded, "customer");
      const choices = await choicesFor(admin, loaded, "customer");
      const schedule = scheduleOf(contract, timeZone);
      const next = contract.nextBillingAt ? nextScheduled(schedule, new Date(contract.nextBillingAt.getTime() - 1)) : null;
      const paymentMethod = storedPaymentMethod(contract.paymentMethod);
      return {
        id: contract.id,
        status: contract.status,
        timeZone,
        currencyCode: contract.currencyCode,
        planName: contract.lines.find((l) => l.sellingPlanName)?.sellingPlanName ?? "",
        nextOrderAt: next?.date.toISOString() ?? null,
        // A cancelled one shows what a restart's orders would cost: its recurring items at their last price.
        nextOrderAmountMinor: next
          ? orderAmountMinor(contract.lines, next.cycle, storedDiscounts(contract.discounts))
          : contract.status === "CANCELLED"
            ? restartAmountMinor(contract.lines)
            : null,
        cancelledAt: contract.cancelledAt?.toISOString() ?? null,
        resumeAt: contract.resumeAt?.toISOString() ?? null,
        // A pause with an end: the first order after it, which is what the customer plans around.
        firstOrderAfterPause: contract.resumeAt ? nextScheduled(schedule, contract.resumeAt).date.toISOString() : null,
        startedAt: contract.firstBillingAt.toISOString(),
        deliveryAddress: storedDeliveryAddress(contract.deliveryAddress),
        paymentMethod,
        // Told before the order the card would fail, with the way to update it beside.
        cardExpiresBeforeNextOrder: Boolean(paymentMethod && next && cardExpiresBefore(paymentMethod, localDay(next.date, timeZone))),
        upcomingOrders: withDiscountsUsedUp(await upcomingOrdersOf(contract, schedule), storedDiscounts(contract.discounts)).map(
          ({ order, discounts }) => ({
            cycle: order.cycle,
            date: order.date.toISOString(),
            skipped: order.skipped,
            amountMinor: orderAmountMinor(contract.lines, order.cycle, discounts),
          }),
        ),
        pastOrders: await pastOrders(customer.shop, contract.id),
        items: contract.lines.map((l) => ({
          id: l.id,
          title: l.variantTitle ? `${l.title} – ${l.variantTitle}` : l.title,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          oneTime: l.oneTimeCycle !== null,
        })),
        actions,
        // The reasons the merchant asks, for the cancellation flow's first step.
        cancellationReasons,
        // Why skip and cancel are missing: the orders the plan's minimum still asks for.
        ordersOwed: loaded.state.ordersOwed,
        plans: choices.plans,
        // What may be added to the next order once, at the price the order will charge for it.
        variants: choices.variants.map((v) => ({ id: v.id, title: v.title, priceMinor: minorUnits(v.price, contract.currencyCode) })),
        // What a recurring item may be swapped for: the variants its plan sells.
        swapVariants: choices.swapVariants,
        // Their link to share, once the referral program has invited them.
        referral: await portalReferral(customer.shop, contract.id),
        // A membership: its plans are tiers, which the page calls so.
        membership: await isMembershipPlan(
          customer.shop,
          contract.lines.flatMap((line) => (line.sellingPlanId ? [line.sellingPlanId] : [])),
        ),
      };
    }),
  );
}
/** How a past order stands for the customer: its last attempt's outcome (retries of one order are one order). */
const PAST_ORDER_STATUS: Record<string, "paid" | "paymentFailed" | "skipped" | "processing"> = {
  succeeded: "paid",
  failed: "paymentFailed",
  skipped: "skipped",
  sending: "processing",
  sent: "processing",
  challenged: "processing",
};

/** The subscription's latest renewals, newest first, with what each order came to when it was paid. */
async function pastOrders(shop: string, contractId: string) {
  const attempts = await db().billingAttempt.findMany({
    where: { contractId, shop, status: { in: Object.keys(PAST_ORDER_STATUS) } },
    orderBy: [{ cycle: "desc" }, { retry: "desc" }],
    take: 24,
    select: { cycle: true, cycleDate: true, status: true, orderId: true },
  });
  const latest = attempts.filter((attempt, index) => index === 0 || attempts[index - 1]!.cycle !== attempt.cycle).slice(0, 6);
  const orderIds = latest.flatMap((a) => (a.orderId ? [a.orderId] : []));
  const orders = await db().order.findMany({
    where: { shop, shopifyId: { in: orderIds } },
    select: { shopifyId: true, recurringMinor: true, oneOffMinor: true, protectionMinor: true },
  });
  const amounts = new Map(orders.map((o) => [o.shopifyId, o.recurringMinor + o.oneOffMinor + o.protectionMinor]));
  return latest.map((a) => ({
    date: a.cycleDate.toISOString(),
    status: PAST_ORDER_STATUS[a.status]!,
    amountMinor: a.orderId ? (amounts.get(a.orderId) ?? null) : null,
  }));
}

export type PortalSubscription = Awaited<ReturnType<typeof customerSubscriptions>>[number];

export type CustomerActionResult =
  | ActionResult
  | { ok: false; error: "invalidInput"; fields: string[] }
  | { ok: false; error: "shopify"; message: string };

/** One action of the customer's, checked against the contract's state like the merchant's. */
export async function customerAction(
  customer: Customer,
  contractId: string,
  values: Record<string, unknown>,
): Promise<CustomerActionResult | null> {
  const loaded = await contractWithState(customer.shop, contractId, customer.customerId);
  if (!loaded) return null;
  const parsed = parseAction(values);
  if (!parsed.ok) return { ok: false, error: "invalidInput", fields: parsed.fields };
  // Cancelling goes through the cancellation flow (reasons, then offers), never straight through.
  if (parsed.input.action === "cancel") return { ok: false, error: "notAllowed" };
  return shopifyRefusalsAsResult(async () => performAction(await backgroundAdmin(customer.shop), loaded, parsed.input, "customer"));
}

/** A step of the cancellation flow as the page or the extension sends it. */
const cancellationStep = z.discriminatedUnion("step", [
  cancellationInput.extend({ step: z.literal("reason") }),
  cancellationInput.extend({
    step: z.literal("accept"),
    offer: z.enum(SAVE_OFFER_KINDS),
    sellingPlanId: z.string().max(200).optional(),
    variantId: z.string().max(200).optional(),
  }),
  cancellationInput.extend({ step: z.literal("decline") }),
]);

export type CancellationStepResult =
  | { kind: "invalid" }
  | { kind: "offers"; offers: SaveOffer[]; reason: CancellationReason; reasonText: string }
  | { kind: "done"; result: CustomerActionResult; done: string };

/**
 * The cancellation flow: the reason, answered with the offers that fit it (each recorded as
 * offered); then an offer taken, or every offer declined and the subscription cancelled. Null when
 * the subscription is not the customer's or cannot be cancelled.
 */
export async function customerCancellationStep(
  customer: Customer,
  contractId: string,
  values: Record<string, unknown>,
): Promise<CancellationStepResult | null> {
  const loaded = await contractWithState(customer.shop, contractId, customer.customerId);
  if (!loaded || !actionsFor(loaded, "customer").includes("cancel")) return null;
  const parsed = cancellationStep.safeParse({ ...values, reasonText: values.reasonText || undefined });
  if (!parsed.success) return { kind: "invalid" };
  const { reason, reasonText } = parsed.data;
  // A reason the merchant does not ask is not one a customer can give.
  if (!askedReasons((await loadSettings(customer.shop)).cancellationFlow).includes(reason)) return { kind: "invalid" };
  const admin = await backgroundAdmin(customer.shop);
  switch (parsed.data.step) {
    case "reason":
      return {
        kind: "offers",
        offers: await startCancellation(admin, loaded, "customer", reason, reasonText),
        reason,
        reasonText: reasonText ?? "",
      };
    case "accept": {
      const { offer, sellingPlanId, variantId } = parsed.data;
      const result = await shopifyRefusalsAsResult(() =>
        acceptSaveOffer(admin, loaded, "customer", reason, offer, { sellingPlanId, variantId }),
      );
      return { kind: "done", result, done: DONE_FOR_OFFER[offer] };
    }
    case "decline":
      return {
        kind: "done",
        result: await shopifyRefusalsAsResult(() => declineAndCancel(admin, loaded, "customer", reason, reasonText)),
        done: "cancel",
      };
  }
}

async function shopifyRefusalsAsResult(run: () => Promise<ActionResult>): Promise<CustomerActionResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ShopifyUserErrors) return { ok: false, error: "shopify", message: error.message };
    throw error;
  }
}

/**
 * The storefront page's forms carry a token only Orchard can make, for this customer and day:
 * another site cannot make a logged-in customer's browser post a cancellation (CSRF).
 */
function tokenFor(key: Buffer, customer: Customer, day: string): string {
  return createHmac("sha256", key).update(`portal:${customer.shop}:${customer.customerId}:${day}`).digest("base64url");
}

const dayOf = (offsetDays: number) => new Date(clock().now().getTime() - offsetDays * 86_400_000).toISOString().slice(0, 10);

export function formToken(customer: Customer): string {
  return tokenFor(signingKey("portal-form"), customer, dayOf(0));
}

export function formTokenValid(customer: Customer, token: unknown): boolean {
  if (typeof token !== "string") return false;
  // Today's or yesterday's (a page left open over midnight still works), by the current key or the one before a rotation.
  return verifyingKeys("portal-form").some((key) => [0, 1].some((days) => sameSignature(token, tokenFor(key, customer, dayOf(days)))));
}

/** The customer a customer-account session token names (`sub`), in the shop it was issued for (`dest`). */
export function customerFromSessionToken(token: { dest: string; sub?: string }): Customer | null {
  const shop = new URL(token.dest.startsWith("http") ? token.dest : `https://${token.dest}`).hostname;
  return token.sub && /^gid:\/\/shopify\/Customer\/\d+$/.test(token.sub) ? { shop, customerId: token.sub } : null;
}
