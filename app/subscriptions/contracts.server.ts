import { db } from "../db.server";
import { minorUnits } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { findShop } from "../shops/shops.server";
import { cycleDate, type BillingPolicy } from "./billing-schedule";
import { ContractDetail } from "./contract.queries";
import type { ContractStatus } from "./contract-status";

/**
 * Subscription contracts mirrored from Shopify. A webhook only says which contract changed; the
 * contract itself is read from the Admin API, so a duplicate or late delivery reads the same truth,
 * and Shopify's revisionId keeps an older read from overwriting a newer one.
 */
export type SyncResult = "stored" | "stale" | "missing";

export async function syncContract(admin: AdminClient, contractId: string): Promise<SyncResult> {
  const { subscriptionContract: contract } = await admin.request(ContractDetail, { id: contractId });
  if (!contract) return "missing";
  const timeZone = (await findShop(admin.shop))?.ianaTimezone ?? "UTC";
  const anchor = contract.billingPolicy.anchors.find((a) => a.type === "WEEKDAY" || a.type === "MONTHDAY");
  const policy: BillingPolicy = {
    interval: contract.billingPolicy.interval,
    intervalCount: contract.billingPolicy.intervalCount,
    anchor: anchor ? { type: anchor.type as "WEEKDAY" | "MONTHDAY", day: anchor.day } : null,
  };
  const firstBillingAt = new Date(contract.originOrder?.createdAt ?? contract.createdAt);
  const fields = {
    customerId: contract.customer?.id ?? null,
    customerEmail: contract.customer?.email ?? null,
    status: contract.status,
    currencyCode: contract.currencyCode,
    billingInterval: policy.interval,
    billingIntervalCount: policy.intervalCount,
    deliveryInterval: contract.deliveryPolicy.interval,
    deliveryIntervalCount: contract.deliveryPolicy.intervalCount,
    anchorType: policy.anchor?.type ?? null,
    anchorDay: policy.anchor?.day ?? null,
    minCycles: contract.billingPolicy.minCycles ?? null,
    maxCycles: contract.billingPolicy.maxCycles ?? null,
    firstBillingAt,
    revisionId: String(contract.revisionId),
  };
  const lines = contract.lines.nodes.map((line) => ({
    shopifyId: line.id,
    productId: line.productId ?? null,
    variantId: line.variantId ?? null,
    title: line.title,
    variantTitle: line.variantTitle ?? null,
    quantity: line.quantity,
    unitPriceMinor: minorUnits(line.currentPrice.amount, line.currentPrice.currencyCode),
    sellingPlanId: line.sellingPlanId ?? null,
    sellingPlanName: line.sellingPlanName ?? null,
  }));

  return db().$transaction(async (tx) => {
    const key = { shop_shopifyId: { shop: admin.shop, shopifyId: contract.id } };
    const existing = await tx.subscriptionContract.findUnique({ where: key, select: { id: true, revisionId: true } });
    if (existing && BigInt(existing.revisionId) > BigInt(fields.revisionId)) return "stale";
    // The next cycle is the one after the last cycle Orchard scheduled, whatever the time: a sync
    // never moves billing back onto a cycle already charged, nor skips one silently (cycles that fell
    // due meanwhile are the scheduler's to handle, which charges only the latest).
    const last = existing
      ? (await tx.billingAttempt.aggregate({ where: { contractId: existing.id }, _max: { cycle: true } }))._max.cycle
      : null;
    const nextBillingAt = contract.status === "ACTIVE" ? cycleDate(firstBillingAt, policy, timeZone, (last ?? 0) + 1) : null;
    const stored = await tx.subscriptionContract.upsert({
      where: key,
      create: { shop: admin.shop, shopifyId: contract.id, ...fields, nextBillingAt },
      update: { ...fields, nextBillingAt },
    });
    await tx.subscriptionLine.deleteMany({ where: { contractId: stored.id } });
    await tx.subscriptionLine.createMany({ data: lines.map((line) => ({ ...line, contractId: stored.id })) });
    return "stored";
  });
}

export async function findContract(shop: string, shopifyId: string) {
  return db().subscriptionContract.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, include: { lines: true } });
}

/** The subscriptions list: one page of contracts, newest first, and how many there are per status. */
export async function listContracts(shop: string, status: ContractStatus | null) {
  const [contracts, counts] = await Promise.all([
    db().subscriptionContract.findMany({
      where: { shop, ...(status ? { status } : {}) },
      orderBy: { createdAt: "desc" },
      take: 100,
      include: { lines: { select: { title: true, sellingPlanName: true } } },
    }),
    db().subscriptionContract.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
  ]);
  return { contracts, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>> };
}

/** One contract of the shop with its billing history; null for another shop's id. */
export async function contractDetail(shop: string, id: string) {
  return db().subscriptionContract.findFirst({
    where: { shop, id },
    include: { lines: true, billingAttempts: { orderBy: { cycle: "desc" }, take: 24 } },
  });
}
