import { clock } from "../clock";
import { db } from "../db.server";
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

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

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
 * Processes pending deliveries, oldest first. A delivery is claimed by moving it out of
 * "pending" with a conditional update, so two workers never run the same one.
 */
export async function processInbox(limit = 50): Promise<number> {
  const pending = await db().webhookDelivery.findMany({ where: { status: "pending" }, orderBy: { receivedAt: "asc" }, take: limit });
  let processed = 0;
  for (const delivery of pending) {
    const claimed = await db().webhookDelivery.updateMany({
      where: { id: delivery.id, status: "pending" },
      data: { status: "processing", attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const handler = handlerFor(delivery.topic);
    try {
      if (handler)
        await handler({ shop: delivery.shop, payload: JSON.parse(delivery.payload) as unknown, triggeredAt: delivery.triggeredAt });
      await db().webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: handler ? "processed" : "skipped", processedAt: clock().now(), lastError: null },
      });
      processed += 1;
    } catch (error) {
      const attempts = delivery.attempts + 1;
      await db().webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", lastError: (error as Error).message.slice(0, 2000) },
      });
    }
  }
  return processed;
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
