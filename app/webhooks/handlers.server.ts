import { z } from "zod";
import { applySubscriberLimit, syncAppPlan } from "../app-billing/app-billing.server";
import { db } from "../db.server";
import { recordScopesUpdate, recordUninstall, redactShop } from "../shops/shops.server";
import { markPlanDeleted, refreshPlan } from "../subscriptions/plans.server";
import { isKnownRevision, syncContract } from "../subscriptions/contracts.server";
import { recordBillingOutcome, recordChallenge } from "../subscriptions/dunning.server";
import { backgroundAdmin } from "../shopify/background.server";
import { applyOrderUpdate, applyRefund, registerOrder } from "../protection/registrations.server";
import { remindersFromOrderUpdate, remindersFromPaidOrder, remindersFromSubscription } from "../reminders/reminders.server";
import { collectionsFromShopify } from "../reminders/sending.server";
import { productFactsFromShopify, recordOrder } from "../retention/order-ledger.server";
import { orderWebhook } from "../orders/order-webhook";
import { protectionCatalogOf } from "../protection/offers.server";
import { recordReferralOrder } from "../referrals/referrals.server";
import { finishBackfill } from "../backfill/backfill.server";
import { recordDataRequest, redactCustomer } from "../privacy/customer-privacy.server";

/**
 * What Orchard does with each webhook topic (topics as the library names them: APP_UNINSTALLED).
 * Handlers run from the inbox; each must be safe to run again and must not assume delivery order.
 * Topics without a handler here are kept in the inbox as "skipped".
 */
export interface WebhookContext {
  shop: string;
  payload: unknown;
  triggeredAt: Date | null;
  /** When Orchard received it: the shop's deliveries are worked in this order. */
  receivedAt: Date;
}

/** Thrown by a handler that must wait for other work first: the delivery is tried again later without counting as a failure. */
export class DeliveryNotReady extends Error {}

type Handler = (context: WebhookContext) => Promise<void>;

const scopesUpdatePayload = z.object({ current: z.array(z.string()), updated_at: z.string().datetime({ offset: true }).optional() });

const groupPayload = z.object({ admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/SellingPlanGroup\/\d+$/) });

const contractPayload = z.object({
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/SubscriptionContract\/\d+$/),
  revision_id: z.union([z.string(), z.number()]).optional(),
});

// The payload only names the contract; its current state is read from the Admin API, unless
// Orchard already knows that revision: mirrored (Orchard's own pause or cancel syncs at once), made
// by its own date change (every renewal makes one), or older (a late or repeated delivery). What
// follows from the mirror's state is done either way: it is Orchard's own data, cheap to check.
const contractChanged: Handler = async ({ shop, payload }) => {
  const { admin_graphql_api_id: contractId, revision_id } = contractPayload.parse(payload);
  const admin = await backgroundAdmin(shop);
  if (revision_id === undefined || !(await isKnownRevision(shop, contractId, String(revision_id)))) await syncContract(admin, contractId);
  await remindersFromSubscription(shop, contractId);
  // A new or resumed subscriber may fill the free plan, a cancelled one free a place.
  await applySubscriberLimit(admin);
};

const billingAttemptPayload = z.object({
  idempotency_key: z.string().min(1),
  admin_graphql_api_order_id: z.string().nullable().optional(),
  error_code: z.string().nullable().optional(),
});

const billingOutcome: Handler = async ({ shop, payload }) => {
  const attempt = billingAttemptPayload.parse(payload);
  await recordBillingOutcome(shop, () => backgroundAdmin(shop), {
    idempotencyKey: attempt.idempotency_key,
    orderId: attempt.admin_graphql_api_order_id ?? null,
    errorCode: attempt.error_code ?? null,
  });
};

const challengedPayload = z.object({
  idempotency_key: z.string().min(1),
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/SubscriptionBillingAttempt\/\d+$/),
});

const bulkOperationPayload = z.object({ admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/BulkOperation\/\d+$/) });

// Shopify's compliance payloads name the customer by legacy id.
const customerPayload = z.object({
  customer: z.object({ id: z.union([z.number(), z.string().regex(/^\d+$/)]), email: z.string().nullable().optional() }),
});
const dataRequestPayload = customerPayload.extend({ data_request: z.object({ id: z.union([z.number(), z.string()]) }) });
const customerOf = ({ customer }: z.infer<typeof customerPayload>) => ({
  customerId: `gid://shopify/Customer/${customer.id}`,
  email: customer.email ?? null,
});

const productFacts = (shop: string) => async (productIds: string[]) => productFactsFromShopify(await backgroundAdmin(shop))(productIds);

const handlers: Record<string, Handler> = {
  // The order ledger, protection registrations, referrals and reorder reminders follow the order:
  // paid records, registers, attributes and schedules; updated (fulfilled, cancelled, refunded) and refunds change
  // them. Each step is safe to repeat. Every renewal brings an orders/paid: parsed once, the
  // shop's protection read once.
  ORDERS_PAID: async ({ shop, payload }) => {
    const order = orderWebhook.parse(payload);
    const protection = await protectionCatalogOf(shop);
    await recordOrder(shop, order, protection, productFacts(shop));
    await registerOrder(shop, order, protection);
    await recordReferralOrder(shop, order);
    await remindersFromPaidOrder(shop, order, async (productIds) => collectionsFromShopify(await backgroundAdmin(shop))(productIds));
  },
  ORDERS_UPDATED: async ({ shop, payload }) => {
    const order = orderWebhook.parse(payload);
    await recordOrder(shop, order, await protectionCatalogOf(shop), productFacts(shop));
    await applyOrderUpdate(shop, order);
    await remindersFromOrderUpdate(shop, order);
  },
  REFUNDS_CREATE: ({ shop, payload }) => applyRefund(shop, payload),
  SUBSCRIPTION_BILLING_ATTEMPTS_SUCCESS: billingOutcome,
  SUBSCRIPTION_BILLING_ATTEMPTS_FAILURE: billingOutcome,
  SUBSCRIPTION_BILLING_ATTEMPTS_CHALLENGED: async ({ shop, payload }) => {
    const attempt = challengedPayload.parse(payload);
    await recordChallenge(shop, await backgroundAdmin(shop), {
      idempotencyKey: attempt.idempotency_key,
      attemptId: attempt.admin_graphql_api_id,
    });
  },
  SUBSCRIPTION_CONTRACTS_CREATE: contractChanged,
  SUBSCRIPTION_CONTRACTS_UPDATE: contractChanged,
  BULK_OPERATIONS_FINISH: async ({ shop, payload }) => {
    await finishBackfill(await backgroundAdmin(shop), bulkOperationPayload.parse(payload).admin_graphql_api_id);
  },
  APP_UNINSTALLED: ({ shop }) => recordUninstall(shop),
  // Orchard's own plan changed (approved, declined, cancelled, frozen): the payload only hints, so
  // the plan is read again from Shopify and deliveries in any order end in the same state.
  APP_SUBSCRIPTIONS_UPDATE: async ({ shop }) => {
    await syncAppPlan(await backgroundAdmin(shop));
  },
  APP_SCOPES_UPDATE: async ({ shop, payload, triggeredAt }) => {
    const { current, updated_at } = scopesUpdatePayload.parse(payload);
    await recordScopesUpdate(shop, current, updated_at ? new Date(updated_at) : (triggeredAt ?? new Date(0)));
  },
  // Shopify sends shop/redact 48 hours after uninstall: everything Orchard keeps for the shop goes, unless it came back.
  SHOP_REDACT: ({ shop }) => redactShop(shop),
  // What Orchard keeps about a customer, for the merchant to hand over (Settings), and its erasure.
  CUSTOMERS_DATA_REQUEST: async ({ shop, payload, triggeredAt }) => {
    const request = dataRequestPayload.parse(payload);
    await recordDataRequest(shop, String(request.data_request.id), customerOf(request), triggeredAt ?? new Date());
  },
  // The shop's deliveries that came before it (an order of the customer's, still pending or being
  // retried) go first: worked after the erasure, they would write the customer's data back.
  CUSTOMERS_REDACT: async ({ shop, payload, receivedAt }) => {
    const customer = customerOf(customerPayload.parse(payload));
    const earlier = await db().webhookDelivery.count({
      where: { shop, status: { in: ["pending", "processing", "retrying"] }, receivedAt: { lt: receivedAt } },
    });
    if (earlier > 0) throw new DeliveryNotReady(`waiting for ${earlier} earlier deliveries of the shop`);
    await redactCustomer(shop, customer);
  },
  // The payload carries no products: the group is read again from the Admin API.
  SELLING_PLAN_GROUPS_UPDATE: async ({ shop, payload }) => {
    await refreshPlan(await backgroundAdmin(shop), groupPayload.parse(payload).admin_graphql_api_id);
  },
  SELLING_PLAN_GROUPS_DELETE: async ({ shop, payload }) => {
    await markPlanDeleted(shop, groupPayload.parse(payload).admin_graphql_api_id);
  },
};

export function handlerFor(topic: string): Handler | undefined {
  return handlers[topic];
}
