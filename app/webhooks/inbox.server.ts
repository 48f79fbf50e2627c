import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clock } from "../clock";
import { db, rawSql } from "../db.server";
import { errorFields, log, shopLog } from "../logging/log.server";
import { leaseExpiry, oldestFirst, retryDelayMs, workClaimed } from "../work-queue.server";
import { DeliveryNotReady, handlerFor } from "./handlers.server";

/**
 * The webhook inbox. Shopify delivers at least once, in any order, and gives up on an app that
 * answers slowly; so a delivery is first written down, deduplicated by Shopify's webhook id, and
 * answered at once. The work happens afterwards, here, with retries.
 */
export interface IncomingWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  apiVersion: string;
  triggeredAt?: string;
  payload: unknown;
}

export type ReceiveResult = "accepted" | "duplicate";

const MAX_ATTEMPTS = 5;

/** A failed delivery's next try: after 10 s, then 50 s, 4 min and 21 min. */
const RETRY_WAITS = { firstMs: 10_000, factor: 5 };

type DeliveryRow = {
  shop: string;
  webhookId: string;
  topic: string;
  apiVersion: string;
  triggeredAt: Date | null;
  payload: string;
  receivedAt: Date;
};

/** Writes the delivery down; its promise settles once it is (a 200 means it is kept). */
export function receiveWebhook(webhook: IncomingWebhook): Promise<ReceiveResult> {
  const triggeredAt = webhook.triggeredAt ? new Date(webhook.triggeredAt) : null;
  return inboxWriter.write({
    shop: webhook.shop,
    webhookId: webhook.webhookId,
    topic: webhook.topic,
    apiVersion: webhook.apiVersion,
    triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
    payload: JSON.stringify(webhook.payload ?? null),
    receivedAt: clock().now(),
  });
}

/** At most this many deliveries a statement: well within both databases' limits on parameters. */
const WRITE_BATCH = 200;

/**
 * Deliveries that arrive together are written together: while one write is under way, those that
 * arrive wait for it and then go in the next, all in one statement. A flash sale sends hundreds of
 * orders/paid a second, and a commit for each was the route's cost (bench/webhook-ingest.ts); an
 * idle route writes a lone delivery after one turn of the event loop, with no timer in the way.
 */
class InboxWriter {
  private waiting: { row: DeliveryRow; written: (result: ReceiveResult) => void; failed: (error: unknown) => void }[] = [];
  private writing = false;

  write(row: DeliveryRow): Promise<ReceiveResult> {
    return new Promise((written, failed) => {
      this.waiting.push({ row, written, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      // Lets the requests whose bytes are already here reach the queue first: SQLite's driver
      // writes on this thread, and without a turn of the event loop no delivery would ever join one.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.waiting.splice(0, WRITE_BATCH);
      try {
        const results = await insertDeliveries(batch.map((entry) => entry.row));
        batch.forEach((entry, index) => entry.written(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
    }
    this.writing = false;
  }
}

const inboxWriter = new InboxWriter();

/**
 * Each row's outcome: a webhook id the shop's inbox already holds, or holds twice in the batch, is
 * a duplicate. One statement, whichever the database: the rows the unique key lets in come back.
 */
async function insertDeliveries(rows: DeliveryRow[]): Promise<ReceiveResult[]> {
  const { sql, join } = rawSql();
  const values = rows.map(
    (row) =>
      sql`(${randomUUID()}, ${row.shop}, ${row.webhookId}, ${row.topic}, ${row.apiVersion}, ${row.triggeredAt}, ${row.payload}, ${row.receivedAt})`,
  );
  const inserted = await db().$queryRaw<{ shop: string; webhookId: string }[]>`
    INSERT INTO "WebhookDelivery" ("id", "shop", "webhookId", "topic", "apiVersion", "triggeredAt", "payload", "receivedAt")
    VALUES ${join(values)}
    ON CONFLICT ("shop", "webhookId") DO NOTHING
    RETURNING "shop", "webhookId"`;
  const accepted = new Set(inserted.map((row) => `${row.shop}\n${row.webhookId}`));
  // Of the same delivery twice in the batch, the first is the one written.
  return rows.map((row) => (accepted.delete(`${row.shop}\n${row.webhookId}`) ? "accepted" : "duplicate"));
}

/** How many of a shop's deliveries a worker claims at once: one statement for them all, small enough that several workers share a busy shop's backlog. */
const CLAIM_CHUNK = 25;

/**
 * Processes pending deliveries, oldest first, each shop in its own lane and the lanes side by side:
 * a shop whose Admin API calls are throttled or slow holds up only its own webhooks. A lane claims
 * its shop's deliveries a chunk at a time by moving them out of "pending" in one conditional
 * update, so two workers never run the same one and the losers of a race move on to the next
 * chunk; one left "processing" by a worker that died is taken up again after the lease.
 */
export async function processInbox(limit = 500): Promise<number> {
  const leaseExpired = leaseExpiry();
  const waiting = { status: "pending" };
  const abandoned = { status: "processing", claimedAt: { lt: leaseExpired } };
  const retryDue = { status: "retrying", retryAfter: { lte: new Date() } };
  const oldest = (where: typeof waiting | typeof abandoned | typeof retryDue) =>
    db().webhookDelivery.findMany({
      where,
      orderBy: { receivedAt: "asc" },
      take: limit,
      select: { id: true, shop: true, receivedAt: true },
    });
  const pending = await oldestFirst([oldest(waiting), oldest(abandoned), oldest(retryDue)], (d) => d.receivedAt, limit);
  const claimable = { OR: [waiting, abandoned, retryDue] };
  const byShop = new Map<string, string[]>();
  for (const { id, shop } of pending) byShop.set(shop, [...(byShop.get(shop) ?? []), id]);
  const counts = await Promise.all(
    // Each lane keeps its shop's order of arrival.
    [...byShop.values()].map((ids) =>
      workClaimed(ids, {
        chunk: CLAIM_CHUNK,
        claim: (chunk) =>
          db().webhookDelivery.updateManyAndReturn({
            where: { id: { in: chunk }, ...claimable },
            data: { status: "processing", attempts: { increment: 1 }, claimedAt: new Date() },
          }),
        at: (d) => d.receivedAt,
        work: processOne,
      }),
    ),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

type ClaimedDelivery = Awaited<ReturnType<ReturnType<typeof db>["webhookDelivery"]["updateManyAndReturn"]>>[number];

/**
 * Works one claimed delivery and records how it went. The record is an updateMany: a shop/redact
 * worked earlier in the same batch deletes the shop's other deliveries, and there is then nothing
 * left to record.
 */
async function processOne(delivery: ClaimedDelivery): Promise<boolean> {
  const handler = handlerFor(delivery.topic);
  try {
    if (handler) {
      const payload = JSON.parse(delivery.payload) as unknown;
      await handler({ shop: delivery.shop, payload, triggeredAt: delivery.triggeredAt, receivedAt: delivery.receivedAt });
    }
    await db().webhookDelivery.updateMany({
      where: { id: delivery.id },
      data: { status: handler ? "processed" : "skipped", processedAt: clock().now(), lastError: null },
    });
    return true;
  } catch (error) {
    const lastError = (error as Error).message.slice(0, 2000);
    if (error instanceof DeliveryNotReady) {
      await db().webhookDelivery.updateMany({
        where: { id: delivery.id },
        data: { status: "pending", attempts: { decrement: 1 }, lastError },
      });
      return false;
    }
    // A payload the handler refused will be refused again: no use trying it later (a warning, as
    // for any refused request; a delivery given up after its tries is an error to look into).
    const refused = error instanceof z.ZodError;
    const gaveUp = refused || delivery.attempts >= MAX_ATTEMPTS;
    const logged = { topic: delivery.topic, webhookId: delivery.webhookId, attempt: delivery.attempts, lastError };
    if (refused) shopLog(delivery.shop).warn(logged, "webhook payload refused");
    else if (gaveUp) shopLog(delivery.shop).error({ ...logged, ...errorFields(error) }, "webhook delivery failed; given up");
    else shopLog(delivery.shop).warn({ ...logged, ...errorFields(error) }, "webhook delivery failed; tried again later");
    await db().webhookDelivery.updateMany({
      where: { id: delivery.id },
      data: gaveUp
        ? { status: "failed", lastError }
        : { status: "retrying", retryAfter: new Date(Date.now() + retryDelayMs(delivery.attempts, RETRY_WAITS)), lastError },
    });
    return false;
  }
}

/**
 * Shopify retries a delivery for up to 48 hours, so a week of processed deliveries is enough to
 * recognise every duplicate. Older ones go: their payloads name customers, and the table would
 * otherwise grow with every order (failed ones stay, for whoever looks into them).
 */
export const PROCESSED_DELIVERIES_KEPT_MS = 7 * 86_400_000;

export async function pruneProcessedDeliveries(): Promise<number> {
  const before = new Date(clock().now().getTime() - PROCESSED_DELIVERIES_KEPT_MS);
  const { count } = await db().webhookDelivery.deleteMany({
    where: { status: { in: ["processed", "skipped"] }, receivedAt: { lt: before } },
  });
  return count;
}

let draining: Promise<void> | null = null;

/** Runs the inbox soon after a delivery, in the web process, when workers run inline. */
export function drainInboxSoon(): Promise<void> {
  draining ??= new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      while ((await processInbox()) > 0);
    })
    .catch((error: unknown) => log().error(errorFields(error), "inbox processing failed"))
    .finally(() => {
      draining = null;
    });
  return draining;
}
