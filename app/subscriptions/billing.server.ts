import { clock } from "../clock";
import { config } from "../config.server";
import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { nextScheduled, scheduleOf, scheduledDate } from "./billing-schedule";
import { BillingAttemptCreate } from "./billing.queries";

/**
 * Billing, in two steps that each survive a crash and a second worker (docs/decisions/006):
 *  1. scheduleDueCycles: for each contract due, one transaction moves its next billing date on and
 *     writes the cycle's BillingAttempt (unique per contract, cycle and retry). Whoever loses the
 *     race writes nothing.
 *  2. sendScheduledAttempts: each attempt due is claimed and sent to Shopify with a key made of
 *     contract, cycle and retry. Sending again (after a crash, a timeout, a retry) returns the
 *     attempt Shopify already made: the customer is charged once.
 * Dunning retries (dunning.server.ts) are attempts of the same cycle with the next retry number.
 */

/** Deterministic: the same contract, cycle and retry always give the same key, in every process. */
export function idempotencyKey(contractShopifyId: string, cycle: number, retry = 0): string {
  const base = `orchard:${contractShopifyId.split("/").pop()}:cycle:${cycle}`;
  return retry === 0 ? base : `${base}:retry:${retry}`;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

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

export async function scheduleDueCycles(limit = 500): Promise<number> {
  const now = clock().now();
  const due = await db().subscriptionContract.findMany({
    // A contract whose payment is being retried bills no further cycle until dunning ends.
    where: { status: "ACTIVE", dunningCycle: null, nextBillingAt: { lte: now } },
    orderBy: { nextBillingAt: "asc" },
    take: limit,
  });
  const zoneOf = timeZones();
  let scheduled = 0;
  for (const contract of due) {
    const schedule = scheduleOf(contract, await zoneOf(contract.shop));
    const dueAt = contract.nextBillingAt!;
    const { cycle } = nextScheduled(schedule, new Date(dueAt.getTime() - 1));
    // If several cycles fell due while Orchard was not running, the customer is charged for the
    // latest one only: the others are recorded as skipped, never charged in a burst.
    const upcoming = nextScheduled(schedule, now);
    const charged = Math.max(cycle, upcoming.cycle - 1);
    try {
      const won = await db().$transaction(async (tx) => {
        const moved = await tx.subscriptionContract.updateMany({
          where: { id: contract.id, status: "ACTIVE", dunningCycle: null, nextBillingAt: dueAt },
          data: { nextBillingAt: upcoming.date },
        });
        if (moved.count === 0) return false;
        for (let missed = cycle; missed <= charged; missed += 1) {
          const cycleDate = scheduledDate(schedule, missed);
          await tx.billingAttempt.create({
            data: {
              shop: contract.shop,
              contractId: contract.id,
              cycle: missed,
              cycleDate,
              sendAfter: cycleDate,
              idempotencyKey: idempotencyKey(contract.shopifyId, missed),
              ...(missed < charged
                ? { status: "skipped", lastError: "overdue when Orchard resumed; only the latest cycle is charged" }
                : {}),
            },
          });
        }
        return true;
      });
      if (won) scheduled += 1;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return scheduled;
}

interface AttemptToSend {
  id: string;
  updatedAt: Date;
  status: string;
  idempotencyKey: string;
  cycleDate: Date;
  contract: { shopifyId: string };
}

async function sendOne(admin: AdminClient, attempt: AttemptToSend): Promise<boolean> {
  const claimed = await db().billingAttempt.updateMany({
    where: { id: attempt.id, status: attempt.status, updatedAt: attempt.updatedAt },
    data: { status: "sending", sendAttempts: { increment: 1 } },
  });
  if (claimed.count === 0) return false;
  try {
    const { subscriptionBillingAttemptCreate } = await admin.request(BillingAttemptCreate, {
      contractId: attempt.contract.shopifyId,
      input: { idempotencyKey: attempt.idempotencyKey, originTime: attempt.cycleDate.toISOString() },
    });
    // Only from "sending": the outcome webhook may already have recorded success or failure.
    await db().billingAttempt.updateMany({
      where: { id: attempt.id, status: "sending" },
      data: { status: "sent", shopifyId: subscriptionBillingAttemptCreate?.subscriptionBillingAttempt?.id ?? null, lastError: null },
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
  }
  return true;
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
      let count = 0;
      try {
        const admin = await adminFor(shop);
        for (const attempt of attempts) if (await sendOne(admin, attempt)) count += 1;
      } catch (error) {
        // A shop that cannot be reached (uninstalled, Shopify down for it) must not stop the others.
        console.error(`[billing] ${shop}: ${(error as Error).message}`);
      }
      return count;
    }),
  );
  return sent.reduce((sum, n) => sum + n, 0);
}
