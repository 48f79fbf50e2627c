import { gid, parseGid } from "../ids";
import type { BillingAttemptRecord, ContractRecord, OrderLineRecord, ShopRecord, Store } from "../store";
import { orderPayload } from "../webhook-payloads";
import { presentContract, presentOrder } from "./presenters";
import type { UserError } from "./user-errors";

type BillingAttemptInput = {
  idempotencyKey?: string;
  originTime?: string | null;
  billingCycleSelector?: { date?: string | null; index?: number | null } | null;
};

const refusal = (code: string, message: string, field: string[] | null = null) => ({
  attempt: null,
  userErrors: [{ field, message, code }] as UserError[],
});

/**
 * subscriptionBillingAttemptCreate as Shopify runs it: an attempt is keyed by its idempotency key,
 * so asking again with the same key returns the attempt already made and charges nothing more.
 * Shopify's refusals (BillingAttemptUserErrorCode) are modelled where their meaning is plain: a
 * contract paused, terminated or under review; an origin time before the contract; a cycle selected
 * before the contract or by an index below 1. The charge itself is processed after the answer (state:
 * pending), then reported by a subscription_billing_attempts/success or /failure webhook, or, when
 * the bank asks the customer to authenticate, by /challenged, the outcome following at the
 * challenge page (simulator/payment-challenges.ts).
 */
export function createBillingAttempt(
  store: Store,
  shop: ShopRecord,
  contractId: unknown,
  input: BillingAttemptInput,
  now: Date,
  emit: (topic: string, payload: unknown) => void,
): { attempt: BillingAttemptRecord | null; userErrors: UserError[] } {
  const parsed = parseGid(contractId, "SubscriptionContract");
  const contract = parsed ? shop.contracts.get(parsed.id) : undefined;
  if (!contract) return refusal("CONTRACT_NOT_FOUND", "Contract not found", ["subscriptionContractId"]);
  if (!input.idempotencyKey?.trim()) {
    return refusal("BLANK", "Idempotency key can't be blank", ["subscriptionBillingAttemptInput", "idempotencyKey"]);
  }
  const existing = shop.billingAttemptsByKey.get(`${contract.id}:${input.idempotencyKey}`);
  if (existing) return { attempt: existing, userErrors: [] };
  if (contract.status === "PAUSED") return refusal("CONTRACT_PAUSED", "Contract is paused");
  if (contract.status !== "ACTIVE") return refusal("CONTRACT_TERMINATED", "Contract is terminated");
  if (contract.underReview) return refusal("CONTRACT_UNDER_REVIEW", "Contract is under review");
  const originTime = input.originTime ? new Date(input.originTime) : null;
  if (originTime && originTime < contract.createdAt) {
    return refusal("ORIGIN_TIME_BEFORE_CONTRACT_CREATION", "Origin time cannot be before the contract creation time", [
      "subscriptionBillingAttemptInput",
      "originTime",
    ]);
  }
  const selector = input.billingCycleSelector;
  if (selector?.index != null && selector.index < 1) {
    return refusal("CYCLE_INDEX_OUT_OF_RANGE", "Billing cycle index is out of range", [
      "subscriptionBillingAttemptInput",
      "billingCycleSelector",
      "index",
    ]);
  }
  if (selector?.date && new Date(selector.date) < contract.createdAt) {
    return refusal("CYCLE_START_DATE_OUT_OF_RANGE", "Billing cycle date is before the contract's first cycle", [
      "subscriptionBillingAttemptInput",
      "billingCycleSelector",
      "date",
    ]);
  }

  const attempt: BillingAttemptRecord = {
    id: store.newId(),
    contractId: contract.id,
    idempotencyKey: input.idempotencyKey,
    originTime,
    createdAt: now,
    orderId: null,
    errorCode: null,
    challenged: false,
  };
  shop.billingAttempts.set(attempt.id, attempt);
  shop.billingAttemptsByKey.set(`${contract.id}:${attempt.idempotencyKey}`, attempt);

  const failure = shop.failingPayments.shift();
  if (failure === "AUTHENTICATION_REQUIRED") {
    // The bank wants the customer present (3-D Secure): nothing is charged until they authenticate.
    attempt.challenged = true;
    emit("subscription_billing_attempts/challenged", billingAttemptPayload(attempt));
  } else {
    settleBillingAttempt(store, shop, attempt, failure ?? null, now, emit);
  }
  return { attempt, userErrors: [] };
}

/** Charges the attempt (an order) or records its failure, and tells the app which. */
export function settleBillingAttempt(
  store: Store,
  shop: ShopRecord,
  attempt: BillingAttemptRecord,
  errorCode: string | null,
  now: Date,
  emit: (topic: string, payload: unknown) => void,
): void {
  const contract = shop.contracts.get(attempt.contractId)!;
  attempt.challenged = false;
  if (errorCode) {
    attempt.errorCode = errorCode;
  } else {
    const order = {
      id: store.newId(),
      number: shop.nextOrderNumber++,
      customerId: contract.customerId,
      email: shop.customers.get(contract.customerId)?.email ?? null,
      createdAt: now,
      currencyCode: contract.currencyCode,
      lines: withOrderDiscounts(
        contract,
        contract.lines.map((line) => ({
          id: store.newId(),
          variantId: line.variantId,
          productId: line.productId,
          title: line.title,
          variantTitle: line.variantTitle,
          sku: "",
          quantity: line.quantity,
          priceMinor: discountedPriceMinor(contract, line.currentPriceMinor),
          sellingPlanId: line.sellingPlanId,
          properties: line.customAttributes.map(({ key, value }) => ({ name: key, value })),
        })),
      ),
      financialStatus: "PAID" as const,
      cancelledAt: null,
      fulfilledAt: null,
      refunds: [],
      noteAttributes: contract.customAttributes.map(({ key, value }) => ({ name: key, value })),
      discountCodes: [],
      // A renewal ships where the subscription delivers.
      shippingAddress: contract.deliveryAddress,
    };
    shop.orders.set(order.id, order);
    attempt.orderId = order.id;
    // A renewal is an order like any other: Shopify tells the apps that subscribed to its topics.
    const payload = orderPayload(shop, order);
    emit("orders/create", payload);
    emit("orders/paid", payload);
    // A discount limited to a number of orders is used up by this one. The contract's
    // nextBillingDate is the app's to set (Shopify: "This field is managed by the apps").
    contract.discounts = contract.discounts
      .map((d) => ({ ...d, usageCount: d.usageCount + 1 }))
      .filter((d) => d.recurringCycleLimit === null || d.usageCount < d.recurringCycleLimit);
  }
  emit(
    attempt.errorCode ? "subscription_billing_attempts/failure" : "subscription_billing_attempts/success",
    billingAttemptPayload(attempt),
  );
}

/** Where the customer authenticates a challenged payment (Shopify's nextActionUrl). */
export function challengeUrl(store: Store, shop: ShopRecord, attempt: BillingAttemptRecord): string {
  return `${store.origin ?? `https://${shop.domain}`}/payments/${shop.domain.replace(/\.myshopify\.com$/, "")}/challenges/${attempt.id}`;
}

/** A line's unit price after the contract's manual discounts on each item, in whole minor units (half up). */
function discountedPriceMinor(contract: ContractRecord, priceMinor: number): number {
  return contract.discounts.reduce((price, discount) => {
    if (discount.percentage !== null) return Math.floor((price * (100 - discount.percentage) + 50) / 100);
    if (!discount.appliesOnEachItem) return price;
    return Math.max(0, price - (discount.amountMinor ?? 0));
  }, priceMinor);
}

/**
 * The contract's fixed amounts off the whole order, shared among the lines in proportion to what
 * each costs (the first lines take the cents left over), never more than the order: each line's
 * share is its total_discount.
 */
function withOrderDiscounts(contract: ContractRecord, lines: OrderLineRecord[]): OrderLineRecord[] {
  const total = lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
  const amount = Math.min(
    total,
    contract.discounts.filter((d) => d.percentage === null && !d.appliesOnEachItem).reduce((sum, d) => sum + (d.amountMinor ?? 0), 0),
  );
  if (amount === 0) return lines;
  const shares = lines.map((line) => Math.floor((amount * line.priceMinor * line.quantity) / total));
  let left = amount - shares.reduce((sum, share) => sum + share, 0);
  return lines.map((line, index) => {
    const extra = left > 0 && shares[index]! < line.priceMinor * line.quantity ? 1 : 0;
    left -= extra;
    return { ...line, discountMinor: shares[index]! + extra };
  });
}

export function billingAttemptPayload(attempt: BillingAttemptRecord) {
  return {
    id: attempt.id,
    admin_graphql_api_id: gid("SubscriptionBillingAttempt", attempt.id),
    idempotency_key: attempt.idempotencyKey,
    order_id: attempt.orderId,
    admin_graphql_api_order_id: attempt.orderId ? gid("Order", attempt.orderId) : null,
    subscription_contract_id: attempt.contractId,
    admin_graphql_api_subscription_contract_id: gid("SubscriptionContract", attempt.contractId),
    ready: !attempt.challenged,
    error_message: attempt.errorCode ? "The payment was declined." : null,
    error_code: attempt.errorCode?.toLowerCase() ?? null,
  };
}

/** The attempt as the mutation answers it: not processed yet, whatever happened since. */
export function presentBillingAttempt(store: Store, shop: ShopRecord, attempt: BillingAttemptRecord, ready: boolean) {
  const order = ready && attempt.orderId ? shop.orders.get(attempt.orderId) : undefined;
  const contract = shop.contracts.get(attempt.contractId)!;
  return {
    __typename: "SubscriptionBillingAttempt",
    id: gid("SubscriptionBillingAttempt", attempt.id),
    idempotencyKey: attempt.idempotencyKey,
    createdAt: attempt.createdAt.toISOString(),
    originTime: attempt.originTime?.toISOString() ?? null,
    ready,
    state: attemptState(store, shop, attempt, ready),
    completedAt: ready ? attempt.createdAt.toISOString() : null,
    order: () => (order ? presentOrder(shop, order) : null),
    errorCode: ready ? attempt.errorCode : null,
    errorMessage: ready && attempt.errorCode ? "The payment was declined." : null,
    processingError: null,
    respectInventoryPolicy: true,
    subscriptionContract: () => presentContract(shop, contract),
  };
}

const GENERAL_ERROR_CODES = new Set([
  "CUSTOMER_INVALID",
  "CUSTOMER_NOT_FOUND",
  "INVALID_BILLING_ADDRESS",
  "PAYMENT_METHOD_NOT_FOUND",
  "PAYMENT_METHOD_NOT_SPECIFIED",
]);
const INVENTORY_ERROR_CODES = new Set(["INSUFFICIENT_INVENTORY", "INVENTORY_ALLOCATIONS_NOT_FOUND"]);

/** The attempt's state union: pending, waiting for the customer, or processed with its error sorted as Shopify files it. */
function attemptState(store: Store, shop: ShopRecord, attempt: BillingAttemptRecord, ready: boolean) {
  if (attempt.challenged) {
    return {
      __typename: "SubscriptionBillingAttemptActionRequiredState",
      action: {
        __typename: "SubscriptionBillingAttemptPaymentChallenge",
        nextActionUrl: challengeUrl(store, shop, attempt),
        status: "OFF_SESSION_REJECTED",
      },
    };
  }
  if (!ready) return { __typename: "SubscriptionBillingAttemptPendingState", processing: true };
  const order = attempt.orderId ? shop.orders.get(attempt.orderId) : undefined;
  if (!attempt.errorCode) {
    return { __typename: "SubscriptionBillingAttemptSuccessState", order: () => (order ? presentOrder(shop, order) : null) };
  }
  const code = attempt.errorCode;
  const error = GENERAL_ERROR_CODES.has(code)
    ? { __typename: "SubscriptionBillingAttemptGeneralError", code }
    : INVENTORY_ERROR_CODES.has(code)
      ? { __typename: "SubscriptionBillingAttemptInventoryError", code, insufficientStockProductVariants: null }
      : { __typename: "SubscriptionBillingAttemptPaymentError", code };
  return { __typename: "SubscriptionBillingAttemptFailedState", error };
}
