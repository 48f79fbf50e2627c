import { randomUUID } from "node:crypto";
import { clock } from "../clock";
import { config } from "../config.server";
import { db, isUniqueViolation, type Transaction } from "../db.server";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { errorFields, shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { cycleDueAt, nextScheduled, SCHEDULE_COLUMNS, scheduleOf, scheduledDate } from "./billing-schedule";
import { insertBillingAttempts, moveNextBillingDates, type NewBillingAttempt } from "./billing-statements.server";
import { BillingAttemptCreate } from "./billing.queries";
import { REFUSAL_RETRY_MS, refusalOutcome } from "./billing-refusals";
import { moveOnWithoutCharge, priceCycle } from "./contract-edits.server";
import { backgroundAdmin } from "../shopify/background.server";
import { beyondCommitment, lastCycle } from "./commitment";
import { leaseExpiry, oldestFirst } from "../work-queue.server";
import { loadSettings } from "./settings.server";
import { cycleToCharge, type MissedCyclesPolicy } from "./missed-cycles";
import { exceptShops, uninstalledShops } from "../shops/shops.server";
import { plannedSkipOf, storedPlannedSkips } from "./planned-skips";

/**
 * Billing, in two steps that each survive a crash and a second worker (docs/decisions/006):
 *  1. scheduleDueCycles: for the contracts due, one transaction moves their next billing date on
 *     and writes each cycle's BillingAttempt (unique per contract, cycle and retry). Whoever loses
 *     the race writes nothing.
 *  2. BillingLanes: attempts due are claimed (a batch at a time per shop) and sent to
 *     Shopify with a key made of contract, cycle and retry. Sending again (after a crash, a
 *     timeout, a retry) returns the attempt Shopify already made: the customer is charged once.
 * Both work in batches, and run side by side (lanes send while later batches are scheduled): on
 * a small machine, Orchard's own work per charge, not Shopify's rate limit, is what can bound
 * throughput (bench/billing-throughput.ts).
 * Dunning retries (dunning.server.ts) are attempts of the same cycle with the next retry number.
 */

/** Deterministic: the same contract, cycle and retry always give the same key, in every process. */
export function idempotencyKey(contractShopifyId: string, cycle: number, retry = 0): string {
  const base = `orchard:${contractShopifyId.split("/").pop()}:cycle:${cycle}`;
  return retry === 0 ? base : `${base}:retry:${retry}`;
}

/** What scheduling needs of a shop: its time zone and its missed-cycles policy. */
interface ShopBillingRules {
  timeZone: string;
  missedCycles: MissedCyclesPolicy;
}

/** Each shop's billing rules, read once per round. */
function shopBillingRules() {
  const rules = new Map<string, Promise<ShopBillingRules>>();
  return (shop: string) => {
    let found = rules.get(shop);
    if (!found) {
      found = Promise.all([db().shop.findUnique({ where: { domain: shop }, select: { ianaTimezone: true } }), loadSettings(shop)]).then(
        ([row, settings]) => ({ timeZone: row?.ianaTimezone ?? "UTC", missedCycles: settings.missedCycles }),
      );
      rules.set(shop, found);
    }
    return found;
  };
}

type DueContract = Awaited<ReturnType<typeof dueContracts>>[number];

function dueContracts(now: Date, limit: number, uninstalled: string[]) {
  return db().subscriptionContract.findMany({
    // A contract whose payment is being retried bills no further cycle until dunning ends.
    where: { status: "ACTIVE", dunningCycle: null, nextBillingAt: { lte: now }, ...exceptShops(uninstalled) },
    orderBy: { nextBillingAt: "asc" },
    take: limit,
    // Only what scheduling reads: a contract row is wide, and thousands come due at once.
    select: { id: true, shop: true, shopifyId: true, nextBillingAt: true, maxCycles: true, plannedSkips: true, ...SCHEDULE_COLUMNS },
  });
}

interface PlannedCycle {
  contract: DueContract;
  dueAt: Date;
  /** Null after the plan's last order. */
  next: Date | null;
  attempts: NewBillingAttempt[];
}

/**
 * What moving a contract past its due date writes: the next billing date, and the cycle's attempt.
 * If several cycles fell due while Orchard was not running, they are never charged in a burst: the
 * shop's policy (missed-cycles.ts) charges the latest once or none, the others are recorded as
 * missed. A cycle the customer or merchant skipped ahead of time is recorded as their skip, never charged.
 */
function planCycle(contract: DueContract, shop: ShopBillingRules, now: Date): PlannedCycle {
  const schedule = scheduleOf(contract, shop.timeZone);
  const dueAt = contract.nextBillingAt!;
  const cycle = cycleDueAt(schedule, dueAt);
  const upcoming = nextScheduled(schedule, now);
  // Never past the plan's maximum: after its last order a contract has no next date.
  const latest = Math.min(Math.max(cycle, upcoming.cycle - 1), lastCycle(contract.maxCycles) ?? Infinity);
  const charged = cycleToCharge(cycle, latest, shop.missedCycles);
  const skips = storedPlannedSkips(contract.plannedSkips);
  const attempts = [];
  for (let due = cycle; due <= latest; due += 1) {
    const cycleDate = scheduledDate(schedule, due);
    const skippedAhead = plannedSkipOf(skips, due);
    attempts.push({
      shop: contract.shop,
      contractId: contract.id,
      cycle: due,
      cycleDate,
      sendAfter: cycleDate,
      idempotencyKey: idempotencyKey(contract.shopifyId, due),
      ...(skippedAhead
        ? { status: "skipped", skipReason: `${skippedAhead.by}_skip` }
        : due === charged
          ? {}
          : { status: "skipped", skipReason: "missed" }),
    });
  }
  return { contract, dueAt, next: beyondCommitment(upcoming.cycle, contract.maxCycles) ? null : upcoming.date, attempts };
}

/**
 * The customers whose orders fell due while Orchard could not bill hear which were not charged,
 * in the transaction that records them (the outbox): once per catch-up, whatever the policy.
 */
async function tellOfMissedCycles(tx: Transaction, planned: PlannedCycle[]): Promise<void> {
  const withMissed = planned.filter((p) => p.attempts.some((a) => a.skipReason === "missed"));
  if (withMissed.length === 0) return;
  const [contracts, shops] = await Promise.all([
    tx.subscriptionContract.findMany({ where: { id: { in: withMissed.map((p) => p.contract.id) } }, include: { lines: true } }),
    tx.shop.findMany({
      where: { domain: { in: [...new Set(withMissed.map((p) => p.contract.shop))] } },
      select: { domain: true, name: true, ianaTimezone: true },
    }),
  ]);
  for (const { contract: due, attempts, next } of withMissed) {
    const contract = contracts.find((c) => c.id === due.id);
    const shop = shops.find((s) => s.domain === due.shop);
    if (!contract || !shop) continue;
    const missedOrders = attempts.filter((a) => a.skipReason === "missed").length;
    const kind = missedOrders < attempts.length ? "missedCharged" : "missedSkipped";
    await enqueueSubscriberEmail(tx, contract, kind, `cycle:${attempts[0]!.cycle}`, {
      ...emailDataFor(contract, shop, next),
      missedOrders,
    });
  }
}

class LostRace extends Error {}
const SCHEDULE_BATCH = 500;

/**
 * Due contracts move in one transaction: each moves only from the date it was read at, and all
 * their attempts are written in one insert. If another worker moved any of them first, the
 * transaction is undone and tried again with those still as read: exactly one worker writes each
 * cycle, and a lost race costs one read, not one transaction per contract.
 */
async function scheduleBatch(batch: PlannedCycle[]): Promise<number> {
  let pending = batch;
  while (pending.length > 0) {
    try {
      await db().$transaction(async (tx) => {
        const moves = pending.map((p) => ({ contractId: p.contract.id, from: p.dueAt, to: p.next }));
        if ((await moveNextBillingDates(tx, moves)) !== pending.length) throw new LostRace();
        await insertBillingAttempts(
          tx,
          pending.flatMap((p) => p.attempts),
        );
        await tellOfMissedCycles(tx, pending);
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

async function scheduleOne(planned: PlannedCycle): Promise<boolean> {
  const { contract, dueAt, next, attempts } = planned;
  try {
    return await db().$transaction(async (tx) => {
      const moved = await tx.subscriptionContract.updateMany({
        where: { id: contract.id, status: "ACTIVE", dunningCycle: null, nextBillingAt: dueAt },
        data: { nextBillingAt: next },
      });
      if (moved.count === 0) return false;
      await tx.billingAttempt.createMany({ data: attempts });
      await tellOfMissedCycles(tx, [planned]);
      return true;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await restartScheduleAfterLastCycle(contract, dueAt);
    return false;
  }
}

/**
 * The contract's due date maps to a cycle already written (its schedule drifted off the cycle
 * boundaries, as a time-zone change once made it): left alone it would stay due and unscheduled
 * for ever, ahead of every other contract. Its schedule starts again at the due date with the
 * cycle after the last one written, so the next round charges that cycle once; the log says why.
 */
async function restartScheduleAfterLastCycle(contract: DueContract, dueAt: Date): Promise<void> {
  const last = (await db().billingAttempt.aggregate({ where: { contractId: contract.id }, _max: { cycle: true } }))._max.cycle ?? 0;
  const restarted = await db().subscriptionContract.updateMany({
    where: { id: contract.id, nextBillingAt: dueAt },
    data: { scheduleFrom: dueAt, scheduleCycle: last + 1 },
  });
  if (restarted.count) {
    shopLog(contract.shop).warn(
      { contract: contract.shopifyId, dueAt: dueAt.toISOString(), cycle: last + 1 },
      "schedule off its cycles: restarted at the due date with the cycle after the last one written",
    );
  }
}

/**
 * Schedules every cycle due, a batch at a time, within one round: when thousands fall due
 * together, each shop's lane can start sending before the later batches would have had their
 * round. Stops early when a whole batch could not be scheduled (other workers took it, or its
 * cycles were already written), so it never spins on what it cannot move.
 */
export async function scheduleDueCycles(): Promise<number> {
  const now = clock().now();
  const rulesOf = shopBillingRules();
  const uninstalled = await uninstalledShops();
  let scheduled = 0;
  for (;;) {
    const due = await dueContracts(now, SCHEDULE_BATCH, uninstalled);
    const planned: PlannedCycle[] = [];
    for (const contract of due) planned.push(planCycle(contract, await rulesOf(contract.shop), now));
    const moved = planned.length ? await scheduleBatch(planned) : 0;
    scheduled += moved;
    await moveOnAfterUnchargedCycles(planned.filter((p) => p.attempts.every((a) => a.status === "skipped")));
    if (due.length < SCHEDULE_BATCH || moved === 0) return scheduled;
  }
}

/**
 * No cycle due is charged (skipped ahead of time, or missed under the skipAll policy): no charge's
 * outcome will publish the next date or end a finished plan, so it is done here. One contract at a
 * time, and a shop Shopify cannot reach for now only waits for its next charge to catch up.
 */
async function moveOnAfterUnchargedCycles(planned: PlannedCycle[]): Promise<void> {
  for (const { contract, attempts } of planned) {
    try {
      await moveOnWithoutCharge(await backgroundAdmin(contract.shop), contract.id, { cycle: attempts.at(-1)!.cycle, tellCustomer: false });
    } catch (error) {
      shopLog(contract.shop).warn({ contract: contract.shopifyId, ...errorFields(error) }, "next date after missed cycles not published");
    }
  }
}

interface AttemptToSend {
  id: string;
  idempotencyKey: string;
  cycle: number;
  cycleDate: Date;
  contract: { shopifyId: string; currencyCode: string; lines: { shopifyId: string; unitPriceMinor: number; cyclePrices: string | null }[] };
}

/** The contract's lines and what linesToReprice needs of them, read with the attempts. */
const CONTRACT_TO_SEND = {
  select: { shopifyId: true, currencyCode: true, lines: { select: { shopifyId: true, unitPriceMinor: true, cyclePrices: true } } },
} as const;

/**
 * Sends one claimed attempt for its cycle: the origin time and the cycle selected by its date, so
 * a late charge (a retry, a worker back from a crash) is still the cycle's, as Shopify documents.
 * A success is recorded with its batch; Shopify's refusal is recorded here as billing-refusals.ts
 * decides, anything else leaves the attempt to be sent again with the same key; both are thrown.
 */
async function sendClaimed(admin: AdminClient, attempt: AttemptToSend): Promise<void> {
  try {
    await priceCycle(admin, attempt.contract, attempt.cycle);
    const cycleDate = attempt.cycleDate.toISOString();
    await admin.request(BillingAttemptCreate, {
      contractId: attempt.contract.shopifyId,
      input: { idempotencyKey: attempt.idempotencyKey, originTime: cycleDate, billingCycleSelector: { date: cycleDate } },
    });
  } catch (error) {
    await db().billingAttempt.updateMany({ where: { id: attempt.id, status: "sending" }, data: afterFailedSend(error) });
    throw error;
  }
}

/** What a failed send leaves the attempt as: a refusal as Shopify's codes say, else scheduled again. */
function afterFailedSend(error: unknown) {
  const lastError = (error as Error).message.slice(0, 2000);
  if (!(error instanceof ShopifyUserErrors)) return { status: "scheduled", lastError };
  // The price move before the charge refused too (a paused or cancelled contract): final.
  const codes = error.userErrors.map((e) => e.code ?? "INVALID");
  const outcome = refusalOutcome(codes);
  if (outcome === "retry") return { status: "scheduled", sendAfter: new Date(clock().now().getTime() + REFUSAL_RETRY_MS), lastError };
  if (outcome === "skipped") return { status: "skipped", skipReason: "shopify_skip", errorCode: codes.join(","), lastError };
  return { status: "failed", errorCode: codes.join(","), lastError };
}

/**
 * Claims attempts for this worker in one conditional update that marks them with a token of its
 * own, then reads back which carry it: an attempt another worker claimed meanwhile (or sent, or
 * whose outcome arrived) no longer matches and stays theirs.
 */
async function claim(attempts: AttemptToSend[], leaseExpired: Date): Promise<{ claimToken: string; claimed: AttemptToSend[] }> {
  const ids = attempts.map((a) => a.id);
  const claimToken = randomUUID();
  await db().billingAttempt.updateMany({
    where: { id: { in: ids }, OR: [{ status: "scheduled" }, { status: "sending", updatedAt: { lt: leaseExpired } }] },
    data: { status: "sending", claimToken, sendAttempts: { increment: 1 } },
  });
  const mine = await db().billingAttempt.findMany({ where: { id: { in: ids }, claimToken }, select: { id: true } });
  const claimed = new Set(mine.map((a) => a.id));
  return { claimToken, claimed: attempts.filter((a) => claimed.has(a.id)) };
}

/**
 * Keeps a claim alive while its batch is being sent: a batch paced by a slow shop's rate limit can
 * take longer than the lease, and another worker would take the rest up and send it again. Returns
 * false when the claim was lost all the same (this worker stalled past the lease).
 */
async function renewClaim(claimToken: string): Promise<boolean> {
  const renewed = await db().billingAttempt.updateMany({ where: { claimToken, status: "sending" }, data: { updatedAt: new Date() } });
  return renewed.count > 0;
}

/** Attempts due: scheduled and past their time, or left "sending" by a worker that died (the lease). */
function dueAttempts() {
  // The lease is about a worker being alive, so it runs on wall time, like the updatedAt it reads
  // (the business clock may be moved in tests and the demo).
  const leaseExpired = leaseExpiry();
  // Asked one at a time, not as an OR (see work-queue.server.ts).
  const kinds = [
    { status: "scheduled", sendAfter: { lte: clock().now() } },
    { status: "sending", updatedAt: { lt: leaseExpired } },
  ];
  return { kinds, leaseExpired };
}

/**
 * How many of a shop's attempts a lane looks up and claims at once: at Shopify's slowest rate
 * (Standard, 10 charges a second) a batch takes 10 s, and its database work is five statements
 * for a hundred charges, plus a renewal of the claim every third of a lease.
 */
const LANE_BATCH = 100;

/**
 * Sends the attempts that are due, each shop in its own lane, all lanes at once: a shop that is
 * throttled or slow delays only itself, and a shop with thousands due takes no turn from the
 * others. A lane runs until its shop has nothing due, so it outlives the worker's round that
 * started it: a shop's charges are paced over seconds by its rate limit, and scheduling (or the
 * next shop's lane) need not wait for them. An attempt left "sending" by a worker that died is
 * taken up again after a lease; resending it is safe.
 */
export class BillingLanes {
  private readonly running = new Map<string, Promise<void>>();
  private settled = 0;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(private readonly adminFor: (shop: string) => Promise<AdminClient>) {}

  /** Starts a lane for every shop with charges due that has none running in this process. */
  async dispatch(): Promise<void> {
    const uninstalled = await uninstalledShops();
    const due = await Promise.all(
      dueAttempts().kinds.map((where) => db().billingAttempt.groupBy({ by: ["shop"], where: { ...where, ...exceptShops(uninstalled) } })),
    );
    for (const shop of new Set(due.flat().map((group) => group.shop))) {
      if (!this.running.has(shop))
        this.running.set(
          shop,
          this.run(shop).finally(() => this.running.delete(shop)),
        );
    }
  }

  /** Resolves once every lane has run dry. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  /** Lets each lane finish the charge it is sending, then stop (the rest of its batch goes back to the queue); resolves when they have. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /**
   * Calls `callback` once, the next time a lane settles a batch or ends: a worker waiting out an
   * idle pause comes back at once to what that brings (outcome webhooks, the next shop).
   */
  wakeOnProgress(callback: () => void): void {
    this.wake = callback;
  }

  private progressed(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Charges settled (sent, or refused for good) since the last call. */
  takeSettled(): number {
    const settled = this.settled;
    this.settled = 0;
    return settled;
  }

  private async run(shop: string): Promise<void> {
    try {
      const admin = await this.adminFor(shop);
      while (!this.stopping) {
        const { kinds, leaseExpired } = dueAttempts();
        const attempts = await oldestFirst(
          kinds.map((where) =>
            db().billingAttempt.findMany({
              where: { shop, ...where },
              orderBy: { sendAfter: "asc" },
              take: LANE_BATCH,
              include: { contract: CONTRACT_TO_SEND },
            }),
          ),
          (attempt) => attempt.sendAfter,
          LANE_BATCH,
        );
        const settled = attempts.length ? await this.sendBatch(admin, attempts, leaseExpired) : 0;
        this.settled += settled;
        if (settled > 0) this.progressed();
        // Nothing left, or every attempt found was another worker's.
        if (settled === 0) return;
      }
    } catch (error) {
      // A shop that cannot be reached (uninstalled, Shopify down for it) must not stop the others;
      // its attempts went back to the queue for a later round.
      shopLog(shop).error(errorFields(error), "billing lane failed; its attempts wait for a later round");
    }
  }

  /**
   * Claims a batch of the shop's attempts (a claim is a lease: a batch must be sent well within
   * it), sends them in order, and records those Shopify took in one update. Only from "sending":
   * the outcome webhook may already have recorded success or failure. Returns how many were
   * settled (sent, or refused for good); throws when Shopify cannot be reached for the shop.
   */
  private async sendBatch(admin: AdminClient, attempts: AttemptToSend[], leaseExpired: Date): Promise<number> {
    const { claimToken, claimed } = await claim(attempts, leaseExpired);
    const renewEveryMs = (config().WORKER_LEASE_SECONDS * 1000) / 3;
    let renewedAt = Date.now();
    const sent: string[] = [];
    let settled = 0;
    let unreachable: unknown = null;
    for (const attempt of claimed) {
      if (this.stopping) break;
      if (Date.now() - renewedAt > renewEveryMs) {
        if (!(await renewClaim(claimToken))) break;
        renewedAt = Date.now();
      }
      try {
        await sendClaimed(admin, attempt);
        sent.push(attempt.id);
      } catch (error) {
        // A shop Shopify will not take charges for now (down, uninstalled) holds the rest back;
        // Shopify's refusal of one cycle was recorded as billing-refusals.ts decides.
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
    // Claimed but not sent (Shopify unreachable, the lanes stopping): back to the queue at once,
    // not after the lease; unless another worker has taken them since.
    const sentIds = new Set(sent);
    const unsent = claimed.filter((a) => !sentIds.has(a.id)).map((a) => a.id);
    if (unsent.length) {
      await db().billingAttempt.updateMany({ where: { id: { in: unsent }, status: "sending", claimToken }, data: { status: "scheduled" } });
    }
    if (unreachable) throw unreachable;
    return settled;
  }
}

/** One pass of the lanes, waited for: what a worker's round does when run on its own (tests). */
export async function sendScheduledAttempts(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const lanes = new BillingLanes(adminFor);
  await lanes.dispatch();
  await lanes.idle();
  return lanes.takeSettled();
}
