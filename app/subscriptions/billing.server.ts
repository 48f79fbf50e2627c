import { clock } from "../clock";
import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { billingPolicyOf, cycleDate, nextCycle } from "./billing-schedule";
import { BillingAttemptCreate } from "./billing.queries";

/**
 * Billing, in two steps that each survive a crash and a second worker (docs/decisions/006):
 *  1. scheduleDueCycles: for each contract due, one transaction moves its next billing date on and
 *     writes the cycle's BillingAttempt (unique per contract and cycle). Whoever loses the race
 *     writes nothing.
 *  2. sendScheduledAttempts: each scheduled attempt is claimed and sent to Shopify with a key made
 *     of contract and cycle. Sending again (after a crash, a timeout, a retry) returns the attempt
 *     Shopify already made: the customer is charged once.
 */
const SENDING_LEASE_MS = 5 * 60_000;

/** Deterministic: the same contract and cycle always give the same key, in every process. */
export function idempotencyKey(contractShopifyId: string, cycle: number): string {
  return `orchard:${contractShopifyId.split("/").pop()}:cycle:${cycle}`;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

export async function scheduleDueCycles(limit = 200): Promise<number> {
  const now = clock().now();
  const due = await db().subscriptionContract.findMany({
    where: { status: "ACTIVE", nextBillingAt: { lte: now } },
    orderBy: { nextBillingAt: "asc" },
    take: limit,
  });
  const zones = new Map<string, string>();
  let scheduled = 0;
  for (const contract of due) {
    if (!zones.has(contract.shop)) {
      zones.set(contract.shop, (await db().shop.findUnique({ where: { domain: contract.shop } }))?.ianaTimezone ?? "UTC");
    }
    const timeZone = zones.get(contract.shop)!;
    const dueAt = contract.nextBillingAt!;
    const policy = billingPolicyOf(contract);
    const { cycle } = nextCycle(contract.firstBillingAt, policy, timeZone, new Date(dueAt.getTime() - 1));
    // If several cycles fell due while Orchard was not running, the customer is charged for the
    // latest one only: the others are recorded as skipped, never charged in a burst.
    const upcoming = nextCycle(contract.firstBillingAt, policy, timeZone, now);
    const charged = Math.max(cycle, upcoming.cycle - 1);
    try {
      const won = await db().$transaction(async (tx) => {
        const moved = await tx.subscriptionContract.updateMany({
          where: { id: contract.id, status: "ACTIVE", nextBillingAt: dueAt },
          data: { nextBillingAt: upcoming.date },
        });
        if (moved.count === 0) return false;
        for (let missed = cycle; missed <= charged; missed += 1) {
          await tx.billingAttempt.create({
            data: {
              shop: contract.shop,
              contractId: contract.id,
              cycle: missed,
              cycleDate: cycleDate(contract.firstBillingAt, policy, timeZone, missed),
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

async function sendOne(
  admin: AdminClient,
  attempt: { id: string; updatedAt: Date; status: string; idempotencyKey: string; cycleDate: Date; contract: { shopifyId: string } },
) {
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
 * Sends scheduled attempts, oldest first, each shop in its own lane so that a throttled or slow
 * shop delays only itself. An attempt left "sending" by a worker that died is taken up again after
 * a lease; resending it is safe.
 */
export async function sendScheduledAttempts(adminFor: (shop: string) => Promise<AdminClient>, limit = 200): Promise<number> {
  // The lease is about a worker being alive, so it runs on wall time, like the updatedAt it reads
  // (the business clock may be moved in tests and the demo).
  const leaseExpired = new Date(Date.now() - SENDING_LEASE_MS);
  const attempts = await db().billingAttempt.findMany({
    where: { OR: [{ status: "scheduled" }, { status: "sending", updatedAt: { lt: leaseExpired } }] },
    orderBy: { cycleDate: "asc" },
    take: limit,
    include: { contract: { select: { shopifyId: true } } },
  });
  const byShop = new Map<string, typeof attempts>();
  for (const attempt of attempts) byShop.set(attempt.shop, [...(byShop.get(attempt.shop) ?? []), attempt]);
  const sent = await Promise.all(
    [...byShop].map(async ([shop, list]) => {
      const admin = await adminFor(shop);
      let count = 0;
      for (const attempt of list) if (await sendOne(admin, attempt)) count += 1;
      return count;
    }),
  );
  return sent.reduce((sum, n) => sum + n, 0);
}

/** subscription_billing_attempts/success|failure: the outcome of a charge Orchard asked for. */
export async function recordBillingOutcome(
  shop: string,
  outcome: { idempotencyKey: string; orderId: string | null; errorCode: string | null },
): Promise<void> {
  await db().billingAttempt.updateMany({
    where: { shop, idempotencyKey: outcome.idempotencyKey },
    data: outcome.errorCode ? { status: "failed", errorCode: outcome.errorCode } : { status: "succeeded", orderId: outcome.orderId },
  });
}
