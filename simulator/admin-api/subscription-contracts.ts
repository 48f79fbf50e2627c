import { gid, minorFromDecimal, parseGid } from "../ids";
import { contractPayload } from "../webhook-payloads";
import type {
  ContractDiscountRecord,
  ContractLineRecord,
  ContractRecord,
  DraftRecord,
  Interval,
  MailingAddressRecord,
  PricingPolicyRecord,
  ShopRecord,
  Store,
} from "../store";
import { presentContract } from "./presenters";
import type { UserError } from "./user-errors";

/**
 * Subscription contracts as apps change them: the status mutations (pause, activate, cancel), the
 * next billing date (the app's to manage), and drafts (subscriptionContractUpdate opens one,
 * subscriptionDraft* change it, subscriptionDraftCommit applies it over the revision it was opened
 * from). Every change bumps revisionId and sends subscription_contracts/update. A refused mutation
 * changes nothing.
 */
type Emit = (topic: string, payload: unknown) => void;

const TERMINAL = new Set(["CANCELLED", "EXPIRED", "FAILED"]);

function contractOf(shop: ShopRecord, id: unknown): ContractRecord | undefined {
  const parsed = parseGid(id, "SubscriptionContract");
  return parsed ? shop.contracts.get(parsed.id) : undefined;
}

function changed(contract: ContractRecord, now: Date, emit: Emit): void {
  contract.revisionId += 1;
  contract.updatedAt = now;
  emit("subscription_contracts/update", contractPayload(contract));
}

const notFound: UserError = { field: ["subscriptionContractId"], message: "Contract does not exist", code: "INVALID" };

/** subscriptionContractPause / Activate / Cancel / Expire. */
export function changeContractStatus(
  shop: ShopRecord,
  id: unknown,
  to: "PAUSED" | "ACTIVE" | "CANCELLED" | "EXPIRED",
  now: Date,
  emit: Emit,
): { contract: ReturnType<typeof presentContract> | null; userErrors: UserError[] } {
  const contract = contractOf(shop, id);
  if (!contract) return { contract: null, userErrors: [notFound] };
  if (TERMINAL.has(contract.status)) {
    return { contract: null, userErrors: [{ field: null, message: "Cannot update a terminated contract", code: "CONTRACT_TERMINATED" }] };
  }
  if (contract.status !== to) {
    contract.status = to;
    changed(contract, now, emit);
  }
  return { contract: presentContract(shop, contract), userErrors: [] };
}

export function setNextBillingDate(shop: ShopRecord, id: unknown, date: unknown, now: Date, emit: Emit) {
  const contract = contractOf(shop, id);
  if (!contract) return { contract: null, userErrors: [{ ...notFound, field: ["contractId"] }] };
  const when = new Date(String(date));
  if (TERMINAL.has(contract.status) || Number.isNaN(when.getTime())) {
    return { contract: null, userErrors: [{ field: ["date"], message: "Next billing date is invalid", code: "INVALID" }] };
  }
  contract.nextBillingDate = when;
  changed(contract, now, emit);
  return { contract: presentContract(shop, contract), userErrors: [] };
}

// Drafts ---------------------------------------------------------------------------------------

const draftError = (field: string[] | null, message: string, code: string): UserError => ({ field, message, code });

function openDraftOf(shop: ShopRecord, draftId: unknown): { draft: DraftRecord } | { errors: UserError[] } {
  const parsed = parseGid(draftId, "SubscriptionContractDraft");
  const draft = parsed ? shop.drafts.get(parsed.id) : undefined;
  if (!draft) return { errors: [draftError(["draftId"], "Draft does not exist", "INVALID")] };
  if (draft.committed) return { errors: [draftError(["draftId"], "Draft has already been committed", "COMMITTED")] };
  return { draft };
}

function presentDraft(draft: DraftRecord) {
  return { __typename: "SubscriptionDraft", id: gid("SubscriptionContractDraft", draft.id) };
}

function presentDraftLine(line: ContractLineRecord) {
  return { __typename: "SubscriptionLine", id: gid("SubscriptionLine", line.id), quantity: line.quantity };
}

export function openDraft(store: Store, shop: ShopRecord, contractId: unknown) {
  const contract = contractOf(shop, contractId);
  if (!contract) return { draft: null, userErrors: [draftError(["contractId"], "Contract does not exist", "INVALID")] };
  const draft: DraftRecord = {
    id: store.newId(),
    contractId: contract.id,
    baseRevisionId: contract.revisionId,
    committed: false,
    lines: contract.lines.map((line) => ({ ...line, customAttributes: [...line.customAttributes] })),
    billingPolicy: { ...contract.billingPolicy },
    deliveryPolicy: { ...contract.deliveryPolicy },
    nextBillingDate: contract.nextBillingDate,
    discounts: contract.discounts.map((d) => ({ ...d })),
    deliveryAddress: { ...contract.deliveryAddress },
  };
  shop.drafts.set(draft.id, draft);
  return { draft: presentDraft(draft), userErrors: [] };
}

const INTERVALS: Interval[] = ["DAY", "WEEK", "MONTH", "YEAR"];

interface PolicyInput {
  interval?: string;
  intervalCount?: number;
  minCycles?: number | null;
  maxCycles?: number | null;
}

/** MailingAddressInput as an app sends it; any field may be missing or null. */
type AddressInput = Partial<Record<keyof MailingAddressRecord, string | null>>;

/** The fields Shopify requires of a shipping address, each refused by name when blank. */
const REQUIRED_ADDRESS_FIELDS = ["address1", "city", "zip", "countryCode"] as const;

/**
 * A draft's new shipping address over its current one (fields left out stay as they were), or the
 * user errors for the fields left blank or a country that is not an ISO code.
 */
function shippingAddressOf(current: MailingAddressRecord, input: AddressInput): MailingAddressRecord | UserError[] {
  const next = { ...current };
  for (const key of Object.keys(current) as (keyof MailingAddressRecord)[]) {
    if (input[key] !== undefined) next[key] = String(input[key] ?? "").trim();
  }
  const path = (field: string) => ["input", "deliveryMethod", "shipping", "address", field];
  const errors = REQUIRED_ADDRESS_FIELDS.filter((field) => !next[field]).map((field) =>
    draftError(path(field), `${field[0]!.toUpperCase()}${field.slice(1)} can't be blank`, "BLANK"),
  );
  if (next.countryCode && !/^[A-Z]{2}$/.test(next.countryCode))
    errors.push(draftError(path("countryCode"), "Country code is invalid", "INVALID"));
  return errors.length ? errors : next;
}

/** What Shopify refuses of a billing and delivery policy: a count below one, or billing not a multiple of delivery. */
function policyErrors(billing: PolicyInput, delivery: PolicyInput): UserError[] {
  const errors: UserError[] = [];
  for (const [name, policy] of [
    ["billingPolicy", billing],
    ["deliveryPolicy", delivery],
  ] as const) {
    if (!INTERVALS.includes(policy.interval as Interval) || !Number.isInteger(policy.intervalCount) || policy.intervalCount! < 1) {
      errors.push(
        draftError(["input", name, "intervalCount"], "Interval count must be greater than or equal to 1", "GREATER_THAN_OR_EQUAL_TO"),
      );
    }
  }
  if (!errors.length && (billing.interval !== delivery.interval || billing.intervalCount! % delivery.intervalCount! !== 0)) {
    errors.push(draftError(["input", "deliveryPolicy"], "Billing must be a multiple of delivery", "DELIVERY_MUST_BE_MULTIPLE_OF_BILLING"));
  }
  return errors;
}

export function updateDraft(
  shop: ShopRecord,
  draftId: unknown,
  input: {
    billingPolicy?: PolicyInput;
    deliveryPolicy?: PolicyInput;
    nextBillingDate?: string;
    deliveryMethod?: { shipping?: { address?: AddressInput | null } | null } | null;
  },
) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { draft: null, userErrors: found.errors };
  const { draft } = found;
  const billing = input.billingPolicy ? { ...draft.billingPolicy, ...input.billingPolicy } : draft.billingPolicy;
  const delivery = input.deliveryPolicy ? { ...draft.deliveryPolicy, ...input.deliveryPolicy } : draft.deliveryPolicy;
  const errors = policyErrors(billing, delivery);
  const next = input.nextBillingDate !== undefined ? new Date(input.nextBillingDate) : draft.nextBillingDate;
  if (Number.isNaN(next.getTime()))
    errors.push(draftError(["input", "nextBillingDate"], "Next billing date is invalid", "INVALID_BILLING_DATE"));
  const addressInput = input.deliveryMethod?.shipping?.address;
  const address = addressInput ? shippingAddressOf(draft.deliveryAddress, addressInput) : draft.deliveryAddress;
  if (Array.isArray(address)) errors.push(...address);
  if (errors.length) return { draft: null, userErrors: errors };
  draft.deliveryAddress = address as MailingAddressRecord;
  draft.billingPolicy = billing as DraftRecord["billingPolicy"];
  draft.deliveryPolicy = delivery as DraftRecord["deliveryPolicy"];
  draft.nextBillingDate = next;
  return { draft: presentDraft(draft), userErrors: [] };
}

interface LineInput {
  productVariantId?: string;
  quantity?: number;
  currentPrice?: string;
  sellingPlanId?: string | null;
  sellingPlanName?: string | null;
  customAttributes?: { key: string; value: string }[];
  pricingPolicy?: {
    basePrice: string;
    cycleDiscounts: {
      afterCycle: number;
      adjustmentType: PricingPolicyRecord["adjustmentType"];
      adjustmentValue: { percentage?: number | null; fixedValue?: string | null };
      computedPrice: string;
    }[];
  } | null;
}

/** A line's pricing policy as an app sets it (prices and values checked), or undefined when invalid. */
/** A cycle discount's value as the store keeps it: basis points for a percentage, minor units for an amount; null when invalid. */
function adjustmentValueOf(discount: NonNullable<LineInput["pricingPolicy"]>["cycleDiscounts"][number]): number | null {
  const { percentage, fixedValue } = discount.adjustmentValue;
  if (discount.adjustmentType !== "PERCENTAGE") return fixedValue == null ? null : minorFromDecimal(String(fixedValue));
  return typeof percentage === "number" && percentage >= 0 && percentage <= 100 ? Math.round(percentage * 100) : null;
}

function pricingPolicyOf(input: NonNullable<LineInput["pricingPolicy"]> | null): ContractLineRecord["pricingPolicy"] | undefined {
  if (input === null) return null;
  const basePriceMinor = minorFromDecimal(String(input.basePrice));
  if (basePriceMinor === null || basePriceMinor < 0) return undefined;
  const cycleDiscounts = [];
  for (const discount of input.cycleDiscounts) {
    const computedPriceMinor = minorFromDecimal(String(discount.computedPrice));
    const value = adjustmentValueOf(discount);
    if (
      computedPriceMinor === null ||
      computedPriceMinor < 0 ||
      value === null ||
      !Number.isInteger(discount.afterCycle) ||
      discount.afterCycle < 0
    )
      return undefined;
    cycleDiscounts.push({
      afterCycle: discount.afterCycle,
      adjustmentType: discount.adjustmentType,
      adjustmentValue: value,
      computedPriceMinor,
    });
  }
  return { basePriceMinor, cycleDiscounts };
}

/** Checks a line's fields as Shopify does; returns the resolved changes or the errors. */
function lineChanges(store: Store, shop: ShopRecord, input: LineInput): { changes: Partial<ContractLineRecord> } | { errors: UserError[] } {
  const changes: Partial<ContractLineRecord> = {};
  const errors: UserError[] = [];
  if (input.productVariantId !== undefined) {
    const variantId = parseGid(input.productVariantId, "ProductVariant")?.id;
    const found = variantId !== undefined ? store.findVariant(shop, variantId) : undefined;
    if (!found) errors.push(draftError(["input", "productVariantId"], "Product variant does not exist", "INVALID"));
    else
      Object.assign(changes, {
        variantId: found.variant.id,
        productId: found.product.id,
        title: found.product.title,
        variantTitle: found.variant.title,
      });
  }
  if (input.quantity !== undefined) {
    if (!Number.isInteger(input.quantity) || input.quantity < 1)
      errors.push(draftError(["input", "quantity"], "Quantity must be greater than or equal to 1", "GREATER_THAN_OR_EQUAL_TO"));
    else changes.quantity = input.quantity;
  }
  if (input.currentPrice !== undefined) {
    const minor = minorFromDecimal(String(input.currentPrice));
    if (minor === null || minor < 0)
      errors.push(draftError(["input", "currentPrice"], "Current price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
    else changes.currentPriceMinor = minor;
  }
  if (input.sellingPlanId !== undefined) {
    changes.sellingPlanId = input.sellingPlanId === null ? null : (parseGid(input.sellingPlanId, "SellingPlan")?.id ?? null);
  }
  if (input.sellingPlanName !== undefined) changes.sellingPlanName = input.sellingPlanName;
  if (input.customAttributes !== undefined) changes.customAttributes = input.customAttributes.map(({ key, value }) => ({ key, value }));
  if (input.pricingPolicy !== undefined) {
    const policy = pricingPolicyOf(input.pricingPolicy);
    if (policy === undefined) errors.push(draftError(["input", "pricingPolicy"], "Pricing policy is invalid", "INVALID"));
    else changes.pricingPolicy = policy;
  }
  return errors.length ? { errors } : { changes };
}

export function updateDraftLine(store: Store, shop: ShopRecord, draftId: unknown, lineId: unknown, input: LineInput) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { lineUpdated: null, draft: null, userErrors: found.errors };
  const line = found.draft.lines.find((l) => l.id === parseGid(lineId, "SubscriptionLine")?.id);
  if (!line) return { lineUpdated: null, draft: null, userErrors: [draftError(["lineId"], "Line does not exist", "INVALID")] };
  const result = lineChanges(store, shop, input);
  if ("errors" in result) return { lineUpdated: null, draft: null, userErrors: result.errors };
  Object.assign(line, result.changes);
  return { lineUpdated: presentDraftLine(line), draft: presentDraft(found.draft), userErrors: [] };
}

/** A new contract line from an app's input: no plan, attributes or pricing policy unless it set them. */
function newLine(store: Store, changes: Partial<ContractLineRecord>): ContractLineRecord {
  return {
    id: store.newId(),
    sellingPlanId: null,
    sellingPlanName: null,
    customAttributes: [],
    pricingPolicy: null,
    ...changes,
  } as ContractLineRecord;
}

export function addDraftLine(store: Store, shop: ShopRecord, draftId: unknown, input: LineInput) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { lineAdded: null, draft: null, userErrors: found.errors };
  const result = lineChanges(store, shop, input);
  if ("errors" in result) return { lineAdded: null, draft: null, userErrors: result.errors };
  // The schema makes productVariantId, quantity and currentPrice required here, so all three are set.
  const line = newLine(store, result.changes);
  found.draft.lines.push(line);
  return { lineAdded: presentDraftLine(line), draft: presentDraft(found.draft), userErrors: [] };
}

export function removeDraftLine(shop: ShopRecord, draftId: unknown, lineId: unknown) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { lineRemoved: null, discountsUpdated: null, draft: null, userErrors: found.errors };
  const index = found.draft.lines.findIndex((l) => l.id === parseGid(lineId, "SubscriptionLine")?.id);
  if (index < 0) {
    return {
      lineRemoved: null,
      discountsUpdated: null,
      draft: null,
      userErrors: [draftError(["lineId"], "Line does not exist", "INVALID")],
    };
  }
  const [removed] = found.draft.lines.splice(index, 1);
  return { lineRemoved: presentDraftLine(removed!), discountsUpdated: [], draft: presentDraft(found.draft), userErrors: [] };
}

export function addDraftDiscount(
  store: Store,
  shop: ShopRecord,
  draftId: unknown,
  input: {
    title?: string;
    value?: { percentage?: number; fixedAmount?: { amount?: string; appliesOnEachItem?: boolean } };
    recurringCycleLimit?: number;
  },
) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { discountAdded: null, draft: null, userErrors: found.errors };
  const percentage = input.value?.percentage;
  const amount = input.value?.fixedAmount?.amount;
  const amountMinor = amount !== undefined ? minorFromDecimal(String(amount)) : null;
  const errors: UserError[] = [];
  if ((percentage === undefined) === (amount === undefined))
    errors.push(draftError(["input", "value"], "Value must have either a percentage or a fixed amount", "INVALID"));
  if (percentage !== undefined && (!Number.isInteger(percentage) || percentage < 1 || percentage > 100))
    errors.push(draftError(["input", "value", "percentage"], "Percentage must be between 1 and 100", "NOT_IN_RANGE"));
  if (amount !== undefined && (amountMinor === null || amountMinor <= 0))
    errors.push(draftError(["input", "value", "fixedAmount", "amount"], "Amount must be greater than 0", "GREATER_THAN"));
  if (input.recurringCycleLimit !== undefined && (!Number.isInteger(input.recurringCycleLimit) || input.recurringCycleLimit < 1))
    errors.push(draftError(["input", "recurringCycleLimit"], "Recurring cycle limit must be greater than 0", "GREATER_THAN"));
  if (errors.length) return { discountAdded: null, draft: null, userErrors: errors };
  const discount: ContractDiscountRecord = {
    id: store.newId(),
    title: input.title ?? "",
    percentage: percentage ?? null,
    amountMinor: percentage === undefined ? amountMinor : null,
    appliesOnEachItem: input.value?.fixedAmount?.appliesOnEachItem ?? true,
    recurringCycleLimit: input.recurringCycleLimit ?? null,
    usageCount: 0,
  };
  found.draft.discounts.push(discount);
  return {
    discountAdded: { __typename: "SubscriptionManualDiscount", id: gid("SubscriptionManualDiscount", discount.id), title: discount.title },
    draft: presentDraft(found.draft),
    userErrors: [],
  };
}

export function removeDraftDiscount(shop: ShopRecord, draftId: unknown, discountId: unknown) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { discountRemoved: null, draft: null, userErrors: found.errors };
  const id = parseGid(discountId, "SubscriptionManualDiscount")?.id;
  const index = found.draft.discounts.findIndex((discount) => discount.id === id);
  if (index < 0)
    return { discountRemoved: null, draft: null, userErrors: [draftError(["discountId"], "Discount does not exist", "INVALID")] };
  const [removed] = found.draft.discounts.splice(index, 1);
  return {
    discountRemoved: {
      __typename: "SubscriptionManualDiscount",
      id: gid("SubscriptionManualDiscount", removed!.id),
      title: removed!.title,
    },
    draft: presentDraft(found.draft),
    userErrors: [],
  };
}

export function commitDraft(shop: ShopRecord, draftId: unknown, now: Date, emit: Emit) {
  const found = openDraftOf(shop, draftId);
  if ("errors" in found) return { contract: null, userErrors: found.errors };
  const { draft } = found;
  const contract = shop.contracts.get(draft.contractId)!;
  if (contract.revisionId !== draft.baseRevisionId) {
    return { contract: null, userErrors: [draftError(null, "The contract changed since this draft was opened", "STALE_CONTRACT")] };
  }
  if (draft.lines.length === 0) {
    return { contract: null, userErrors: [draftError(["lines"], "Contract must have at least one line", "INVALID_LINES")] };
  }
  Object.assign(contract, {
    lines: draft.lines,
    billingPolicy: draft.billingPolicy,
    deliveryPolicy: draft.deliveryPolicy,
    nextBillingDate: draft.nextBillingDate,
    discounts: draft.discounts,
    deliveryAddress: draft.deliveryAddress,
  });
  draft.committed = true;
  changed(contract, now, emit);
  return { contract: presentContract(shop, contract), userErrors: [] };
}

/** customerPaymentMethodSendUpdateEmail: Shopify emails the customer a link to update the card. */
export function sendPaymentMethodUpdateEmail(shop: ShopRecord, paymentMethodId: unknown, now: Date) {
  const id = parseGid(paymentMethodId, "CustomerPaymentMethod")?.id;
  const contract = [...shop.contracts.values()].find((c) => c.paymentMethodId === id);
  if (!contract) {
    return {
      customer: null,
      userErrors: [{ field: ["customerPaymentMethodId"], message: "Customer payment method does not exist", code: "INVALID" }],
    };
  }
  shop.paymentUpdateEmails.push({ paymentMethodId: contract.paymentMethodId, customerId: contract.customerId, sentAt: now });
  return { customer: { __typename: "Customer", id: gid("Customer", contract.customerId) }, userErrors: [] };
}

interface AtomicCreateInput {
  customerId?: string;
  currencyCode?: string;
  nextBillingDate?: string;
  contract?: {
    status?: string;
    paymentMethodId?: string;
    billingPolicy?: PolicyInput;
    deliveryPolicy?: PolicyInput;
    deliveryMethod?: { shipping?: { address?: AddressInput | null } | null } | null;
    customAttributes?: { key: string; value: string }[];
  };
  lines?: { line: LineInput }[];
}

const BLANK_ADDRESS: MailingAddressRecord = {
  firstName: "",
  lastName: "",
  address1: "",
  address2: "",
  city: "",
  province: "",
  zip: "",
  countryCode: "",
};

/**
 * subscriptionContractAtomicCreate: a contract an app makes without a checkout (no origin order),
 * for a customer, on a payment method of theirs, shipping to an address, with its lines, in one
 * step. Shopify tells the apps subscribed to subscription_contracts/create.
 */
export function createContractAtomically(store: Store, shop: ShopRecord, input: AtomicCreateInput, now: Date, emit: Emit) {
  const refuse = (userErrors: UserError[]) => ({ contract: null, userErrors });
  const customerId = parseGid(input.customerId, "Customer")?.id;
  if (customerId === undefined || !shop.customers.has(customerId))
    return refuse([draftError(["input", "customerId"], "Customer does not exist", "CUSTOMER_DOES_NOT_EXIST")]);
  if (input.currencyCode !== shop.currencyCode)
    return refuse([draftError(["input", "currencyCode"], "Currency is not enabled", "CURRENCY_NOT_ENABLED")]);
  const paymentMethodId = parseGid(input.contract?.paymentMethodId, "CustomerPaymentMethod")?.id;
  const vaulted = paymentMethodId === undefined ? undefined : shop.paymentMethods.get(paymentMethodId);
  if (!vaulted || vaulted.revokedAt)
    return refuse([draftError(["input", "contract", "paymentMethodId"], "Payment method is missing", "MISSING_CUSTOMER_PAYMENT_METHOD")]);
  if (vaulted.customerId !== customerId)
    return refuse([
      draftError(["input", "contract", "paymentMethodId"], "Payment method does not belong to the customer", "CUSTOMER_MISMATCH"),
    ]);
  const billing = input.contract?.billingPolicy ?? {};
  const delivery = input.contract?.deliveryPolicy ?? {};
  const errors = policyErrors(billing, delivery);
  const next = new Date(input.nextBillingDate ?? "");
  if (Number.isNaN(next.getTime()) || next.getTime() <= now.getTime())
    errors.push(draftError(["input", "nextBillingDate"], "Next billing date must be in the future", "INVALID_BILLING_DATE"));
  const addressInput = input.contract?.deliveryMethod?.shipping?.address;
  if (!addressInput)
    errors.push(draftError(["input", "contract", "deliveryMethod"], "Delivery method is required", "DELIVERY_METHOD_REQUIRED"));
  const address = addressInput ? shippingAddressOf(BLANK_ADDRESS, addressInput) : BLANK_ADDRESS;
  if (Array.isArray(address)) errors.push(...address);
  if (!input.lines?.length) errors.push(draftError(["input", "lines"], "Contract must have at least one line", "INVALID_LINES"));
  const lines: ContractLineRecord[] = [];
  for (const { line } of input.lines ?? []) {
    const result = lineChanges(store, shop, line);
    if ("errors" in result) errors.push(...result.errors);
    else if (
      result.changes.variantId === undefined ||
      result.changes.quantity === undefined ||
      result.changes.currentPriceMinor === undefined
    )
      errors.push(draftError(["input", "lines", "line"], "Line needs a variant, a quantity and a price", "INVALID_LINES"));
    else lines.push(newLine(store, result.changes));
  }
  if (errors.length) return refuse(errors);
  const contract: ContractRecord = {
    id: store.newId(),
    customerId,
    originOrderId: null,
    status: input.contract?.status === "PAUSED" ? "PAUSED" : "ACTIVE",
    currencyCode: shop.currencyCode,
    lines,
    billingPolicy: {
      interval: billing.interval as Interval,
      intervalCount: billing.intervalCount!,
      minCycles: billing.minCycles ?? null,
      maxCycles: billing.maxCycles ?? null,
      anchors: [],
    },
    deliveryPolicy: { interval: delivery.interval as Interval, intervalCount: delivery.intervalCount!, anchors: [] },
    nextBillingDate: next,
    createdAt: now,
    updatedAt: now,
    revisionId: 1,
    paymentMethodId: vaulted.id,
    paymentCard: vaulted.card,
    deliveryAddress: address as MailingAddressRecord,
    discounts: [],
    customAttributes: (input.contract?.customAttributes ?? []).map(({ key, value }) => ({ key, value })),
  };
  shop.contracts.set(contract.id, contract);
  emit("subscription_contracts/create", contractPayload(contract));
  return { contract: presentContract(shop, contract), userErrors: [] };
}
