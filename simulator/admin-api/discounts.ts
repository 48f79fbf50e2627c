import type { CodeDiscountRecord, OrderLineRecord, ShopRecord, Store } from "../store";
import { gid } from "../ids";
import type { UserError } from "./user-errors";

/**
 * Basic code discounts as the Admin API creates them (discountCodeBasicCreate) and looks them up
 * (codeDiscountNodeByCode), and as checkout applies them: a percentage off the lines the code
 * qualifies (one-time purchases, subscriptions), once per customer when so made. Only what Orchard
 * uses is modelled: a percentage off all items, for all buyers; anything else is refused.
 */
interface BasicCodeInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  appliesOncePerCustomer?: boolean | null;
  recurringCycleLimit?: number | null;
  usageLimit?: number | null;
  context?: { all?: string | null } | null;
  customerGets?: {
    appliesOnOneTimePurchase?: boolean | null;
    appliesOnSubscription?: boolean | null;
    items?: { all?: boolean | null } | null;
    value?: { percentage?: number | null } | null;
  } | null;
}

const error = (field: string[], message: string, code: string): UserError => ({ field: ["basicCodeDiscount", ...field], message, code });

export const findCodeDiscount = (shop: ShopRecord, code: string) =>
  [...shop.codeDiscounts.values()].find((discount) => discount.code.toLowerCase() === code.trim().toLowerCase());

export function presentCodeDiscountNode(discount: CodeDiscountRecord) {
  return {
    id: gid("DiscountCodeNode", discount.id),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: discount.title,
      status: "ACTIVE",
      startsAt: discount.startsAt.toISOString(),
      endsAt: discount.endsAt?.toISOString() ?? null,
      appliesOncePerCustomer: discount.appliesOncePerCustomer,
      codes: { nodes: [{ code: discount.code }], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } },
    },
  };
}

export function createBasicCodeDiscount(store: Store, shop: ShopRecord, input: BasicCodeInput, now: Date) {
  const errors: UserError[] = [];
  const code = (input.code ?? "").trim();
  const title = (input.title ?? "").trim();
  if (!title) errors.push(error(["title"], "Title can't be blank", "BLANK"));
  if (!code) errors.push(error(["code"], "Code can't be blank", "BLANK"));
  else if (code.length > 255) errors.push(error(["code"], "Code is too long (maximum is 255 characters)", "TOO_LONG"));
  else if (/[\r\n]/.test(code)) errors.push(error(["code"], "Code cannot contain newline characters.", "INVALID"));
  else if (findCodeDiscount(shop, code)) errors.push(error(["code"], "Code must be unique. Please try a different code.", "TAKEN"));
  const startsAt = input.startsAt ? new Date(input.startsAt) : null;
  if (!startsAt || Number.isNaN(startsAt.getTime())) errors.push(error(["startsAt"], "Starts at can't be blank", "BLANK"));
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && startsAt && endsAt <= startsAt) errors.push(error(["endsAt"], "Ends at needs to be after starts_at", "INVALID"));
  const gets = input.customerGets;
  const percentage = gets?.value?.percentage;
  if (typeof percentage !== "number" || !(percentage > 0 && percentage <= 1))
    errors.push(error(["customerGets", "value", "percentage"], "Value must be between 0.0 and 1.0", "VALUE_OUTSIDE_RANGE"));
  if (gets?.items?.all !== true)
    errors.push(error(["customerGets", "items"], "The simulator models discounts on all items only", "INVALID"));
  const oneTime = gets?.appliesOnOneTimePurchase ?? true;
  const subscription = gets?.appliesOnSubscription ?? false;
  if (!oneTime && !subscription)
    errors.push(error(["customerGets"], "Discount must apply on one-time purchases, subscriptions or both", "INVALID"));
  const cycles = input.recurringCycleLimit ?? 0;
  if (!Number.isInteger(cycles) || cycles < 0)
    errors.push(error(["recurringCycleLimit"], "Recurring cycle limit must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
  // Shopify carries a code that discounts more cycles onto the contract; the simulator does not.
  else if (subscription && cycles !== 1)
    errors.push(error(["recurringCycleLimit"], "The simulator models subscription code discounts on the first order only", "INVALID"));
  if (input.usageLimit != null) errors.push(error(["usageLimit"], "The simulator does not model usage limits", "INVALID"));
  if (errors.length) return { codeDiscountNode: null, userErrors: errors };
  const discount: CodeDiscountRecord = {
    id: store.newId(),
    title,
    code,
    percentageBasisPoints: Math.round(percentage! * 10_000),
    appliesOnOneTimePurchase: oneTime,
    appliesOnSubscription: subscription,
    appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
    recurringCycleLimit: cycles,
    startsAt: startsAt!,
    endsAt,
    usedBy: [],
    createdAt: now,
  };
  shop.codeDiscounts.set(discount.id, discount);
  return { codeDiscountNode: presentCodeDiscountNode(discount), userErrors: [] };
}

/**
 * What a code takes off each line at checkout (rounded half up, per line), if it names the app's
 * discount, is active now and has not been used by this customer (null: not known yet); null when
 * it takes nothing. A code the simulator does not hold is recorded unpriced.
 */
export function codeDiscountOf(
  shop: ShopRecord,
  code: string,
  lines: readonly Pick<OrderLineRecord, "priceMinor" | "quantity" | "sellingPlanId">[],
  customerId: number | null,
  now: Date,
): { discount: CodeDiscountRecord; perLine: number[] } | null {
  const discount = findCodeDiscount(shop, code);
  if (!discount || discount.startsAt > now || (discount.endsAt && discount.endsAt <= now)) return null;
  if (discount.appliesOncePerCustomer && customerId !== null && discount.usedBy.includes(customerId)) return null;
  const qualifies = (line: (typeof lines)[number]) =>
    line.sellingPlanId === null ? discount.appliesOnOneTimePurchase : discount.appliesOnSubscription;
  if (!lines.some(qualifies)) return null;
  const perLine = lines.map((line) =>
    qualifies(line) ? Math.floor((line.priceMinor * line.quantity * discount.percentageBasisPoints + 5_000) / 10_000) : 0,
  );
  return { discount, perLine };
}

/** Checkout applies the code: its discount on each line, and the customer has used it. */
export function applyCodeAtCheckout(shop: ShopRecord, code: string, lines: OrderLineRecord[], customerId: number, now: Date): void {
  const applied = codeDiscountOf(shop, code, lines, customerId, now);
  if (!applied) return;
  lines.forEach((line, index) => {
    line.discountMinor = applied.perLine[index];
  });
  applied.discount.usedBy.push(customerId);
}
