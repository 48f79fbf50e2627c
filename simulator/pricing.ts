import type { PricingPolicyRecord, SellingPlanRecord } from "./store";

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
