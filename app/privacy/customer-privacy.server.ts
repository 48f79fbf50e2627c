import { randomUUID } from "node:crypto";
import { db } from "../db.server";
import type { CustomerRef } from "./customer-ref";
import { payloadMentions } from "./payload-mentions";

/**
 * Shopify's customer privacy duties (customers/data_request, customers/redact): what Orchard keeps
 * about one customer of a shop, and its erasure. A customer is named by their gid and, where
 * Shopify gives it, their email (reminder emails are addressed by email alone).
 */

/** Where a customer's emails are: their contracts' emails and any sent to their address. */
function customerEmailsWhere(shop: string, contractIds: string[], email: string | null) {
  return { shop, OR: [{ contractId: { in: contractIds } }, ...(email ? [{ recipient: email }] : [])] };
}

/** Every row Orchard keeps about the customer, for the merchant to hand over. */
export async function customerDataReport(shop: string, { customerId, email }: CustomerRef) {
  const contracts = await db().subscriptionContract.findMany({
    where: { shop, customerId },
    include: { lines: true, billingAttempts: { select: { cycle: true, retry: true, cycleDate: true, status: true, orderId: true } } },
  });
  const contractIds = contracts.map((contract) => contract.id);
  const [orders, registrations, reminders, optOut, emails, cancellationFlow, referralCodes, referredBy] = await Promise.all([
    db().order.findMany({ where: { shop, customerId }, omit: { id: true, shop: true } }),
    db().protectionRegistration.findMany({ where: { shop, customerId }, include: { claims: true } }),
    db().reminder.findMany({ where: { shop, customerId } }),
    db().reminderOptOut.findUnique({ where: { shop_customerId: { shop, customerId } } }),
    db().emailMessage.findMany({
      where: customerEmailsWhere(shop, contractIds, email),
      select: { kind: true, recipient: true, locale: true, status: true, createdAt: true, sentAt: true },
    }),
    db().retentionEvent.findMany({ where: { shop, contractId: { in: contractIds } }, omit: { id: true, shop: true } }),
    db().referralCode.findMany({
      where: { shop, customerId },
      select: { code: true, createdAt: true, referrals: { select: { orderName: true, outcome: true, orderedAt: true, credit: true } } },
    }),
    db().referral.findMany({ where: { shop, friendCustomerId: customerId }, select: { orderName: true, outcome: true, orderedAt: true } }),
  ]);
  return {
    customer: { id: customerId, email },
    subscriptions: contracts,
    orders,
    protectionRegistrations: registrations,
    reorderReminders: reminders,
    reminderOptOut: optOut,
    emails,
    cancellationFlow,
    referralCodes,
    referredBy,
  };
}

/**
 * customers/redact: erases the customer's personal data everywhere Orchard keeps it, in one
 * transaction. The dashboard's history stays whole: the customer's id is replaced by the same new
 * random one in every row that counts them (MRR changes, orders, repeat buyers), so churn,
 * cohorts and the repeat rate do not move, but nothing leads back to the person.
 */
export async function redactCustomer(shop: string, { customerId, email }: CustomerRef): Promise<void> {
  const anonymous = `redacted:${randomUUID()}`;
  const deliveries = await deliveriesMentioning(shop, { customerId, email });
  const contracts = await db().subscriptionContract.findMany({ where: { shop, customerId }, select: { id: true } });
  const contractIds = contracts.map((contract) => contract.id);
  const ofCustomer = { where: { shop, customerId } };
  // Membership tiers remember whom their discount and tag are on in Shopify: the customer leaves them.
  const tiers = await db().membershipTier.findMany({
    where: { shop, OR: [{ discountCustomers: { contains: customerId } }, { taggedCustomers: { contains: customerId } }] },
    select: { id: true, discountCustomers: true, taggedCustomers: true },
  });
  const without = (list: string) => JSON.stringify((JSON.parse(list) as string[]).filter((id) => id !== customerId));
  await db().$transaction([
    ...tiers.map((tier) =>
      db().membershipTier.update({
        where: { id: tier.id },
        data: { discountCustomers: without(tier.discountCustomers), taggedCustomers: without(tier.taggedCustomers) },
      }),
    ),
    db().membershipMember.deleteMany(ofCustomer),
    // An imported row's terms and email name the customer: what the report needs of it is its status.
    db().subscriptionImportRow.updateMany({
      where: { shop, OR: [{ terms: { contains: `"${customerId}"` } }, ...(email ? [{ email }] : [])] },
      data: { terms: null, email: null },
    }),
    db().subscriptionContract.updateMany({
      ...ofCustomer,
      data: {
        customerId: anonymous,
        customerEmail: null,
        customerName: null,
        customerDisplayName: null,
        // It held the name and email; a redacted subscription is no longer found by its items either.
        searchText: "",
        customerLocale: null,
        paymentMethodId: null,
        paymentMethod: null,
        deliveryAddress: null,
      },
    }),
    // An email not sent yet is never sent: it has no one to go to.
    db().emailMessage.updateMany({
      where: { ...customerEmailsWhere(shop, contractIds, email), status: { in: ["pending", "sending"] } },
      data: { status: "failed", lastError: "customer data redacted" },
    }),
    db().emailMessage.updateMany({ where: customerEmailsWhere(shop, contractIds, email), data: { recipient: "", data: "{}" } }),
    db().retentionEvent.updateMany({ where: { shop, contractId: { in: contractIds } }, data: { reasonText: null } }),
    db().mrrChange.updateMany({ ...ofCustomer, data: { customerId: anonymous } }),
    // Events not delivered yet (an MRR change) reach the dashboard's history under the same id.
    db().domainEvent.updateMany({ ...ofCustomer, data: { customerId: anonymous, customerEmail: null } }),
    // Events not sent to Klaviyo yet are not sent.
    db().klaviyoEvent.deleteMany(ofCustomer),
    // Flow triggers about them (their id in the payload) are not sent, nor kept once sent.
    db().flowTriggerRun.deleteMany(ofCustomer),
    // Their sign-in links stop working.
    db().portalSignIn.deleteMany(ofCustomer),
    db().order.updateMany({ ...ofCustomer, data: { customerId: anonymous } }),
    db().repeatBuyer.updateMany({ ...ofCustomer, data: { customerId: anonymous } }),
    db().protectionClaim.updateMany({ where: { shop, registration: { customerId } }, data: { notes: "", photosUrl: null } }),
    // The search text held the name and email: a redacted registration is no longer found by search.
    db().protectionRegistration.updateMany({
      ...ofCustomer,
      data: { customerId: anonymous, customerEmail: null, customerName: null, searchText: "" },
    }),
    db().reminder.updateMany({
      where: { shop, customerId, status: "scheduled" },
      data: { status: "cancelled", reason: "customer data redacted", openKey: null },
    }),
    db().reminder.updateMany({ ...ofCustomer, data: { customerId: anonymous, customerEmail: "", customerName: null } }),
    db().reminderOptOut.deleteMany(ofCustomer),
    // Their code and their own referrals stay counted, under the new id.
    db().referralCode.updateMany({ ...ofCustomer, data: { customerId: anonymous } }),
    db().referral.updateMany({ where: { shop, friendCustomerId: customerId }, data: { friendCustomerId: anonymous } }),
    // Reports made for earlier data requests hold everything above.
    db().customerDataRequest.deleteMany(ofCustomer),
    // Shopify's payloads as received (orders carry names and addresses): emptied once worked.
    db().webhookDelivery.updateMany({ where: { id: { in: deliveries } }, data: { payload: "{}" } }),
  ]);
}

/** The shop's worked deliveries whose payload is about the customer (payload-mentions.ts), read a page at a time. */
async function deliveriesMentioning(shop: string, customer: CustomerRef): Promise<string[]> {
  const found: string[] = [];
  for (let after: string | undefined; ; ) {
    const page = await db().webhookDelivery.findMany({
      where: { shop, status: { in: ["processed", "skipped", "failed"] }, NOT: { payload: "{}" }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, payload: true },
    });
    found.push(...page.filter((delivery) => payloadMentions(delivery.payload, customer)).map((delivery) => delivery.id));
    if (page.length < 500) return found;
    after = page.at(-1)!.id;
  }
}

/** customers/data_request: the report as it stands now, kept once per request for the merchant. */
export async function recordDataRequest(shop: string, requestId: string, customer: CustomerRef, receivedAt: Date): Promise<void> {
  const report = JSON.stringify(await customerDataReport(shop, customer), null, 2);
  await db().customerDataRequest.upsert({
    where: { shop_requestId: { shop, requestId } },
    create: { shop, requestId, customerId: customer.customerId, email: customer.email, report, receivedAt },
    update: {},
  });
}

/** The shop's data requests, newest first, without their reports. */
export function listDataRequests(shop: string) {
  return db().customerDataRequest.findMany({
    where: { shop },
    orderBy: { receivedAt: "desc" },
    take: 50,
    select: { id: true, customerId: true, email: true, receivedAt: true },
  });
}

/** One request's report, only for its own shop. */
export function findDataRequest(shop: string, id: string) {
  return db().customerDataRequest.findFirst({ where: { id, shop } });
}
