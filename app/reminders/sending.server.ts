import type { Reminder } from "@orchard-db/sqlite";
import { clock } from "../clock";
import { config } from "../config.server";
import { signingKey } from "../signing-keys.server";
import { db, type Transaction } from "../db.server";
import { publishEvent } from "../events/event-outbox.server";
import { outboxMessage } from "../email/outbox.server";
import type { AdminClient } from "../shopify/admin-client";
import { exceptShops, uninstalledShops } from "../shops/shops.server";
import { REMINDER_EMAIL_KIND, templateFor, type ReminderEmailData } from "./email";
import { reminderLink } from "./links";
import { openKeyOf } from "./planning";
import { ProductCollectionIds, ReminderProducts } from "./reminders.queries";
import { reminderSettings } from "./settings.server";

/**
 * The worker's part: due reminders, a batch at a time, checked once more against what may have
 * changed since they were planned (an unsubscribe, a subscription, a pause that made them stale),
 * then handed to the email outbox in the same transaction that marks them sent. The claim is a
 * conditional update, so however many workers run, a reminder is mailed once.
 */
const BATCH = 500;
// A reminder days late (a pause, a worker down) no longer says "about to run out": it is skipped.
export const LATE_AFTER_MS = 3 * 86_400_000;

type AdminFor = (shop: string) => Promise<AdminClient>;

interface SubscribeOffer {
  handle: string;
  sellingPlanId: string;
  percentOff: number | null;
}

/** Each product's handle and its best selling plan, a few products per request to keep the query cost low. */
export async function productOffers(
  admin: AdminClient,
  productIds: string[],
): Promise<Map<string, { handle: string; offer: SubscribeOffer | null }>> {
  const found = new Map<string, { handle: string; offer: SubscribeOffer | null }>();
  for (let start = 0; start < productIds.length; start += 10) {
    const { nodes } = await admin.request(ReminderProducts, { ids: productIds.slice(start, start + 10) });
    for (const node of nodes) {
      if (!node || !("handle" in node)) continue;
      const plans = node.sellingPlanGroups.nodes.flatMap((group) => group.sellingPlans.nodes);
      const ranked = plans
        .map((plan) => {
          const percentages = plan.pricingPolicies.flatMap((p) =>
            "adjustmentValue" in p && "percentage" in p.adjustmentValue ? [p.adjustmentValue.percentage] : [],
          );
          return { id: plan.id, percentOff: percentages.length ? Math.max(...percentages) : null };
        })
        .sort((a, b) => (b.percentOff ?? 0) - (a.percentOff ?? 0));
      const best = node.status === "ACTIVE" ? ranked[0] : undefined;
      found.set(node.id, {
        handle: node.handle,
        offer: best ? { handle: node.handle, sellingPlanId: best.id, percentOff: best.percentOff } : null,
      });
    }
  }
  return found;
}

/** Collections of products, for rules set on a collection (read when an order is planned). */
export function collectionsFromShopify(admin: AdminClient) {
  return async (productIds: string[]): Promise<Map<string, string[]>> => {
    const found = new Map<string, string[]>();
    for (let start = 0; start < productIds.length; start += 25) {
      const { nodes } = await admin.request(ProductCollectionIds, { ids: productIds.slice(start, start + 25) });
      for (const node of nodes)
        if (node && "collections" in node)
          found.set(
            node.id,
            node.collections.nodes.map((c) => c.id),
          );
    }
    return found;
  };
}

/** Deals with a batch of due reminders; returns how many it sent or skipped (0: nothing was due). */
export async function sendDueReminders(adminFor: AdminFor): Promise<number> {
  const now = clock().now();
  // Reminders of paused or uninstalled shops wait where they are, and must not fill the batch.
  const [paused, gone] = await Promise.all([
    db().reminderSettings.findMany({ where: { paused: true }, select: { shop: true } }),
    uninstalledShops(),
  ]);
  const due = await db().reminder.findMany({
    where: { status: "scheduled", dueAt: { lte: now }, ...exceptShops([...paused.map((s) => s.shop), ...gone]) },
    orderBy: { dueAt: "asc" },
    take: BATCH,
  });
  const byShop = new Map<string, Reminder[]>();
  for (const reminder of due) byShop.set(reminder.shop, [...(byShop.get(reminder.shop) ?? []), reminder]);
  let handled = 0;
  for (const [shop, reminders] of byShop) handled += await sendForShop(shop, reminders, adminFor, now);
  return handled;
}

async function sendForShop(shop: string, reminders: Reminder[], adminFor: AdminFor, now: Date): Promise<number> {
  const settings = await reminderSettings(shop);
  const customerIds = [...new Set(reminders.map((r) => r.customerId))];
  const [shopRow, optOuts, subscriptions] = await Promise.all([
    db().shop.findUnique({ where: { domain: shop } }),
    db().reminderOptOut.findMany({ where: { shop, customerId: { in: customerIds } }, select: { customerId: true } }),
    db().subscriptionContract.findMany({
      where: { shop, status: "ACTIVE", customerId: { in: customerIds } },
      select: { customerId: true, lines: { select: { productId: true } } },
    }),
  ]);
  if (!shopRow) return 0;
  const optedOut = new Set(optOuts.map((o) => o.customerId));
  const subscribed = new Set(subscriptions.flatMap((s) => s.lines.map((l) => openKeyOf(s.customerId!, l.productId ?? ""))));
  const skips = new Map<string, string[]>();
  const toSend: Reminder[] = [];
  for (const reminder of reminders) {
    const reason = optedOut.has(reminder.customerId)
      ? "unsubscribed"
      : subscribed.has(openKeyOf(reminder.customerId, reminder.productId))
        ? "subscribed"
        : now.getTime() - reminder.dueAt.getTime() > LATE_AFTER_MS
          ? "late"
          : null;
    if (reason) skips.set(reason, [...(skips.get(reason) ?? []), reminder.id]);
    else toSend.push(reminder);
  }
  const products = toSend.length ? await productOffers(await adminFor(shop), [...new Set(toSend.map((r) => r.productId))]) : new Map();
  const { SHOPIFY_APP_URL } = config();
  const linkKey = signingKey("reminder-link");
  const emails = toSend.map((reminder) => {
    const product = products.get(reminder.productId);
    const link = (purpose: "reorder" | "subscribe" | "unsubscribe") => reminderLink(SHOPIFY_APP_URL, linkKey, reminder.id, purpose);
    const data: ReminderEmailData = {
      locale: reminder.locale,
      template: templateFor(settings.templates, reminder.locale),
      shopName: shopRow.name ?? shop,
      customerName: reminder.customerName,
      productTitle: reminder.title,
      quantity: reminder.quantity,
      discountCode: reminder.discountCode,
      reorderUrl: link("reorder"),
      subscribe: product?.offer ? { url: link("subscribe"), percentOff: product.offer.percentOff } : null,
      unsubscribeUrl: link("unsubscribe"),
    };
    return { reminder, data };
  });
  const messages = emails.map(({ reminder, data }) =>
    outboxMessage({
      shop,
      kind: REMINDER_EMAIL_KIND,
      dedupeKey: `${REMINDER_EMAIL_KIND}:${reminder.id}`,
      recipient: reminder.customerEmail,
      locale: reminder.locale,
      data,
    }),
  );

  let skipped = 0;
  for (const [reason, ids] of skips) {
    const { count } = await db().reminder.updateMany({
      where: { id: { in: ids }, status: "scheduled" },
      data: { status: "skipped", reason, openKey: null },
    });
    skipped += count;
  }
  if (toSend.length === 0) return skipped;
  const ids = toSend.map((r) => r.id);
  const claimed = await db()
    .$transaction(async (tx) => {
      const { count } = await tx.reminder.updateMany({
        where: { id: { in: ids }, status: "scheduled" },
        data: { status: "sent", sentAt: now, openKey: null },
      });
      // Another worker took some of them: give the batch back and let each go alone, below.
      if (count !== ids.length) throw new LostRace();
      await tx.emailMessage.createMany({ data: messages });
      for (const email of emails) await publishSent(tx, email);
      return count;
    })
    .catch((error: unknown) => {
      if (error instanceof LostRace) return null;
      throw error;
    });
  if (claimed !== null) return skipped + claimed;
  let sent = skipped;
  for (const [index, id] of ids.entries()) {
    sent += await db().$transaction(async (tx) => {
      const { count } = await tx.reminder.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "sent", sentAt: now, openKey: null },
      });
      if (count === 1) {
        await tx.emailMessage.create({ data: messages[index]! });
        await publishSent(tx, emails[index]!);
      }
      return count;
    });
  }
  return sent;
}

class LostRace extends Error {}

/** The send, for the customer's other tools: Klaviyo may send the email itself, with the same links. */
const publishSent = (tx: Transaction, { reminder, data }: { reminder: Reminder; data: ReminderEmailData }) =>
  publishEvent(tx, "reminder.sent", {
    shop: reminder.shop,
    customerId: reminder.customerId,
    customerEmail: reminder.customerEmail,
    payload: {
      reminderId: reminder.id,
      productId: reminder.productId,
      productTitle: reminder.title,
      quantity: reminder.quantity,
      discountCode: reminder.discountCode,
      reorderUrl: data.reorderUrl,
      subscribeUrl: data.subscribe?.url ?? null,
    },
  });
