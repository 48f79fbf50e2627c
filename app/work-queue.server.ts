import { config } from "./config.server";

/**
 * Claims taken before this (wall time) are abandoned: their worker held the lease and did not
 * finish, so another may take the work up.
 */
export function leaseExpiry(): Date {
  return new Date(Date.now() - config().WORKER_LEASE_SECONDS * 1000);
}

/**
 * The wait before a failed item's next try: `firstMs` after the first attempt, each later wait
 * `factor` times the one before, so what fails for a while (Shopify throttling or out of reach, a
 * database busy under load) is tried again after it passed, not over and over within seconds.
 */
export function retryDelayMs(attempt: number, { firstMs, factor }: { firstMs: number; factor: number }): number {
  return firstMs * factor ** (attempt - 1);
}

/**
 * The oldest items of a work queue (webhook inbox, email outbox, billing attempts) that a worker
 * may claim: those waiting, and those whose worker's lease ran out. Each kind is asked for in its
 * own query, never both in one OR: PostgreSQL answers an OR over the status index with a bitmap
 * scan, which reads every index entry that earlier changes of status left behind (tens of
 * thousands between two vacuums) on every poll, while a plain index scan marks the dead ones once
 * and skips them from then on. Measured on the year-of-billing test's inbox: 78 ms a poll with the
 * OR, under 1 ms with one query per status; workers poll several times a second.
 */
export async function oldestFirst<T extends { id: string }>(queries: Promise<T[]>[], at: (item: T) => Date, limit: number): Promise<T[]> {
  const found = (await Promise.all(queries)).flat();
  return found.sort(inArrivalOrder(at)).slice(0, limit);
}

/** Oldest first, ties by id: the order a queue's items are worked in, whichever query returned them. */
export function inArrivalOrder<T extends { id: string }>(at: (item: T) => Date): (a: T, b: T) => number {
  return (a, b) => at(a).getTime() - at(b).getTime() || a.id.localeCompare(b.id);
}

/**
 * Works a queue's items a chunk at a time: `claim` takes a chunk's ids with one conditional update
 * and returns those it won (a worker racing for the same ids wins the rest, and this one moves on
 * to the next chunk); they come back in no particular order and are worked in order of arrival.
 * Returns how many `work` says it did.
 */
export async function workClaimed<T extends { id: string }>(
  ids: string[],
  queue: { chunk: number; claim: (ids: string[]) => Promise<T[]>; at: (item: T) => Date; work: (item: T) => Promise<boolean> },
): Promise<number> {
  let done = 0;
  for (let start = 0; start < ids.length; start += queue.chunk) {
    const claimed = await queue.claim(ids.slice(start, start + queue.chunk));
    claimed.sort(inArrivalOrder(queue.at));
    for (const item of claimed) if (await queue.work(item)) done += 1;
  }
  return done;
}
