import type { ContractLineRecord, PricingPolicyRecord, SellingPlanRecord } from "./store";

/**
 * Shopify's side of subscribe-and-save pricing: the price of one unit on a given cycle of a plan
 * (cycle 1 is the checkout order). Integer minor units throughout; percentages in basis points.
 */
function apply(policy: PricingPolicyRecord, priceMinor: number): number {
  switch (policy.adjustmentType) {
    case "PERCENTAGE":
      return Math.max(0, Math.round((priceMinor * (10_000 - policy.adjustmentValue)) / 10_000));
    case "FIXED_AMOUNT":
      return Math.max(0, priceMinor - policy.adjustmentValue);
    case "PRICE":
      return policy.adjustmentValue;
  }
}

export function planPriceMinor(plan: SellingPlanRecord, variantPriceMinor: number, cycle = 1): number {
  const policy = [...plan.pricingPolicies].sort((a, b) => b.afterCycle - a.afterCycle).find((p) => cycle > p.afterCycle);
  return policy ? apply(policy, variantPriceMinor) : variantPriceMinor;
}

const DAYS_PER_UNIT = { DAY: 1, WEEK: 7, MONTH: 30, YEAR: 365 } as const;

/**
 * How many deliveries one billing covers: 1 for pay-per-delivery, more for a prepaid plan (billed
 * every 6 months, delivered every month: 6). Shopify requires billing to be a multiple of delivery.
 */
export function deliveriesPerBilling(plan: SellingPlanRecord): number {
  const { billingPolicy: billing, deliveryPolicy: delivery } = plan;
  if (billing.interval === delivery.interval) return Math.max(1, Math.round(billing.intervalCount / delivery.intervalCount));
  if (billing.interval === "YEAR" && delivery.interval === "MONTH")
    return Math.max(1, Math.round((12 * billing.intervalCount) / delivery.intervalCount));
  return Math.max(
    1,
    Math.round((DAYS_PER_UNIT[billing.interval] * billing.intervalCount) / (DAYS_PER_UNIT[delivery.interval] * delivery.intervalCount)),
  );
}

/**
 * A variant's price under a plan as Shopify's selling_plan_allocation has it: `perDelivery` for one
 * delivery of the first order, `price` charged at checkout (every delivery of a prepaid term), and
 * one entry per pricing policy (the first orders' price, then the price after them), per delivery.
 */
export function allocationPricing(plan: SellingPlanRecord, variantPriceMinor: number) {
  const deliveries = deliveriesPerBilling(plan);
  const perDelivery = planPriceMinor(plan, variantPriceMinor, 1);
  const adjustments = [...plan.pricingPolicies]
    .sort((a, b) => a.afterCycle - b.afterCycle)
    .map((policy, index) => ({ position: index + 1, price: planPriceMinor(plan, variantPriceMinor, policy.afterCycle + 1) * deliveries }));
  return { deliveries, perDelivery, price: perDelivery * deliveries, adjustments };
}

/** The pricing policy Shopify copies onto a contract line bought with the plan (see ContractLineRecord). */
export function contractLinePricingPolicy(plan: SellingPlanRecord, variantPriceMinor: number): ContractLineRecord["pricingPolicy"] {
  const deliveries = deliveriesPerBilling(plan);
  return {
    basePriceMinor: variantPriceMinor,
    cycleDiscounts: [...plan.pricingPolicies]
      .sort((a, b) => a.afterCycle - b.afterCycle)
      .map((policy) => ({ ...policy, computedPriceMinor: planPriceMinor(plan, variantPriceMinor, policy.afterCycle + 1) * deliveries })),
  };
}

/** The next billing date of a new contract; a month later than Jan 31 is the last day of February. */
export function addInterval(from: Date, interval: SellingPlanRecord["billingPolicy"]["interval"], count: number): Date {
  const next = new Date(from.getTime());
  if (interval === "DAY" || interval === "WEEK") {
    next.setUTCDate(next.getUTCDate() + (interval === "WEEK" ? 7 : 1) * count);
    return next;
  }
  const months = interval === "YEAR" ? 12 * count : count;
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}
