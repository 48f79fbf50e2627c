import { clock } from "../clock";
import { db, type Transaction } from "../db.server";
import { CUSTOMER_LIFECYCLE_EVENTS, type CustomerLifecycleEvent, type DeliveredEvent } from "../events/domain-events";
import type { EventSubscribers } from "../events/event-outbox.server";
import { shopLog } from "../logging/log.server";
import { REMINDER_EMAIL_KIND } from "../reminders/email";
import { openSecret, sealSecret } from "../secret-box.server";
import { inArrivalOrder, leaseExpiry, oldestFirst, retryDelayMs } from "../work-queue.server";
import type { SubscriberEmailKind } from "../subscriptions/subscriber-emails";
import { klaviyoAccount, sendBulkEvents, type KlaviyoOutcome } from "./klaviyo-api.server";
import { bulkCreateEventsBody, KLAVIYO_BATCH, klaviyoMetricOf, looksLikePrivateKey } from "./klaviyo-metrics";

/**
 * A shop's Klaviyo connection (docs/klaviyo.md): the merchant's private key, checked with Klaviyo
 * and kept sealed; Orchard's events queued as they are delivered and sent in batches with Bulk
 * Create Events, each once (Klaviyo ignores an event id it has); Klaviyo's throttling waited out;
 * a key Klaviyo stops accepting marks the connection for the merchant, whose own emails Orchard
 * then sends again.
 */

export interface KlaviyoSettings {
  key: string;
  leaveSubscriptionEmails: boolean;
  leaveReminderEmails: boolean;
}

export type KlaviyoKeyError = "keyRequired" | "keyFormat" | "keyRefused" | "keyScopes" | "klaviyoUnavailable";

const KEY_ERRORS: Partial<Record<KlaviyoOutcome["kind"], KlaviyoKeyError>> = {
  unauthorized: "keyRefused",
  refused: "keyRefused",
  forbidden: "keyScopes",
  throttled: "klaviyoUnavailable",
  unavailable: "klaviyoUnavailable",
};

/**
 * Connects (or, with a new key, reconnects) the shop's Klaviyo account, or saves which emails are
 * left to Klaviyo: a key is checked with Klaviyo before anything is stored; an empty key keeps the
 * one stored. Nothing is saved when the key is refused.
 */
export async function saveKlaviyoSettings(
  shop: string,
  settings: KlaviyoSettings,
): Promise<{ ok: true } | { ok: false; error: KlaviyoKeyError }> {
  const key = settings.key.trim();
  const emails = { leaveSubscriptionEmails: settings.leaveSubscriptionEmails, leaveReminderEmails: settings.leaveReminderEmails };
  const existing = await db().klaviyoConnection.findUnique({ where: { shop } });
  if (key === "") {
    if (!existing) return { ok: false, error: "keyRequired" };
    await db().klaviyoConnection.update({ where: { shop }, data: emails });
    return { ok: true };
  }
  if (!looksLikePrivateKey(key)) return { ok: false, error: "keyFormat" };
  const account = await klaviyoAccount(key);
  if (account.kind !== "ok") return { ok: false, error: KEY_ERRORS[account.kind] ?? "keyRefused" };
  const connection = {
    sealedKey: sealSecret(key),
    keyHint: key.slice(-4),
    accountName: account.accountName ?? null,
    status: "connected",
    throttledUntil: null,
    lastError: null,
    ...emails,
  };
  await db().klaviyoConnection.upsert({ where: { shop }, create: { shop, ...connection }, update: connection });
  return { ok: true };
}

/** Forgets the key and, with it, every event not sent yet; Orchard's own emails go out again. */
export async function disconnectKlaviyo(shop: string): Promise<void> {
  await db().klaviyoConnection.deleteMany({ where: { shop } });
}

/** What the settings page shows: never the key, only its last characters. */
export async function klaviyoOverview(shop: string) {
  const [connection, pending, failed] = await Promise.all([
    db().klaviyoConnection.findUnique({ where: { shop } }),
    db().klaviyoEvent.count({ where: { shop, status: { in: ["pending", "sending"] } } }),
    db().klaviyoEvent.count({ where: { shop, status: "failed" } }),
  ]);
  if (!connection) return null;
  const { status, keyHint, accountName, leaveSubscriptionEmails, leaveReminderEmails, connectedAt, lastError } = connection;
  return { status, keyHint, accountName, leaveSubscriptionEmails, leaveReminderEmails, connectedAt, lastError, pending, failed };
}

/** The subscriber emails Klaviyo can send itself: those it gets an event for, with what the email needs. */
const SUBSCRIPTION_EMAILS_WITH_AN_EVENT: readonly SubscriberEmailKind[] = [
  "confirmation",
  "paused",
  "resumed",
  "reactivated",
  "cancelled",
  "paymentFailed",
];

/** The kinds of Orchard's emails the merchant leaves to Klaviyo, while Klaviyo accepts the key. */
export async function emailKindsLeftToKlaviyo(shop: string): Promise<ReadonlySet<string>> {
  const connection = await db().klaviyoConnection.findUnique({ where: { shop } });
  if (connection?.status !== "connected") return new Set();
  return new Set([
    ...(connection.leaveSubscriptionEmails ? SUBSCRIPTION_EMAILS_WITH_AN_EVENT : []),
    ...(connection.leaveReminderEmails ? [REMINDER_EMAIL_KIND] : []),
  ]);
}

function queueEvent<T extends CustomerLifecycleEvent>(type: T) {
  return async (tx: Transaction, event: DeliveredEvent<T>): Promise<void> => {
    // Klaviyo finds or makes the profile by email: without one there is no one to give the event.
    if (!event.customerEmail) return;
    const connection = await tx.klaviyoConnection.findUnique({ where: { shop: event.shop }, select: { status: true } });
    if (connection?.status !== "connected") return;
    const metric = klaviyoMetricOf(type, event);
    if (!metric) return;
    await tx.klaviyoEvent.create({
      data: {
        shop: event.shop,
        customerId: event.customerId,
        email: event.customerEmail,
        metric: metric.metric,
        properties: JSON.stringify(metric.properties),
        uniqueId: event.id,
        occurredAt: event.publishedAt,
        sendAfter: clock().now(),
      },
    });
  };
}

export const KLAVIYO_SUBSCRIBERS: EventSubscribers = Object.fromEntries(
  CUSTOMER_LIFECYCLE_EVENTS.map((type) => [type, [queueEvent(type)]]),
);

const MAX_SEND_ATTEMPTS = 8;
/** An event not sent goes again after 30 s, each wait twice the last: about an hour over its eight attempts. */
const RETRY_WAITS = { firstMs: 30_000, factor: 2 };
const SHOPS_PER_ROUND = 20;

/**
 * Sends each shop's due events, a batch per shop a round (Klaviyo's bulk endpoint allows 10 requests
 * a second and 150 a minute per account); returns how many Klaviyo accepted.
 */
export async function sendKlaviyoEvents(): Promise<number> {
  // Only shops Klaviyo will take events from now: one waiting for a key or for Retry-After never
  // keeps another shop's events from their turn.
  const sendable = { status: "connected", OR: [{ throttledUntil: null }, { throttledUntil: { lte: new Date() } }] };
  const shops = await db().klaviyoEvent.groupBy({
    by: ["shop"],
    where: { status: "pending", sendAfter: { lte: clock().now() }, connection: sendable },
    orderBy: { shop: "asc" },
    take: SHOPS_PER_ROUND,
  });
  const connections = await db().klaviyoConnection.findMany({
    where: { shop: { in: shops.map((s) => s.shop) } },
    orderBy: { shop: "asc" },
  });
  let sent = 0;
  for (const connection of connections) sent += await sendBatch(connection);
  return sent;
}

type Connection = Awaited<ReturnType<ReturnType<typeof db>["klaviyoConnection"]["findMany"]>>[number];

async function sendBatch(connection: Connection): Promise<number> {
  const { shop } = connection;
  const leaseExpired = leaseExpiry();
  const waiting = { shop, status: "pending", sendAfter: { lte: clock().now() } };
  const abandoned = { shop, status: "sending", updatedAt: { lt: leaseExpired } };
  const oldestOf = (where: typeof waiting | typeof abandoned) =>
    db().klaviyoEvent.findMany({ where, orderBy: { createdAt: "asc" }, take: KLAVIYO_BATCH, select: { id: true, createdAt: true } });
  const oldest = await oldestFirst([oldestOf(waiting), oldestOf(abandoned)], (e) => e.createdAt, KLAVIYO_BATCH);
  const batch = await db().klaviyoEvent.updateManyAndReturn({
    where: { id: { in: oldest.map((e) => e.id) }, OR: [waiting, abandoned] },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (batch.length === 0) return 0;
  const ids = { id: { in: batch.map((e) => e.id) } };
  const key = openSecret(connection.sealedKey);
  if (!key) {
    // Sealed under a secret Orchard no longer has (rotated out): the merchant connects again.
    await markConnection(shop, "revoked", "the stored key can no longer be read");
    await db().klaviyoEvent.updateMany({ where: ids, data: { status: "pending" } });
    return 0;
  }
  if (!key.current) await db().klaviyoConnection.update({ where: { shop }, data: { sealedKey: sealSecret(key.plain) } });
  const inOrder = batch.sort(inArrivalOrder((e) => e.createdAt));
  const body = bulkCreateEventsBody(inOrder.map((e) => ({ ...e, properties: JSON.parse(e.properties) as Record<string, unknown> })));
  const outcome = await sendBulkEvents(key.plain, body);
  switch (outcome.kind) {
    case "ok":
      await db().klaviyoEvent.deleteMany({ where: ids });
      return batch.length;
    case "throttled":
      await db().$transaction([
        db().klaviyoEvent.updateMany({ where: ids, data: { status: "pending", attempts: { decrement: 1 } } }),
        db().klaviyoConnection.update({
          where: { shop },
          data: { throttledUntil: new Date(Date.now() + outcome.retryAfterSeconds * 1000) },
        }),
      ]);
      return 0;
    case "unauthorized":
    case "forbidden":
      // Kept for when the merchant gives a key that works; meanwhile nothing more is queued.
      await db().klaviyoEvent.updateMany({ where: ids, data: { status: "pending", attempts: { decrement: 1 } } });
      await markConnection(shop, outcome.kind === "unauthorized" ? "revoked" : "forbidden", `Klaviyo answered ${outcome.kind}`);
      return 0;
    case "refused":
      shopLog(shop).error({ events: batch.length, detail: outcome.detail }, "Klaviyo refused a batch of events");
      await db().klaviyoEvent.updateMany({ where: ids, data: { status: "failed", lastError: outcome.detail } });
      return 0;
    case "unavailable":
      for (const event of batch) {
        const again = event.attempts < MAX_SEND_ATTEMPTS;
        await db().klaviyoEvent.update({
          where: { id: event.id },
          data: {
            status: again ? "pending" : "failed",
            sendAfter: new Date(clock().now().getTime() + retryDelayMs(event.attempts, RETRY_WAITS)),
            lastError: outcome.detail,
          },
        });
      }
      if (batch.some((event) => event.attempts >= MAX_SEND_ATTEMPTS))
        shopLog(shop).error({ detail: outcome.detail }, "Klaviyo events not sent");
      return 0;
  }
}

async function markConnection(shop: string, status: "revoked" | "forbidden", lastError: string): Promise<void> {
  shopLog(shop).warn({ status, lastError }, "Klaviyo connection needs the merchant");
  await db().klaviyoConnection.update({ where: { shop }, data: { status, lastError } });
}
