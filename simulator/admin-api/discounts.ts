import type { CodeDiscountRecord, OrderLineRecord, ShopRecord, Store } from "../store";
import { gid, parseGid } from "../ids";
import type { UserError } from "./user-errors";

/**
 * Basic discounts as the Admin API creates them (discountCodeBasicCreate, discountAutomaticBasicCreate),
 * updates an automatic one's buyers (discountAutomaticBasicUpdate) and looks a code up
 * (codeDiscountNodeByCode), and as checkout applies them: a percentage off the lines the discount
 * qualifies (one-time purchases, subscriptions), once per customer when so made, for all buyers or
 * a list of customers. Only what Orchard uses is modelled: a percentage off all items; anything
 * else is refused.
 */
interface BasicCodeInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  appliesOncePerCustomer?: boolean | null;
  recurringCycleLimit?: number | null;
  usageLimit?: number | null;
  context?: { all?: string | null; customers?: { add?: string[] | null; remove?: string[] | null } | null } | null;
  customerGets?: {
    appliesOnOneTimePurchase?: boolean | null;
    appliesOnSubscription?: boolean | null;
    items?: { all?: boolean | null } | null;
    value?: { percentage?: number | null } | null;
  } | null;
}

const error = (field: string[], message: string, code: string): UserError => ({ field: ["basicCodeDiscount", ...field], message, code });

export const findCodeDiscount = (shop: ShopRecord, code: string) =>
  [...shop.codeDiscounts.values()].find((discount) => !discount.automatic && discount.code.toLowerCase() === code.trim().toLowerCase());

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

/** The parts every basic discount shares, checked as Shopify checks them; the record's values or the errors. */
function checkedBasics(shop: ShopRecord, input: BasicCodeInput, field: string, existing?: CodeDiscountRecord) {
  const errors: UserError[] = [];
  const error = (path: string[], message: string, code: string) => errors.push({ field: [field, ...path], message, code });
  const title = (input.title ?? existing?.title ?? "").trim();
  if (!title) error(["title"], "Title can't be blank", "BLANK");
  const startsAt = input.startsAt ? new Date(input.startsAt) : (existing?.startsAt ?? null);
  if (!startsAt || Number.isNaN(startsAt.getTime())) error(["startsAt"], "Starts at can't be blank", "BLANK");
  const endsAt = input.endsAt ? new Date(input.endsAt) : (existing?.endsAt ?? null);
  if (endsAt && startsAt && endsAt <= startsAt) error(["endsAt"], "Ends at needs to be after starts_at", "INVALID");
  const gets = input.customerGets;
  const percentage = gets?.value?.percentage ?? (existing ? existing.percentageBasisPoints / 10_000 : undefined);
  if (typeof percentage !== "number" || !(percentage > 0 && percentage <= 1))
    error(["customerGets", "value", "percentage"], "Value must be between 0.0 and 1.0", "VALUE_OUTSIDE_RANGE");
  if (gets && gets.items?.all !== true) error(["customerGets", "items"], "The simulator models discounts on all items only", "INVALID");
  const oneTime = gets?.appliesOnOneTimePurchase ?? existing?.appliesOnOneTimePurchase ?? true;
  const subscription = gets?.appliesOnSubscription ?? existing?.appliesOnSubscription ?? false;
  if (!oneTime && !subscription) error(["customerGets"], "Discount must apply on one-time purchases, subscriptions or both", "INVALID");
  const cycles = input.recurringCycleLimit ?? existing?.recurringCycleLimit ?? 0;
  if (!Number.isInteger(cycles) || cycles < 0)
    error(["recurringCycleLimit"], "Recurring cycle limit must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO");
  // Shopify carries a discount that covers more cycles onto the contract; the simulator does not.
  else if (subscription && cycles !== 1)
    error(["recurringCycleLimit"], "The simulator models subscription discounts on the first order only", "INVALID");
  if (input.usageLimit != null) error(["usageLimit"], "The simulator does not model usage limits", "INVALID");
  // Buyers: all, or customers added to (and removed from) the list it had.
  let customerIds = existing?.customerIds ?? null;
  const customers = input.context?.customers;
  if (input.context?.all === "ALL") customerIds = null;
  else if (customers) {
    const ids = (list: string[] | null | undefined) => (list ?? []).map((id) => parseGid(id, "Customer"));
    const added = ids(customers.add);
    const removed = ids(customers.remove);
    if ([...added, ...removed].some((id) => id === null || !shop.customers.has(id.id)))
      error(["context", "customers"], "Customer does not exist", "INVALID");
    const removedIds = new Set(removed.flatMap((id) => (id ? [id.id] : [])));
    customerIds = [...new Set([...(customerIds ?? []), ...added.flatMap((id) => (id ? [id.id] : []))])].filter((id) => !removedIds.has(id));
  } else if (!existing) error(["context"], "Context can't be blank", "BLANK");
  return {
    errors,
    values: {
      title,
      percentageBasisPoints: Math.round((percentage ?? 0) * 10_000),
      appliesOnOneTimePurchase: oneTime,
      appliesOnSubscription: subscription,
      appliesOncePerCustomer: input.appliesOncePerCustomer ?? existing?.appliesOncePerCustomer ?? false,
      recurringCycleLimit: cycles,
      startsAt: startsAt!,
      endsAt,
      customerIds,
    },
  };
}

export function createBasicCodeDiscount(store: Store, shop: ShopRecord, input: BasicCodeInput, now: Date) {
  const { errors, values } = checkedBasics(shop, input, "basicCodeDiscount");
  const code = (input.code ?? "").trim();
  if (!code) errors.push(error(["code"], "Code can't be blank", "BLANK"));
  else if (code.length > 255) errors.push(error(["code"], "Code is too long (maximum is 255 characters)", "TOO_LONG"));
  else if (/[\r\n]/.test(code)) errors.push(error(["code"], "Code cannot contain newline characters.", "INVALID"));
  else if (findCodeDiscount(shop, code)) errors.push(error(["code"], "Code must be unique. Please try a different code.", "TAKEN"));
  if (errors.length) return { codeDiscountNode: null, userErrors: errors };
  const discount: CodeDiscountRecord = { id: store.newId(), code, ...values, usedBy: [], automatic: false, createdAt: now };
  shop.codeDiscounts.set(discount.id, discount);
  return { codeDiscountNode: presentCodeDiscountNode(discount), userErrors: [] };
}

const presentAutomaticNode = (discount: CodeDiscountRecord) => ({
  id: gid("DiscountAutomaticNode", discount.id),
  automaticDiscount: {
    __typename: "DiscountAutomaticBasic",
    title: discount.title,
    status: "ACTIVE",
    startsAt: discount.startsAt.toISOString(),
  },
});

export function createAutomaticBasicDiscount(store: Store, shop: ShopRecord, input: BasicCodeInput, now: Date) {
  const { errors, values } = checkedBasics(shop, input, "automaticBasicDiscount");
  if (errors.length) return { automaticDiscountNode: null, userErrors: errors };
  const discount: CodeDiscountRecord = { id: store.newId(), code: "", ...values, usedBy: [], automatic: true, createdAt: now };
  shop.codeDiscounts.set(discount.id, discount);
  return { automaticDiscountNode: presentAutomaticNode(discount), userErrors: [] };
}

export function updateAutomaticBasicDiscount(shop: ShopRecord, id: unknown, input: BasicCodeInput) {
  const parsed = parseGid(id, "DiscountAutomaticNode");
  const existing = parsed ? shop.codeDiscounts.get(parsed.id) : undefined;
  if (!existing?.automatic)
    return { automaticDiscountNode: null, userErrors: [{ field: ["id"], message: "Discount does not exist", code: "INVALID" }] };
  const { errors, values } = checkedBasics(shop, input, "automaticBasicDiscount", existing);
  if (errors.length) return { automaticDiscountNode: null, userErrors: errors };
  Object.assign(existing, values);
  return { automaticDiscountNode: presentAutomaticNode(existing), userErrors: [] };
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
  return discount ? discountOf(discount, lines, customerId, now) : null;
}

/** The automatic discount that takes the most off for this customer (only a known customer can be on a list). */
export function automaticDiscountOf(
  shop: ShopRecord,
  lines: readonly Pick<OrderLineRecord, "priceMinor" | "quantity" | "sellingPlanId">[],
  customerId: number | null,
  now: Date,
): { discount: CodeDiscountRecord; perLine: number[] } | null {
  const candidates = [...shop.codeDiscounts.values()]
    .filter((discount) => discount.automatic)
    .flatMap((discount) => discountOf(discount, lines, customerId, now) ?? []);
  const total = (found: { perLine: number[] }) => found.perLine.reduce((sum, amount) => sum + amount, 0);
  return candidates.sort((a, b) => total(b) - total(a))[0] ?? null;
}

function discountOf(
  discount: CodeDiscountRecord,
  lines: readonly Pick<OrderLineRecord, "priceMinor" | "quantity" | "sellingPlanId">[],
  customerId: number | null,
  now: Date,
): { discount: CodeDiscountRecord; perLine: number[] } | null {
  if (discount.startsAt > now || (discount.endsAt && discount.endsAt <= now)) return null;
  if (discount.appliesOncePerCustomer && customerId !== null && discount.usedBy.includes(customerId)) return null;
  if (discount.customerIds !== null && (customerId === null || !discount.customerIds.includes(customerId))) return null;
  const qualifies = (line: (typeof lines)[number]) =>
    line.sellingPlanId === null ? discount.appliesOnOneTimePurchase : discount.appliesOnSubscription;
  if (!lines.some(qualifies)) return null;
  const perLine = lines.map((line) =>
    qualifies(line) ? Math.floor((line.priceMinor * line.quantity * discount.percentageBasisPoints + 5_000) / 10_000) : 0,
  );
  return { discount, perLine };
}

/**
 * Checkout applies a discount: the code entered if it takes something off, else the automatic
 * discount that takes the most (basic discounts do not combine unless made to); the customer has
 * used it.
 */
export function applyDiscountAtCheckout(
  shop: ShopRecord,
  code: string | undefined,
  lines: OrderLineRecord[],
  customerId: number,
  now: Date,
): void {
  const applied = (code ? codeDiscountOf(shop, code, lines, customerId, now) : null) ?? automaticDiscountOf(shop, lines, customerId, now);
  if (!applied) return;
  lines.forEach((line, index) => {
    line.discountMinor = applied.perLine[index];
  });
  applied.discount.usedBy.push(customerId);
}
