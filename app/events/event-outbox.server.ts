import { db, type Transaction } from "../db.server";
import { errorFields, log } from "../logging/log.server";
import { leaseExpiry, oldestFirst, workClaimed } from "../work-queue.server";
import type { DeliveredEvent, DomainEventType, PublishedEvent } from "./domain-events";

/**
 * Domain events through an outbox: a capability publishes an event in the transaction of the
 * change it reports, so the two commit or fail together, and the worker delivers it to the
 * subscribers the app composed (app/worker/worker.server.ts). A delivery runs every subscriber of
 * the event and deletes the event in one transaction: a subscriber's work happens once, or not at
 * all and again later. Events are delivered in the order they were published as far as one worker
 * goes, but several workers deliver at once: a subscriber must not depend on that order.
 */

/** What reacts to each type of event, each within the delivery's transaction. */
export type EventSubscribers = {
  [T in DomainEventType]?: ((tx: Transaction, event: DeliveredEvent<T>) => Promise<void>)[];
};

const MAX_DELIVERY_ATTEMPTS = 5;
const CLAIM_CHUNK = 10;

/** Writes the event down in `tx`, the transaction of the change it reports. */
export async function publishEvent<T extends DomainEventType>(tx: Transaction, type: T, event: PublishedEvent<T>): Promise<void> {
  const { shop, customerId, customerEmail = null } = event;
  await tx.domainEvent.create({ data: { shop, type, customerId, customerEmail, payload: JSON.stringify(event.payload) } });
}

/** Each capability's subscribers in one set: a type several capabilities react to runs them all. */
export function combineSubscribers(...sets: EventSubscribers[]): EventSubscribers {
  const combined: Record<string, unknown[]> = {};
  for (const set of sets)
    for (const [type, subscribers] of Object.entries(set)) combined[type] = [...(combined[type] ?? []), ...subscribers];
  return combined as EventSubscribers;
}

/**
 * Delivers pending events, oldest first; returns how many were delivered. A worker claims them a
 * chunk at a time with one conditional update, so two workers never deliver one at once; an event
 * left "delivering" by a worker that died is taken up again after the lease.
 */
export async function deliverEvents(subscribers: EventSubscribers, limit = 100): Promise<number> {
  const leaseExpired = leaseExpiry();
  const waiting = { status: "pending" };
  const abandoned = { status: "delivering", updatedAt: { lt: leaseExpired } };
  const oldest = (where: typeof waiting | typeof abandoned) =>
    db().domainEvent.findMany({ where, orderBy: { createdAt: "asc" }, take: limit, select: { id: true, createdAt: true } });
  const pending = await oldestFirst([oldest(waiting), oldest(abandoned)], (e) => e.createdAt, limit);
  return workClaimed(
    pending.map((e) => e.id),
    {
      chunk: CLAIM_CHUNK,
      claim: (ids) =>
        db().domainEvent.updateManyAndReturn({
          where: { id: { in: ids }, OR: [waiting, abandoned] },
          data: { status: "delivering", attempts: { increment: 1 } },
        }),
      at: (e) => e.createdAt,
      work: (event) => deliver(subscribers, event),
    },
  );
}

type ClaimedEvent = Awaited<ReturnType<ReturnType<typeof db>["domainEvent"]["updateManyAndReturn"]>>[number];

/** Thrown inside a delivery's transaction when another worker's claim replaced ours: nothing of it may commit. */
class ClaimLost extends Error {}

async function deliver(subscribers: EventSubscribers, event: ClaimedEvent): Promise<boolean> {
  const published = {
    id: event.id,
    publishedAt: event.createdAt,
    shop: event.shop,
    customerId: event.customerId,
    customerEmail: event.customerEmail,
    payload: JSON.parse(event.payload) as never,
  };
  try {
    await db().$transaction(async (tx) => {
      for (const subscriber of subscribers[event.type as DomainEventType] ?? []) await subscriber(tx, published);
      // Only while the claim is still ours: after a lease ran out, another worker may have claimed it again.
      const { count } = await tx.domainEvent.deleteMany({ where: { id: event.id, attempts: event.attempts, status: "delivering" } });
      if (count === 0) throw new ClaimLost();
    });
    return true;
  } catch (error) {
    if (error instanceof ClaimLost) return false;
    const failed = event.attempts >= MAX_DELIVERY_ATTEMPTS;
    if (failed) log().error({ event: event.id, type: event.type, shop: event.shop, ...errorFields(error) }, "domain event not delivered");
    await db().domainEvent.updateMany({
      where: { id: event.id, attempts: event.attempts },
      data: { status: failed ? "failed" : "pending", lastError: (error as Error).message.slice(0, 2000) },
    });
    return false;
  }
}
