import { clock } from "../clock";
import { db, type Transaction } from "../db.server";
import type { EventSubscribers } from "../events/event-outbox.server";
import { CUSTOMER_LIFECYCLE_EVENTS, type CustomerLifecycleEvent, type PublishedEvent } from "../events/domain-events";
import { errorFields, shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUnavailableError } from "../shopify/errors";
import { exceptShops, uninstalledShops } from "../shops/shops.server";
import { leaseExpiry, oldestFirst, retryDelayMs, workClaimed } from "../work-queue.server";
import { FlowTriggerReceive } from "./flow.queries";
import type { FlowLifecycleCallback } from "./lifecycle-callback";
import { FLOW_TRIGGERS, flowTriggerNamed, flowTriggerOf, type FlowTriggerHandle } from "./flow-triggers";

/**
 * Orchard's events as Shopify Flow triggers (docs/flow.md). As an event is delivered, a trigger run
 * is written down in the delivery's transaction, if a workflow of the shop uses the trigger (Flow's
 * lifecycle callback says so); the worker then sends it with flowTriggerReceive. Shopify being
 * unreachable or throttling past the client's own waits puts the run back for later.
 */

const MAX_SEND_ATTEMPTS = 8;
/** A run not sent goes again after 30 s, each wait twice the last: about an hour over its eight attempts. */
const RETRY_WAITS = { firstMs: 30_000, factor: 2 };
const CLAIM_CHUNK = 10;

function queueRun<T extends CustomerLifecycleEvent>(type: T) {
  return async (tx: Transaction, event: PublishedEvent<T>): Promise<void> => {
    const trigger = flowTriggerOf(type, event);
    if (!trigger) return;
    const use = await tx.flowTriggerUse.findUnique({ where: { shop_handle: { shop: event.shop, handle: trigger.handle } } });
    if (!use?.enabled) return;
    await tx.flowTriggerRun.create({
      data: {
        shop: event.shop,
        handle: trigger.handle,
        customerId: event.customerId,
        payload: JSON.stringify(trigger.payload),
        sendAfter: clock().now(),
      },
    });
  };
}

export const FLOW_SUBSCRIBERS: EventSubscribers = Object.fromEntries(CUSTOMER_LIFECYCLE_EVENTS.map((type) => [type, [queueRun(type)]]));

/**
 * Keeps what the newest callback says (Flow's rule: an older one, delivered late, is ignored).
 * Returns false for a trigger that is not Orchard's.
 */
export async function recordFlowLifecycle(callback: FlowLifecycleCallback): Promise<boolean> {
  const handle = flowTriggerNamed(callback.triggerId);
  if (!handle) return false;
  const key = { shop_handle: { shop: callback.shop, handle } };
  const state = { enabled: callback.enabled, reportedAt: callback.at };
  await db().$transaction(async (tx) => {
    const known = await tx.flowTriggerUse.findUnique({ where: key });
    if (known && known.reportedAt >= callback.at) return;
    await tx.flowTriggerUse.upsert({ where: key, create: { ...key.shop_handle, ...state }, update: state });
  });
  return true;
}

/** Each of Orchard's triggers, and whether a workflow of the shop uses it (the settings page shows them). */
export async function flowTriggersInUse(shop: string): Promise<{ handle: FlowTriggerHandle; inUse: boolean }[]> {
  const enabled = new Set(
    (await db().flowTriggerUse.findMany({ where: { shop, enabled: true }, select: { handle: true } })).map((u) => u.handle),
  );
  return (Object.keys(FLOW_TRIGGERS) as FlowTriggerHandle[]).map((handle) => ({ handle, inUse: enabled.has(handle) }));
}

/** Sends the trigger runs that are due, oldest first; returns how many reached Flow. */
export async function sendFlowTriggers(adminFor: (shop: string) => Promise<AdminClient>, limit = 100): Promise<number> {
  const leaseExpired = leaseExpiry();
  const except = exceptShops(await uninstalledShops());
  const waiting = { status: "pending", sendAfter: { lte: clock().now() }, ...except };
  const abandoned = { status: "sending", updatedAt: { lt: leaseExpired }, ...except };
  const oldest = (where: typeof waiting | typeof abandoned) =>
    db().flowTriggerRun.findMany({ where, orderBy: { createdAt: "asc" }, take: limit, select: { id: true, createdAt: true } });
  const due = await oldestFirst([oldest(waiting), oldest(abandoned)], (run) => run.createdAt, limit);
  return workClaimed(
    due.map((run) => run.id),
    {
      chunk: CLAIM_CHUNK,
      claim: (ids) =>
        db().flowTriggerRun.updateManyAndReturn({
          where: { id: { in: ids }, OR: [waiting, abandoned] },
          data: { status: "sending", attempts: { increment: 1 } },
        }),
      at: (run) => run.createdAt,
      work: (run) => sendRun(adminFor, run),
    },
  );
}

type ClaimedRun = Awaited<ReturnType<ReturnType<typeof db>["flowTriggerRun"]["updateManyAndReturn"]>>[number];

async function sendRun(adminFor: (shop: string) => Promise<AdminClient>, run: ClaimedRun): Promise<boolean> {
  try {
    const admin = await adminFor(run.shop);
    await admin.request(FlowTriggerReceive, { handle: run.handle, payload: JSON.parse(run.payload) as unknown });
    // Flow keeps its own record of the runs; a sent one is nothing Orchard needs.
    await db().flowTriggerRun.delete({ where: { id: run.id } });
    return true;
  } catch (error) {
    // Shopify out of reach, or its bucket still empty after the client's waits: later, a few
    // times, each wait twice the last. Anything else (a payload Flow refused) will not mend.
    const again = error instanceof ShopifyUnavailableError && run.attempts < MAX_SEND_ATTEMPTS;
    if (!again) shopLog(run.shop).error({ run: run.id, handle: run.handle, ...errorFields(error) }, "Flow trigger not sent");
    await db().flowTriggerRun.update({
      where: { id: run.id },
      data: {
        status: again ? "pending" : "failed",
        sendAfter: new Date(clock().now().getTime() + retryDelayMs(run.attempts, RETRY_WAITS)),
        lastError: (error as Error).message.slice(0, 2000),
      },
    });
    return false;
  }
}
