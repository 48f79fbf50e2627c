import { z } from "zod";
import { deliveryAddressInput } from "./delivery-address";

/**
 * What can be done to a subscription, by whom, and in which state. Pure: the admin and the customer
 * screens show an action only when this says it is valid, and the server refuses it otherwise.
 */
export const CONTRACT_ACTIONS = [
  "pause",
  "resume",
  "skip",
  "unskip",
  "reschedule",
  "changeFrequency",
  "changeQuantity",
  "swapVariant",
  "addOneTime",
  "cancel",
  "billNow",
  "updateAddress",
  "sendPaymentUpdate",
  "reactivate",
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** Customers manage their own subscription; charging early stays with the merchant. */
const CUSTOMER_ACTIONS = new Set<ContractAction>([
  "pause",
  "resume",
  "skip",
  "unskip",
  "reschedule",
  "changeFrequency",
  "changeQuantity",
  "swapVariant",
  "addOneTime",
  "cancel",
  "updateAddress",
  "sendPaymentUpdate",
  "reactivate",
]);

export type Actor = "merchant" | "customer";

export interface ContractState {
  status: string;
  /** A failed payment is being retried. */
  inDunning: boolean;
  /** A charge of the coming cycle is on its way to Shopify and not settled yet. */
  chargeInFlight: boolean;
  /** Orders still owed under the plan's minimum (commitment.ts): the customer may not skip or cancel yet. */
  ordersOwed: number;
  /** A cancelled subscription already restarted as a new one is not restarted again. */
  reactivated: boolean;
}

export function availableActions(state: ContractState, actor: Actor): ContractAction[] {
  const allowed = (action: ContractAction): boolean => {
    if (actor === "customer" && !CUSTOMER_ACTIONS.has(action)) return false;
    // The minimum the customer agreed to binds them, not the merchant, who may waive it.
    if (actor === "customer" && state.ordersOwed > 0 && (action === "skip" || action === "cancel")) return false;
    switch (state.status) {
      case "PAUSED":
        // Where orders ship and which card pays can be put right before the subscription resumes.
        return action === "resume" || action === "cancel" || action === "updateAddress" || action === "sendPaymentUpdate";
      case "ACTIVE":
        if (action === "resume" || action === "reactivate") return false;
        // While a payment is retried the failing order is still the next one: it cannot be skipped,
        // moved or charged again early; the rest of the subscription can change.
        if (state.inDunning && (action === "skip" || action === "unskip" || action === "reschedule" || action === "billNow")) return false;
        if (state.chargeInFlight && (action === "skip" || action === "billNow")) return false;
        return true;
      // Shopify cannot reactivate a cancelled contract: a restart is a new contract on the same terms.
      case "CANCELLED":
        return action === "reactivate" && !state.reactivated;
      default:
        return false;
    }
  };
  return CONTRACT_ACTIONS.filter(allowed);
}

const MAX_QUANTITY = 100;
/** A pause for a number of orders leaves out at most six: longer than that is a pause until a date. */
export const MAX_PAUSED_ORDERS = 6;

const id = z.string().min(1).max(200);

export const CANCELLATION_REASONS = ["too_expensive", "too_much_product", "not_using", "going_away", "quality", "other"] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];
/** Why a subscription is cancelled: one of the fixed reasons, and the customer's own words if any. */
export const cancellationInput = z.object({ reason: z.enum(CANCELLATION_REASONS), reasonText: z.string().max(500).optional() });

/** An action's input as a form or JSON body sends it; every field checked before anything is sent to Shopify. */
export const actionInput = z
  .discriminatedUnion("action", [
    z.object({
      action: z.literal("pause"),
      // One length at most (checked below); none pauses until the customer or merchant resumes.
      orders: z.coerce.number().int().min(1).max(MAX_PAUSED_ORDERS).optional(),
      until: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
        .optional(),
      months: z.coerce.number().int().min(1).max(12).optional(),
    }),
    z.object({ action: z.literal("resume") }),
    // Without a cycle, the next order; with one, that later order (planned-skips.ts).
    z.object({ action: z.literal("skip"), cycle: z.coerce.number().int().min(0).max(1_000_000).optional() }),
    z.object({ action: z.literal("unskip"), cycle: z.coerce.number().int().min(0).max(1_000_000) }),
    z.object({ action: z.literal("reschedule"), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date") }),
    z.object({ action: z.literal("changeFrequency"), sellingPlanId: id }),
    z.object({ action: z.literal("changeQuantity"), lineId: id, quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY) }),
    z.object({ action: z.literal("swapVariant"), lineId: id, variantId: id }),
    z.object({ action: z.literal("addOneTime"), variantId: id, quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY) }),
    cancellationInput.extend({ action: z.literal("cancel") }),
    z.object({ action: z.literal("billNow") }),
    deliveryAddressInput.extend({ action: z.literal("updateAddress") }),
    z.object({ action: z.literal("sendPaymentUpdate") }),
    z.object({ action: z.literal("reactivate"), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date") }),
  ])
  .superRefine((input, context) => {
    if (input.action === "pause" && [input.orders, input.until, input.months].filter((v) => v !== undefined).length > 1)
      context.addIssue({ code: z.ZodIssueCode.custom, path: ["orders"], message: "one length" });
  });
export type ActionInput = z.infer<typeof actionInput>;

/** What a merchant does to several subscriptions at once from the list, at most a page of them. */
export const BULK_ACTIONS = ["pause", "resume", "cancel"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const bulkActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["pause", "resume"]), ids: z.array(id).min(1).max(50) }),
  cancellationInput.extend({ action: z.literal("cancel"), ids: z.array(id).min(1).max(50) }),
]);
export type BulkActionInput = z.infer<typeof bulkActionInput>;

/** Parses a submitted action; the per-field messages name the fields, for the form to show. */
export function parseAction(values: Record<string, unknown>): { ok: true; input: ActionInput } | { ok: false; fields: string[] } {
  const parsed = actionInput.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "action")))] };
}

/**
 * A reschedule date (the shop's calendar day) must be tomorrow or later and within a year: Shopify
 * refuses a past billing date, and a date far away is a typo more often than a wish.
 */
export function rescheduleAllowed(date: string, today: string): boolean {
  const day = (text: string) => Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(day(date)).toISOString().slice(0, 10) === date;
  return valid && day(date) > day(today) && day(date) <= day(today) + 366 * 86_400_000;
}

/** A selling plan's pricing policy as the Admin API returns it (recurring ones carry afterCycle). */
export interface PlanPricingPolicy {
  afterCycle?: number | null;
  adjustmentType: string;
  adjustmentValue: { percentage?: number; amount?: string };
}

/** One step of a plan's pricing for a variant: from cycle `afterCycle` on, the unit price, set by `policy`. */
export interface PriceStep {
  afterCycle: number;
  priceMinor: number;
  policy: PlanPricingPolicy;
}

/**
 * A plan's prices for a variant, in minor units, step by step: the fixed policy from the first
 * order (an introductory price), each recurring one from its cycle. Percentages are rounded half up
 * to the minor unit.
 */
export function planPriceSteps(policies: PlanPricingPolicy[], variantPriceMinor: number, toMinor: (amount: string) => number): PriceStep[] {
  return policies
    .map((policy) => ({ afterCycle: policy.afterCycle ?? 0, priceMinor: adjustedPriceMinor(policy, variantPriceMinor, toMinor), policy }))
    .sort((a, b) => a.afterCycle - b.afterCycle);
}

/** A policy's interval: a selling plan's billing or delivery, in Shopify's units. */
export interface PolicyInterval {
  interval: string;
  intervalCount: number;
}

/**
 * How many deliveries one billing pays for: 1 for pay-per-delivery, 3 for a quarter billed for
 * monthly deliveries (prepaid). Intervals in units that do not divide (weeks against months) pay
 * per delivery.
 */
export function deliveriesPerBilling(billing: PolicyInterval, delivery: PolicyInterval): number {
  const lengths: Record<string, [unit: "day" | "month", count: number]> = {
    DAY: ["day", 1],
    WEEK: ["day", 7],
    MONTH: ["month", 1],
    YEAR: ["month", 12],
  };
  const [billingUnit, billingLength] = lengths[billing.interval] ?? ["day", 0];
  const [deliveryUnit, deliveryLength] = lengths[delivery.interval] ?? ["day", 0];
  if (billingUnit !== deliveryUnit || !billingLength || !deliveryLength) return 1;
  return Math.max(1, Math.round((billingLength * billing.intervalCount) / (deliveryLength * delivery.intervalCount)));
}

/** The unit price the steps set for a cycle (Orchard's count: the checkout is cycle 0); the variant's own price without a policy. */
export function priceAtCycle(steps: PriceStep[], cycle: number, variantPriceMinor: number): number {
  return steps.filter((step) => step.afterCycle <= cycle).at(-1)?.priceMinor ?? variantPriceMinor;
}

function adjustedPriceMinor(policy: PlanPricingPolicy, variantPriceMinor: number, toMinor: (amount: string) => number): number {
  const { percentage, amount } = policy.adjustmentValue;
  switch (policy.adjustmentType) {
    case "PERCENTAGE": {
      // Exact: percentages arrive with at most two decimals, so work in basis points.
      const basisPoints = Math.round((percentage ?? 0) * 100);
      return Math.max(0, Math.floor((variantPriceMinor * (10_000 - basisPoints) + 5_000) / 10_000));
    }
    case "FIXED_AMOUNT":
      return Math.max(0, variantPriceMinor - toMinor(amount ?? "0"));
    case "PRICE":
      return toMinor(amount ?? "0");
    default:
      return variantPriceMinor;
  }
}
