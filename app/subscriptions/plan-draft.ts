/**
 * A subscribe-and-save plan as the merchant edits it, and the rules it must follow, before anything
 * is sent to Shopify. Pure: no I/O, no clock. One plan is one selling plan group; each frequency is
 * one selling plan.
 */
export const INTERVALS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;
export type Interval = (typeof INTERVALS)[number];
export const ADJUSTMENTS = ["PERCENTAGE", "FIXED_AMOUNT", "PRICE"] as const;
export type AdjustmentType = (typeof ADJUSTMENTS)[number];

export interface Adjustment {
  type: AdjustmentType;
  /** A percentage (10 or 12.5) or an amount in the shop's currency ("2.50"), as typed. */
  value: string;
}

export interface FrequencyDraft {
  /** The selling plan's gid when the frequency already exists in Shopify. */
  id?: string;
  interval: Interval;
  intervalCount: number;
  /** Deliveries paid for at once: 1 is pay-per-delivery, 3 bills every third delivery (prepaid). */
  deliveriesPerBilling: number;
  discount: Adjustment;
  /** An introductory price for the first `orders` orders, before `discount` applies. */
  intro: { orders: number; discount: Adjustment } | null;
  /**
   * Deliver on a fixed day: ISO weekday (1 = Monday) for weekly plans, day of the month for monthly
   * ones (29–31 fall back to the month's last day, as Shopify does). Null: any day.
   */
  anchorDay: number | null;
}

export interface PlanDraft {
  name: string;
  merchantCode: string;
  description: string;
  optionsLabel: string;
  frequencies: FrequencyDraft[];
  minCycles: number | null;
  maxCycles: number | null;
}

/** What a plan applies to: whole products, and single variants of other products (gids). */
export interface Attachments {
  productIds: string[];
  variantIds: string[];
}

export const MAX_FREQUENCIES = 31;
/** The highest anchor day per interval; null where Orchard offers no anchor. */
export const ANCHOR_MAX: Record<Interval, number | null> = { DAY: null, WEEK: 7, MONTH: 31, YEAR: null };
export const MAX_INTERVAL_COUNT: Record<Interval, number> = { DAY: 365, WEEK: 52, MONTH: 36, YEAR: 5 };

export type FieldErrors = Record<string, ErrorCode>;
export type ErrorCode =
  | "required"
  | "tooLong"
  | "frequencyCount"
  | "intervalCount"
  | "deliveriesPerBilling"
  | "percentage"
  | "amount"
  | "introOrders"
  | "cycles"
  | "maxBelowMin"
  | "anchorDay"
  | "duplicateFrequency";

/** Minor units from a decimal string with at most `digits` decimals; null when it is not one. */
export function parseMoney(value: string, digits = 2): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d+))?\s*$/.exec(value);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** A percentage in basis points (12.5 % → 1250), or null when it is not between 0 and 100. */
export function parsePercentage(value: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0") || "0");
  return basisPoints <= 10_000 ? basisPoints : null;
}

function checkAdjustment(adjustment: Adjustment, path: string, errors: FieldErrors): void {
  if (adjustment.type === "PERCENTAGE") {
    if (parsePercentage(adjustment.value) === null) errors[path] = "percentage";
  } else if (parseMoney(adjustment.value) === null) {
    errors[path] = "amount";
  }
}

export function validatePlan(draft: PlanDraft): FieldErrors {
  const errors: FieldErrors = {};
  const text = (value: string, path: string, max: number, required: boolean) => {
    if (required && !value.trim()) errors[path] = "required";
    else if (value.length > max) errors[path] = "tooLong";
  };
  text(draft.name, "name", 255, true);
  text(draft.merchantCode, "merchantCode", 255, false);
  text(draft.description, "description", 1000, false);
  text(draft.optionsLabel, "optionsLabel", 255, true);
  if (draft.frequencies.length < 1 || draft.frequencies.length > MAX_FREQUENCIES) errors.frequencies = "frequencyCount";

  const seen = new Set<string>();
  draft.frequencies.forEach((frequency, index) => {
    const at = (field: string) => `frequencies.${index}.${field}`;
    if (
      !Number.isInteger(frequency.intervalCount) ||
      frequency.intervalCount < 1 ||
      frequency.intervalCount > MAX_INTERVAL_COUNT[frequency.interval]
    ) {
      errors[at("intervalCount")] = "intervalCount";
    }
    if (!Number.isInteger(frequency.deliveriesPerBilling) || frequency.deliveriesPerBilling < 1 || frequency.deliveriesPerBilling > 12) {
      errors[at("deliveriesPerBilling")] = "deliveriesPerBilling";
    }
    checkAdjustment(frequency.discount, at("discount"), errors);
    if (frequency.intro) {
      if (!Number.isInteger(frequency.intro.orders) || frequency.intro.orders < 1 || frequency.intro.orders > 12)
        errors[at("intro.orders")] = "introOrders";
      checkAdjustment(frequency.intro.discount, at("intro.discount"), errors);
    }
    if (frequency.anchorDay !== null) {
      const max = ANCHOR_MAX[frequency.interval];
      if (max === null || !Number.isInteger(frequency.anchorDay) || frequency.anchorDay < 1 || frequency.anchorDay > max)
        errors[at("anchorDay")] = "anchorDay";
    }
    const key = `${frequency.interval}:${frequency.intervalCount}:${frequency.deliveriesPerBilling}`;
    if (seen.has(key)) errors[at("intervalCount")] = "duplicateFrequency";
    seen.add(key);
  });

  for (const field of ["minCycles", "maxCycles"] as const) {
    const value = draft[field];
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 999)) errors[field] = "cycles";
  }
  if (draft.minCycles !== null && draft.maxCycles !== null && !errors.minCycles && !errors.maxCycles && draft.maxCycles < draft.minCycles) {
    errors.maxCycles = "maxBelowMin";
  }
  return errors;
}

/** How much one unit costs on a given order of the plan, in minor units (order 1 is the first). */
export function priceOnOrder(frequency: FrequencyDraft, priceMinor: number, order = 1): number {
  const adjustment = frequency.intro && order <= frequency.intro.orders ? frequency.intro.discount : frequency.discount;
  if (adjustment.type === "PERCENTAGE") {
    const basisPoints = parsePercentage(adjustment.value) ?? 0;
    return Math.round((priceMinor * (10_000 - basisPoints)) / 10_000);
  }
  const amount = parseMoney(adjustment.value) ?? 0;
  return adjustment.type === "PRICE" ? amount : Math.max(0, priceMinor - amount);
}
