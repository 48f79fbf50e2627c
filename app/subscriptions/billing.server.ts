import { randomUUID } from "node:crypto";
import { clock } from "../clock";
import { config } from "../config.server";
import { db, isUniqueViolation } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { nextScheduled, scheduleOf, scheduledDate } from "./billing-schedule";
import { BillingAttemptCreate } from "./billing.queries";

/**
 * Billing, in two steps that each survive a crash and a second worker (docs/decisions/006):
 *  1. scheduleDueCycles: for the contracts due, one transaction moves their next billing date on
 *     and writes each cycle's BillingAttempt (unique per contract, cycle and retry). Whoever loses
 *     the race writes nothing.
 *  2. sendScheduledAttempts: attempts due are claimed (a few at a time per shop) and sent to
 *     Shopify with a key made of contract, cycle and retry. Sending again (after a crash, a
 *     timeout, a retry) returns the attempt Shopify already made: the customer is charged once.
 * Both work in batches: Orchard's database work per charge, not Shopify's rate limit, was what
 * bound throughput (bench/billing-throughput.ts).
 * Dunning retries (dunning.server.ts) are attempts of the same cycle with the next retry number.
 */

/** Deterministic: the same contract, cycle and retry always give the same key, in every process. */
export function idempotencyKey(contractShopifyId: string, cycle: number, retry = 0): string {
  const base = `orchard:${contractShopifyId.split("/").pop()}:cycle:${cycle}`;
  return retry === 0 ? base : `${base}:retry:${retry}`;
}

/** Each shop's time zone, read once per round. */
export function timeZones() {
  const zones = new Map<string, Promise<string>>();
  return (shop: string) => {
    let zone = zones.get(shop);
    if (!zone) {
      zone = db()
        .shop.findUnique({ where: { domain: shop }, select: { ianaTimezone: true } })
        .then((found) => found?.ianaTimezone ?? "UTC");
      zones.set(shop, zone);
    }
    return zone;
  };
}

type DueContract = Awaited<ReturnType<typeof dueContracts>>[number];

function dueContracts(now: Date, limit: number) {
  return db().subscriptionContract.findMany({
    // A contract whose payment is being retried bills no further cycle until dunning ends.
    where: { status: "ACTIVE", dunningCycle: null, nextBillingAt: { lte: now } },
    orderBy: { nextBillingAt: "asc" },
    take: limit,
    // Only what scheduling reads: a contract row is wide, and thousands come due at once.
    select: {
      id: true,
      shop: true,
      shopifyId: true,
      nextBillingAt: true,
      billingInterval: true,
      billingIntervalCount: true,
      anchorType: true,
      anchorDay: true,
      scheduleFrom: true,
      scheduleCycle: true,
    },
  });
}

interface PlannedCycle {
  contract: DueContract;
  dueAt: Date;
  next: Date;
  attempts: {
    shop: string;
    contractId: string;
    cycle: number;
    cycleDate: Date;
    sendAfter: Date;
    idempotencyKey: string;
    status?: string;
    lastError?: string;
  }[];
}

/**
 * What moving a contract past its due date writes: the next billing date, and the cycle's attempt.
 * If several cycles fell due while Orchard was not running, the customer is charged for the latest
 * one only: the others are recorded as skipped, never charged in a burst.
 */
function planCycle(contract: DueContract, timeZone: string, now: Date): PlannedCycle {
  const schedule = scheduleOf(contract, timeZone);
  const dueAt = contract.nextBillingAt!;
  const { cycle } = nextScheduled(schedule, new Date(dueAt.getTime() - 1));
  const upcoming = nextScheduled(schedule, now);
  const charged = Math.max(cycle, upcoming.cycle - 1);
  const attempts = [];
  for (let missed = cycle; missed <= charged; missed += 1) {
    const cycleDate = scheduledDate(schedule, missed);
    attempts.push({
      shop: contract.shop,
      contractId: contract.id,
      cycle: missed,
      cycleDate,
      sendAfter: cycleDate,
      idempotencyKey: idempotencyKey(contract.shopifyId, missed),
      ...(missed < charged ? { status: "skipped", lastError: "overdue when Orchard resumed; only the latest cycle is charged" } : {}),
    });
  }
  return { contract, dueAt, next: upcoming.date, attempts };
}

class LostRace extends Error {}
const SCHEDULE_BATCH = 500;

/**
 * Due contracts move in one transaction: each moves only from the date it was read at (one
 * conditional update per group sharing a due date and a next date, a plan's cohort being one
 * group), and all their attempts are written in one insert. If another worker moved any of them
 * first, the transaction is undone and tried again with those still as read: exactly one worker
 * writes each cycle, and a lost race costs one read, not one transaction per contract.
 */
async function scheduleBatch(batch: PlannedCycle[]): Promise<number> {
  let pending = batch;
  while (pending.length > 0) {
    try {
      await db().$transaction(async (tx) => {
        for (const group of groupBy(pending, (p) => `${p.dueAt.getTime()}:${p.next.getTime()}`)) {
          const moved = await tx.subscriptionContract.updateMany({
            where: { id: { in: group.map((p) => p.contract.id) }, status: "ACTIVE", dunningCycle: null, nextBillingAt: group[0]!.dueAt },
            data: { nextBillingAt: group[0]!.next },
          });
          if (moved.count !== group.length) throw new LostRace();
        }
        await tx.billingAttempt.createMany({ data: pending.flatMap((p) => p.attempts) });
      });
      return pending.length;
    } catch (error) {
      // A cycle already written for a contract still due (its date set back since): each alone,
      // so the others are not held back by it.
      if (isUniqueViolation(error)) return scheduleEach(pending);
      if (!(error instanceof LostRace)) throw error;
      const stillDue = await stillAsRead(pending);
      if (stillDue.length === pending.length) return scheduleEach(pending);
      pending = stillDue;
    }
  }
  return 0;
}

async function stillAsRead(planned: PlannedCycle[]): Promise<PlannedCycle[]> {
  const current = await db().subscriptionContract.findMany({
    where: { id: { in: planned.map((p) => p.contract.id) }, status: "ACTIVE", dunningCycle: null },
    select: { id: true, nextBillingAt: true },
  });
  const dueAt = new Map(current.map((c) => [c.id, c.nextBillingAt?.getTime()]));
  return planned.filter((p) => dueAt.get(p.contract.id) === p.dueAt.getTime());
}

async function scheduleEach(planned: PlannedCycle[]): Promise<number> {
  let scheduled = 0;
  for (const cycle of planned) if (await scheduleOne(cycle)) scheduled += 1;
  return scheduled;
}

async function scheduleOne({ contract, dueAt, next, attempts }: PlannedCycle): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const moved = await tx.subscriptionContract.updateMany({
        where: { id: contract.id, status: "ACTIVE", dunningCycle: null, nextBillingAt: dueAt },
        data: { nextBillingAt: next },
      });
      if (moved.count === 0) return false;
      await tx.billingAttempt.createMany({ data: attempts });
      return true;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return false;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()];
}

export async function scheduleDueCycles(limit = SCHEDULE_BATCH): Promise<number> {
  const now = clock().now();
  const zoneOf = timeZones();
  const planned: PlannedCycle[] = [];
  for (const contract of await dueContracts(now, limit)) planned.push(planCycle(contract, await zoneOf(contract.shop), now));
  return planned.length ? scheduleBatch(planned) : 0;
}

interface AttemptToSend {
  id: string;
  idempotencyKey: string;
  cycleDate: Date;
  contract: { shopifyId: string };
}

/** Sends one claimed attempt. A refusal or failure is recorded here and thrown; a success is recorded with its batch. */
async function sendClaimed(admin: AdminClient, attempt: AttemptToSend): Promise<void> {
  try {
    await admin.request(BillingAttemptCreate, {
      contractId: attempt.contract.shopifyId,
      input: { idempotencyKey: attempt.idempotencyKey, originTime: attempt.cycleDate.toISOString() },
    });
  } catch (error) {
    // Shopify refused the cycle (paused, cancelled contract): final. Anything else: try again later
    // with the same key.
    const refused = error instanceof ShopifyUserErrors;
    await db().billingAttempt.updateMany({
      where: { id: attempt.id, status: "sending" },
      data: refused
        ? {
            status: "failed",
            errorCode: error.userErrors.map((e) => e.code ?? "INVALID").join(","),
            lastError: error.message.slice(0, 2000),
          }
        : { status: "scheduled", lastError: (error as Error).message.slice(0, 2000) },
    });
    throw error;
  }
}

/**
 * Claims attempts for this worker in one conditional update that marks them with a token of its
 * own, then reads back which carry it: an attempt another worker claimed meanwhile (or sent, or
 * whose outcome arrived) no longer matches and stays theirs.
 */
async function claim(attempts: AttemptToSend[], leaseExpired: Date): Promise<AttemptToSend[]> {
  const ids = attempts.map((a) => a.id);
  const claimToken = randomUUID();
  await db().billingAttempt.updateMany({
    where: { id: { in: ids }, OR: [{ status: "scheduled" }, { status: "sending", updatedAt: { lt: leaseExpired } }] },
    data: { status: "sending", claimToken, sendAttempts: { increment: 1 } },
  });
  const mine = await db().billingAttempt.findMany({ where: { id: { in: ids }, claimToken }, select: { id: true } });
  const claimed = new Set(mine.map((a) => a.id));
  return attempts.filter((a) => claimed.has(a.id));
}

/**
 * A shop's lane: claims a few attempts at a time (a claim is a lease: a batch must be sent well
 * within it), sends them in order, and records those Shopify took in one update. Only from
 * "sending": the outcome webhook may already have recorded success or failure. Returns how many
 * were settled (sent, or refused for good): a lane Shopify cannot be reached through settles none.
 */
const CLAIM_BATCH = 25;

async function sendLane(admin: AdminClient, attempts: AttemptToSend[], leaseExpired: Date): Promise<number> {
  let settled = 0;
  for (let start = 0; start < attempts.length; start += CLAIM_BATCH) {
    const claimed = await claim(attempts.slice(start, start + CLAIM_BATCH), leaseExpired);
    const sent: string[] = [];
    let unreachable: unknown = null;
    for (const attempt of claimed) {
      try {
        await sendClaimed(admin, attempt);
        sent.push(attempt.id);
      } catch (error) {
        // A shop Shopify will not take charges for now (down, uninstalled) holds the rest back;
        // a refused cycle is final and recorded.
        if (!(error instanceof ShopifyUserErrors)) {
          unreachable = error;
          break;
        }
      }
      settled += 1;
    }
    if (sent.length) {
      await db().billingAttempt.updateMany({ where: { id: { in: sent }, status: "sending" }, data: { status: "sent", lastError: null } });
    }
    // Claimed but not sent (the lane stopped): back to the queue at once, not after the lease.
    const unsent = claimed.filter((a) => !sent.includes(a.id)).map((a) => a.id);
    if (unsent.length) {
      await db().billingAttempt.updateMany({ where: { id: { in: unsent }, status: "sending" }, data: { status: "scheduled" } });
    }
    if (unreachable) throw unreachable;
  }
  return settled;
}

/**
 * Sends the attempts that are due, each shop in its own lane, all lanes at once: a shop that is
 * throttled or slow delays only itself, and a shop with thousands due takes no turn from the
 * others. An attempt left "sending" by a worker that died is taken up again after a lease;
 * resending it is safe.
 */
export async function sendScheduledAttempts(adminFor: (shop: string) => Promise<AdminClient>, perShop = 100): Promise<number> {
  // The lease is about a worker being alive, so it runs on wall time, like the updatedAt it reads
  // (the business clock may be moved in tests and the demo).
  const leaseExpired = new Date(Date.now() - config().WORKER_LEASE_SECONDS * 1000);
  const due = {
    OR: [
      { status: "scheduled", sendAfter: { lte: clock().now() } },
      { status: "sending", updatedAt: { lt: leaseExpired } },
    ],
  };
  const shops = await db().billingAttempt.groupBy({ by: ["shop"], where: due });
  const sent = await Promise.all(
    shops.map(async ({ shop }) => {
      const attempts = await db().billingAttempt.findMany({
        where: { shop, ...due },
        orderBy: { sendAfter: "asc" },
        take: perShop,
        include: { contract: { select: { shopifyId: true } } },
      });
      try {
        return await sendLane(await adminFor(shop), attempts, leaseExpired);
      } catch (error) {
        // A shop that cannot be reached (uninstalled, Shopify down for it) must not stop the others.
        console.error(`[billing] ${shop}: ${(error as Error).message}`);
        return 0;
      }
    }),
  );
  return sent.reduce((sum, n) => sum + n, 0);
}
