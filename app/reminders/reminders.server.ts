import { db } from "../db.server";
import { publishEvent } from "../events/event-outbox.server";
import { lineNetMinor, refundedQuantities, type OrderWebhook } from "../orders/order-webhook";
import { conversionsOf, type Conversion } from "./attribution";
import { ATTRIBUTION_ATTRIBUTE } from "./links";
import { openKeyOf, planReminders, type OrderForReminders } from "./planning";
import { RuleBook } from "./rules";
import { reminderSettings } from "./settings.server";

/**
 * Reminders from the shop's orders: scheduled when an order is paid, moved by a later order,
 * ended by a refund, a cancellation or a subscription, and converted by the order or the
 * subscription that follows a send. Every function here is safe to run again with the same input
 * (webhooks repeat and arrive out of order): a reminder is unique per order line, and conditions
 * on status make every change happen once.
 */
const BATCH = 500;

/** The order as reminders see it, from Shopify's orders/paid payload. */
export function orderForReminders(order: OrderWebhook): OrderForReminders {
  const customer = order.customer;
  return {
    orderId: order.admin_graphql_api_id,
    orderedAt: new Date(order.processed_at ?? order.created_at),
    currencyCode: order.currency,
    customer: customer
      ? {
          id: customer.admin_graphql_api_id,
          email: customer.email ?? order.email ?? null,
          name: customer.first_name || null,
          locale: customer.locale ?? "en",
          marketingConsent: customer.email_marketing_consent?.state === "subscribed",
        }
      : null,
    // A subscription's line (a renewal, or the first order of one) is not a one-off purchase: the
    // subscription delivers the next one, and no reminder should ask for it.
    lines: order.line_items
      .filter((line) => line.product_id && line.variant_id && !line.selling_plan_id)
      .map((line) => ({
        id: line.id,
        productId: `gid://shopify/Product/${line.product_id}`,
        variantId: `gid://shopify/ProductVariant/${line.variant_id}`,
        title: line.variant_title ? `${line.title} – ${line.variant_title}` : line.title,
        quantity: line.quantity,
        revenueMinor: lineNetMinor(line, order.currency),
      })),
  };
}

export type CollectionsOf = (productIds: string[]) => Promise<Map<string, string[]>>;

/**
 * Plans and stores the reminders of a batch of orders (one order from a webhook, or a page of a
 * new rule's past buyers: `pastBuyers` then names the rule, and lines that ran out before
 * `notDueBefore` are left alone), reading what it needs in a few queries per batch, not per order.
 * Returns how many reminders it scheduled and how many it recorded as skipped.
 */
export async function scheduleFromOrders(
  shop: string,
  orders: OrderForReminders[],
  collectionsOf?: CollectionsOf,
  pastBuyers?: { ruleId: string; notDueBefore: Date },
): Promise<{ scheduled: number; skipped: number }> {
  const counted = { scheduled: 0, skipped: 0 };
  // Most orders of most shops meet no rule: one query says so.
  const rules = await db().reminderRule.findMany({ where: { shop, ...(pastBuyers ? { id: pastBuyers.ruleId } : {}) } });
  if (rules.length === 0) return counted;
  const [shopRow, settings] = await Promise.all([
    db().shop.findUnique({ where: { domain: shop }, select: { ianaTimezone: true } }),
    reminderSettings(shop),
  ]);
  const book = new RuleBook(rules);
  for (let start = 0; start < orders.length; start += BATCH) {
    const batch = orders.slice(start, start + BATCH);
    const customerIds = [...new Set(batch.flatMap((o) => (o.customer ? [o.customer.id] : [])))];
    const lineIds = batch.flatMap((o) => o.lines.map((l) => l.id));
    const productIds = [...new Set(batch.flatMap((o) => o.lines.map((l) => l.productId)))];
    const [optOuts, subscriptions, open, known, collections] = await Promise.all([
      db().reminderOptOut.findMany({ where: { shop, customerId: { in: customerIds } }, select: { customerId: true } }),
      db().subscriptionContract.findMany({
        where: { shop, status: "ACTIVE", customerId: { in: customerIds } },
        select: { customerId: true, lines: { select: { productId: true } } },
      }),
      db().reminder.findMany({
        where: { shop, status: "scheduled", customerId: { in: customerIds } },
        select: { id: true, openKey: true, orderedAt: true },
      }),
      db().reminder.findMany({ where: { shop, orderLineId: { in: lineIds } }, select: { orderLineId: true } }),
      book.hasCollectionRules && collectionsOf ? collectionsOf(productIds) : Promise.resolve(new Map<string, string[]>()),
    ]);
    const plan = planReminders(
      batch,
      book,
      (productId) => collections.get(productId) ?? [],
      {
        optedOut: new Set(optOuts.map((o) => o.customerId)),
        subscribed: new Set(subscriptions.flatMap((s) => s.lines.map((l) => openKeyOf(s.customerId!, l.productId ?? "")))),
        open: new Map(open.map((r) => [r.openKey!, { id: r.id, orderedAt: r.orderedAt }])),
        known: new Set(known.map((k) => k.orderLineId)),
      },
      { timeZone: shopRow?.ianaTimezone ?? "UTC", sendHour: settings.sendHour, notDueBefore: pastBuyers?.notDueBefore },
    );
    if (plan.create.length === 0) continue;
    // One transaction: the reminders a later order replaces give up their open key before the new
    // ones take it. A concurrent writer makes the unique keys refuse the batch; the inbox retries.
    await db().$transaction([
      db().reminder.updateMany({
        where: { id: { in: plan.supersede }, status: "scheduled" },
        data: { status: "cancelled", reason: "reordered", openKey: null },
      }),
      db().reminder.createMany({ data: plan.create.map((reminder) => ({ shop, ...reminder })) }),
    ]);
    counted.scheduled += plan.create.filter((r) => r.status === "scheduled").length;
    counted.skipped += plan.create.filter((r) => r.status === "skipped").length;
  }
  return counted;
}

/**
 * Conversions an order brings: a sent reminder of the same customer and product within the
 * window, or the reminder the order's cart attribute names (its link started the checkout).
 */
async function recordOrderConversions(shop: string, order: OrderWebhook, forReminders: OrderForReminders): Promise<void> {
  const customerId = forReminders.customer?.id;
  if (!customerId || forReminders.lines.length === 0) return;
  const named = order.note_attributes.find((a) => a.name === ATTRIBUTION_ATTRIBUTE)?.value;
  const sent = await db().reminder.findMany({
    where: {
      shop,
      customerId,
      status: "sent",
      convertedAt: null,
      productId: { in: forReminders.lines.map((l) => l.productId) },
      sentAt: { lte: forReminders.orderedAt },
    },
    select: { id: true, productId: true, sentAt: true },
  });
  if (sent.length === 0) return;
  const settings = await reminderSettings(shop);
  const conversions = conversionsOf(
    forReminders,
    // The reminder whose link the customer followed counts whenever the order comes.
    sent.map((r) => ({ ...r, sentAt: r.sentAt!, windowDays: r.id === named ? Number.POSITIVE_INFINITY : settings.conversionWindowDays })),
  );
  for (const conversion of conversions) {
    await recordConversion(shop, customerId, conversion, {
      convertedAt: forReminders.orderedAt,
      conversionKind: "order",
      conversionRef: forReminders.orderId,
    });
  }
}

/** orders/paid: conversions first (the order may answer a reminder), then this order's own reminders. */
export async function remindersFromPaidOrder(shop: string, order: OrderWebhook, collectionsOf?: CollectionsOf): Promise<void> {
  const forReminders = orderForReminders(order);
  // A subscription's renewal has no one-off line: it neither answers nor starts a reminder.
  if (forReminders.lines.length === 0) return;
  await recordOrderConversions(shop, order, forReminders);
  if (order.cancelled_at) return;
  await scheduleFromOrders(shop, [forReminders], collectionsOf);
}

/**
 * orders/updated (Shopify sends it after every refund too, with all the order's refunds): a
 * cancelled order's products, and a line refunded in full, will not be used up.
 */
export async function remindersFromOrderUpdate(shop: string, order: OrderWebhook): Promise<void> {
  const orderId = order.admin_graphql_api_id;
  if (order.cancelled_at) {
    await db().reminder.updateMany({
      where: { shop, orderId, status: "scheduled" },
      data: { status: "cancelled", reason: "orderCancelled", openKey: null },
    });
    return;
  }
  const refunded = refundedQuantities(order);
  const fullyRefunded = order.line_items
    .filter((line) => line.quantity > 0 && (refunded.get(line.id) ?? 0) >= line.quantity)
    .map((line) => line.id);
  if (fullyRefunded.length === 0) return;
  await db().reminder.updateMany({
    where: { shop, orderId, orderLineId: { in: fullyRefunded }, status: "scheduled" },
    data: { status: "cancelled", reason: "refunded", openKey: null },
  });
}

/**
 * A subscription to a reminded product: its open reminder is no longer needed, and a reminder
 * sent within the window converted to a subscription.
 */
export async function remindersFromSubscription(shop: string, contractShopifyId: string): Promise<void> {
  const contract = await db().subscriptionContract.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: contractShopifyId } },
    select: {
      status: true,
      customerId: true,
      firstBillingAt: true,
      lines: { select: { productId: true, quantity: true, unitPriceMinor: true } },
    },
  });
  if (!contract?.customerId || contract.status !== "ACTIVE") return;
  const productIds = contract.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  await db().reminder.updateMany({
    where: { shop, customerId: contract.customerId, productId: { in: productIds }, status: "scheduled" },
    data: { status: "cancelled", reason: "subscribed", openKey: null },
  });
  const settings = await reminderSettings(shop);
  const sent = await db().reminder.findMany({
    where: { shop, customerId: contract.customerId, status: "sent", convertedAt: null, productId: { in: productIds } },
    select: { id: true, productId: true, sentAt: true },
  });
  const started = {
    orderedAt: contract.firstBillingAt,
    lines: contract.lines.map((l) => ({ productId: l.productId ?? "", revenueMinor: l.unitPriceMinor * l.quantity })),
  };
  for (const conversion of conversionsOf(
    started,
    sent.map((r) => ({ ...r, sentAt: r.sentAt!, windowDays: settings.conversionWindowDays })),
  )) {
    await recordConversion(shop, contract.customerId, conversion, {
      convertedAt: contract.firstBillingAt,
      conversionKind: "subscription",
      conversionRef: contractShopifyId,
    });
  }
}

/** A reminder's conversion, once: the first order or subscription that answers it, and its event. */
async function recordConversion(
  shop: string,
  customerId: string,
  conversion: Conversion,
  by: { convertedAt: Date; conversionKind: "order" | "subscription"; conversionRef: string },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const [converted] = await tx.reminder.updateManyAndReturn({
      where: { id: conversion.reminderId, convertedAt: null },
      data: { ...by, conversionRevenueMinor: conversion.revenueMinor },
    });
    if (!converted) return;
    await publishEvent(tx, "reminder.converted", {
      shop,
      customerId,
      customerEmail: converted.customerEmail,
      payload: {
        reminderId: conversion.reminderId,
        productId: conversion.productId,
        conversion: by.conversionKind,
        orderId: by.conversionKind === "order" ? by.conversionRef : null,
      },
    });
  });
}
