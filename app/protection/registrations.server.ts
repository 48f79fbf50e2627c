import { clock } from "../clock";
import { db, isUniqueViolation } from "../db.server";
import { publishEvent } from "../events/event-outbox.server";
import { minorUnits } from "../money";
import { shopTimeZone } from "../shops/shops.server";
import { refundWebhook, type OrderWebhook } from "../orders/order-webhook";
import { searchable } from "../subscriptions/subscription-list";
import type { ProtectionCatalog } from "./offers.server";
import { routeClaimToPartner } from "./partners.server";
import {
  canFileClaim,
  coverEnds,
  displayStatus,
  endedByRefund,
  registrationsForOrder,
  type ClaimReason,
  type RegistrationStatus,
  type StoredStatus,
} from "./registrations";
import type { RegistrationFilters } from "./registration-filters";

/**
 * Registrations from order webhooks, and the merchant's claims on them. Every handler is safe to
 * run twice and in any order: rows are unique per protection line and unit, and what a refund or
 * cancellation ended is recorded with its cause.
 */

/** orders/paid: one registration per protected unit. */
export async function registerOrder(shop: string, order: OrderWebhook, protection: ProtectionCatalog): Promise<number> {
  // Most orders carry no protection (no subscription renewal does): nothing to read or write.
  if (!order.line_items.some((line) => line.variant_id && protection.variants.has(line.variant_id))) return 0;
  const lines = order.line_items.map((line) => ({
    id: line.id,
    variantId: line.variant_id,
    productId: line.product_id,
    title: line.title,
    variantTitle: line.variant_title ?? null,
    quantity: line.quantity,
    priceMinor: minorUnits(line.price, order.currency),
    properties: line.properties,
  }));
  const orderedAt = new Date(order.processed_at ?? order.created_at);
  const timeZone = await shopTimeZone(shop);
  const registrations = registrationsForOrder(lines, protection.variants, orderedAt, timeZone);
  if (registrations.length === 0) return 0;
  const customerName = [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") || null;
  let created = 0;
  for (const registration of registrations) {
    const customerEmail = order.customer?.email ?? order.email ?? null;
    const row = {
      shop,
      orderId: order.admin_graphql_api_id,
      orderName: order.name,
      customerId: order.customer?.admin_graphql_api_id ?? null,
      customerEmail,
      customerName,
      searchText: searchable([order.name, customerName, customerEmail, registration.protectedTitle].filter(Boolean).join(" ")),
      currencyCode: order.currency,
      orderedAt,
      ...registration,
    };
    // A repeated orders/paid meets the unique (shop, line, unit) and changes nothing.
    try {
      await db().protectionRegistration.create({ data: row });
      created += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // The order may have been fulfilled or cancelled before this arrived.
  await applyOrderUpdate(shop, order);
  return created;
}

/** orders/updated (and orders/cancelled): cancellation ends cover; a fulfilment starts it. */
export async function applyOrderUpdate(shop: string, order: OrderWebhook): Promise<void> {
  const registrations = await db().protectionRegistration.findMany({ where: { shop, orderId: order.admin_graphql_api_id } });
  if (registrations.length === 0) return;
  if (order.cancelled_at) {
    await db().protectionRegistration.updateMany({
      where: { shop, orderId: order.admin_graphql_api_id, status: { in: ["active", "claimed"] }, endedBy: null },
      data: { status: "cancelled", endedBy: "order-cancelled", endedAt: new Date(order.cancelled_at) },
    });
    return;
  }
  const timeZone = await shopTimeZone(shop);
  for (const registration of registrations.filter((r) => r.startBasis === "order")) {
    const fulfilment = order.fulfillments
      .filter((f) => f.status !== "cancelled" && f.line_items.some((l) => l.id === registration.protectedLineId))
      .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
    if (!fulfilment) continue;
    const startsAt = new Date(fulfilment.created_at);
    await db().protectionRegistration.updateMany({
      where: { id: registration.id, startBasis: "order" },
      data: { startsAt, startBasis: "fulfilment", expiresAt: coverEnds(startsAt, registration.termMonths, timeZone) },
    });
  }
}

/** refunds/create: refunded protection is refunded; a returned item's cover is cancelled. */
export async function applyRefund(shop: string, payload: unknown): Promise<void> {
  const refund = refundWebhook.parse(payload);
  const cause = `refund:${refund.id}`;
  const orderId = `gid://shopify/Order/${refund.order_id}`;
  await db().$transaction(async (tx) => {
    if (await tx.protectionRegistration.findFirst({ where: { shop, orderId, endedBy: cause } })) return;
    const registrations = await tx.protectionRegistration.findMany({ where: { shop, orderId } });
    const ended = endedByRefund(
      registrations.map((r) => ({ ...r, status: r.status as StoredStatus })),
      refund.refund_line_items.map((l) => ({ lineId: l.line_item_id, quantity: l.quantity })),
    );
    for (const { id, status } of ended) {
      await tx.protectionRegistration.update({ where: { id }, data: { status, endedBy: cause, endedAt: clock().now() } });
    }
  });
}

const PAGE_SIZE = 50;

/** Stored statuses and the expiry condition that make up what the merchant filters by. */
function statusWhere(status: RegistrationStatus | null, now: Date) {
  if (status === null) return {};
  if (status === "expired") return { status: "active", expiresAt: { lte: now } };
  if (status === "active") return { status: "active", expiresAt: { gt: now } };
  return { status };
}

function registrationWhere(shop: string, filters: RegistrationFilters, now: Date) {
  const term = searchable(filters.query.trim());
  return {
    shop,
    ...statusWhere(filters.status, now),
    ...(term ? { searchText: { contains: term } } : {}),
  };
}

const withDisplayStatus = <T extends { status: string; expiresAt: Date }>(row: T, now: Date) => ({
  ...row,
  displayStatus: displayStatus({ status: row.status as StoredStatus, expiresAt: row.expiresAt }, now),
});

export async function listRegistrations(shop: string, filters: RegistrationFilters, page = 1) {
  const now = clock().now();
  const where = registrationWhere(shop, filters, now);
  const [rows, total] = await Promise.all([
    db().protectionRegistration.findMany({
      where,
      orderBy: [{ orderedAt: "desc" }, { unit: "asc" }],
      take: PAGE_SIZE,
      skip: (page - 1) * PAGE_SIZE,
    }),
    db().protectionRegistration.count({ where }),
  ]);
  return {
    registrations: rows.map((r) => withDisplayStatus(r, now)),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export async function registrationDetail(shop: string, id: string) {
  const registration = await db().protectionRegistration.findFirst({
    where: { shop, id },
    include: { claims: { orderBy: { createdAt: "desc" } }, offer: { select: { name: true } } },
  });
  if (!registration) return null;
  const now = clock().now();
  const state = { status: registration.status as StoredStatus, startsAt: registration.startsAt, expiresAt: registration.expiresAt };
  return {
    ...registration,
    displayStatus: displayStatus(state, now),
    canClaim: canFileClaim(state, now) && !registration.claims.some((c) => c.status === "open"),
  };
}

export interface ClaimInput {
  reason: ClaimReason;
  photosUrl: string | null;
  notes: string;
}

export async function fileClaim(shop: string, registrationId: string, input: ClaimInput): Promise<"filed" | "notAllowed"> {
  const registration = await registrationDetail(shop, registrationId);
  if (!registration) throw new Response("Not found", { status: 404 });
  if (!registration.canClaim) return "notAllowed";
  await db().$transaction(async (tx) => {
    const claim = await tx.protectionClaim.create({ data: { shop, registrationId, ...input } });
    await routeClaimToPartner(tx, shop, claim.id);
    await publishEvent(tx, "protection.claimFiled", {
      shop,
      customerId: registration.customerId,
      customerEmail: registration.customerEmail,
      payload: { claimId: claim.id, orderId: registration.orderId, reason: input.reason },
    });
  });
  return "filed";
}

/** Approving uses up the cover (the registration is claimed); denying leaves it in force. */
export async function decideClaim(
  shop: string,
  claimId: string,
  decision: "approved" | "denied",
  note: string,
): Promise<"decided" | "notOpen"> {
  const claim = await db().protectionClaim.findFirst({ where: { shop, id: claimId } });
  if (!claim) throw new Response("Not found", { status: 404 });
  return db().$transaction(async (tx) => {
    const decided = await tx.protectionClaim.updateMany({
      where: { id: claim.id, status: "open" },
      data: { status: decision, decisionNote: note || null, decidedAt: clock().now() },
    });
    if (decided.count === 0) return "notOpen" as const;
    if (decision === "approved") {
      await tx.protectionRegistration.updateMany({
        where: { id: claim.registrationId, shop, status: "active" },
        data: { status: "claimed" },
      });
    }
    return "decided" as const;
  });
}

/** Every registration matching the filters, for the CSV export (no paging). */
export async function allRegistrations(shop: string, filters: RegistrationFilters) {
  const now = clock().now();
  const rows = await db().protectionRegistration.findMany({
    where: registrationWhere(shop, filters, now),
    include: { offer: { select: { name: true } } },
    orderBy: [{ orderedAt: "asc" }, { unit: "asc" }],
  });
  return rows.map((r) => withDisplayStatus(r, now));
}
