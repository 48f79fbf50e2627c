import { clock } from "../clock";
import { config } from "../config.server";
import { db, isUniqueViolation } from "../db.server";
import { handlerFor } from "./handlers.server";

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

export async function receiveWebhook(webhook: IncomingWebhook): Promise<ReceiveResult> {
  const triggeredAt = webhook.triggeredAt ? new Date(webhook.triggeredAt) : null;
  try {
    await db().webhookDelivery.create({
      data: {
        shop: webhook.shop,
        webhookId: webhook.webhookId,
        topic: webhook.topic,
        apiVersion: webhook.apiVersion,
        triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
        payload: JSON.stringify(webhook.payload ?? null),
        receivedAt: clock().now(),
      },
    });
    return "accepted";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/**
 * Processes pending deliveries, oldest first, each shop in its own lane and the lanes side by side:
 * a shop whose Admin API calls are throttled or slow holds up only its own webhooks. A delivery is
 * claimed by moving it out of "pending" with a conditional update, so two workers never run the
 * same one; one left "processing" by a worker that died is taken up again after the lease.
 */
export async function processInbox(limit = 500): Promise<number> {
  const leaseExpired = new Date(Date.now() - config().WORKER_LEASE_SECONDS * 1000);
  const pending = await db().webhookDelivery.findMany({
    where: { OR: [{ status: "pending" }, { status: "processing", claimedAt: { lt: leaseExpired } }] },
    orderBy: { receivedAt: "asc" },
    take: limit,
  });
  const byShop = new Map<string, typeof pending>();
  for (const delivery of pending) byShop.set(delivery.shop, [...(byShop.get(delivery.shop) ?? []), delivery]);
  const counts = await Promise.all(
    [...byShop.values()].map(async (deliveries) => {
      let processed = 0;
      for (const delivery of deliveries) if (await processOne(delivery)) processed += 1;
      return processed;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

type Delivery = Awaited<ReturnType<ReturnType<typeof db>["webhookDelivery"]["findMany"]>>[number];

async function processOne(delivery: Delivery): Promise<boolean> {
  const claimed = await db().webhookDelivery.updateMany({
    where: { id: delivery.id, status: delivery.status, attempts: delivery.attempts },
    data: { status: "processing", attempts: { increment: 1 }, claimedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const handler = handlerFor(delivery.topic);
  try {
    if (handler)
      await handler({ shop: delivery.shop, payload: JSON.parse(delivery.payload) as unknown, triggeredAt: delivery.triggeredAt });
    await db().webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: handler ? "processed" : "skipped", processedAt: clock().now(), lastError: null },
    });
    return true;
  } catch (error) {
    const attempts = delivery.attempts + 1;
    await db().webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", lastError: (error as Error).message.slice(0, 2000) },
    });
    return false;
  }
}

let draining: Promise<void> | null = null;

/** Runs the inbox soon after a delivery, in the web process, when workers run inline. */
export function drainInboxSoon(): Promise<void> {
  draining ??= new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      while ((await processInbox()) > 0);
    })
    .catch((error: unknown) => console.error("[webhooks] inbox processing failed", error))
    .finally(() => {
      draining = null;
    });
  return draining;
}
