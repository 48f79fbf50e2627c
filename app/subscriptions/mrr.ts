import { divideRoundingHalfUp } from "../money";

/**
 * Monthly recurring revenue of one subscription, in integer minor units of the shop's currency
 * (docs/metrics.md). Pure.
 */
export type BillingInterval = "DAY" | "WEEK" | "MONTH" | "YEAR";

export interface RecurringCharge {
  /** What each billing charges, discounts applied, in minor units of the contract's currency. */
  amountPerBillingMinor: number;
  billingInterval: BillingInterval;
  billingIntervalCount: number;
}

/**
 * Months in one billing interval, as a fraction [numerator, denominator]: a week is 12/52 of a
 * month's share of the year (ChartMogul and Baremetrics normalise weekly plans by × 52 / 12), a
 * day 12/365. A prepaid plan bills its whole term at once, so its price is spread over that term.
 */
function monthsPerBilling(interval: BillingInterval, count: number): [number, number] {
  switch (interval) {
    case "DAY":
      return [12 * count, 365];
    case "WEEK":
      return [12 * count, 52];
    case "MONTH":
      return [count, 1];
    case "YEAR":
      return [12 * count, 1];
  }
}

/** The charge normalised to one month, rounded half up to a whole minor unit. */
export function monthlyRecurringMinor(charge: RecurringCharge): number {
  const [months, per] = monthsPerBilling(charge.billingInterval, charge.billingIntervalCount);
  return divideRoundingHalfUp(charge.amountPerBillingMinor * per, months);
}

/** The MRR of a mirrored contract: its recurring lines (one-time items excluded) while it is active, else none. */
export function contractMrrMinor(contract: {
  status: string;
  billingInterval: string;
  billingIntervalCount: number;
  lines: { unitPriceMinor: number; quantity: number; oneTimeCycle: number | null }[];
}): number {
  if (contract.status !== "ACTIVE" || !isBillingInterval(contract.billingInterval)) return 0;
  const amountPerBillingMinor = contract.lines
    .filter((line) => line.oneTimeCycle === null)
    .reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  return monthlyRecurringMinor({
    amountPerBillingMinor,
    billingInterval: contract.billingInterval,
    billingIntervalCount: contract.billingIntervalCount,
  });
}

function isBillingInterval(interval: string): interval is BillingInterval {
  return interval === "DAY" || interval === "WEEK" || interval === "MONTH" || interval === "YEAR";
}
