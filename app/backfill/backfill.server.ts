import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import type { Prisma } from "@orchard-db/sqlite";
import { clock } from "../clock";
import { db } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import { productFactsFromShopify, recordOrder } from "../retention/order-ledger.server";
import { orderLinesOf, RepeatPurchases } from "../onboarding/repeat-products";
import { protectionCatalogOf } from "../protection/offers.server";
import type { AdminClient } from "../shopify/admin-client";
import { syncContract } from "../subscriptions/contracts.server";
import { BACKFILL_HISTORY, BackfillOperation, BackfillOrdersCount, BackfillStart } from "./backfill.queries";
import { BackwardHistoryReader } from "./bulk-history";
import { linesBackwards } from "./lines-backwards.server";

/**
 * The import of a shop's history, so the retention dashboard has its past from the first day:
 * Shopify runs BACKFILL_HISTORY as a bulk operation in the background and sends
 * bulk_operations/finish; Orchard then downloads the result and puts every order through the
 * ledger and every contract through the mirror, the same paths as their webhooks, so importing
 * twice, or an order that also arrives by webhook, changes nothing.
 */

/** A bulk operation not finished after this long (its webhook lost) no longer blocks a new import. */
const ABANDONED_AFTER_MS = 24 * 3600_000;
/** Progress is written down, and the import's lease renewed, every this many orders and contracts. */
const PROGRESS_EVERY = 200;
/** An import whose lease was not renewed for this long was stopped by a process that died. */
const LEASE_MS = 10 * 60_000;

export type BackfillRow = Awaited<ReturnType<typeof latestBackfill>>;

export function latestBackfill(shop: string) {
  return db().backfill.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
}

/** Starts an import unless one is under way; returns the one that runs. */
export async function startBackfill(admin: AdminClient) {
  const since = new Date(clock().now().getTime() - ABANDONED_AFTER_MS);
  // An import under way is one Shopify is still running, or one Orchard is importing (taken up
  // again by the worker if its process died).
  const underWay = await db().backfill.findFirst({
    where: { shop: admin.shop, OR: [{ status: "running", startedAt: { gte: since } }, { status: "importing" }] },
  });
  if (underWay) return underWay;
  const { ordersCount } = await admin.request(BackfillOrdersCount);
  const { bulkOperationRunQuery } = await admin.request(BackfillStart, { query: BACKFILL_HISTORY });
  return db().backfill.create({
    data: {
      shop: admin.shop,
      operationId: bulkOperationRunQuery!.bulkOperation!.id,
      status: "running",
      expectedOrders: ordersCount?.count ?? 0,
      startedAt: clock().now(),
    },
  });
}

/**
 * On install: the first import of the shop's history (a re-install keeps what was imported). An
 * import that cannot start must not stop the install: the dashboard offers to start it.
 */
export async function startFirstBackfill(admin: AdminClient): Promise<void> {
  if (await latestBackfill(admin.shop)) return;
  await startBackfill(admin).catch((error: unknown) => shopLog(admin.shop).error(errorFields(error), "history import did not start"));
}

/**
 * bulk_operations/finish: imports the result of the shop's backfill, once (a repeated delivery
 * finds it claimed). An operation Orchard did not start as a backfill is none of its business.
 */
export async function finishBackfill(admin: AdminClient, operationId: string): Promise<void> {
  const backfill = await db().backfill.findFirst({ where: { shop: admin.shop, operationId } });
  if (!backfill) return;
  const lease = clock().now();
  const claimed = await db().backfill.updateMany({
    where: { id: backfill.id, status: "running" },
    data: { status: "importing", heartbeatAt: lease },
  });
  if (claimed.count === 0) return;
  await importHistory(admin, backfill.id, operationId, lease);
}

/**
 * The worker takes up imports whose process died (their lease ran out): from the start of Shopify's
 * file, which every order and contract goes through idempotently, so nothing is counted twice.
 */
export async function resumeStalledBackfills(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const stalled = await db().backfill.findMany({
    where: { status: "importing", heartbeatAt: { lt: new Date(clock().now().getTime() - LEASE_MS) } },
    take: 5,
  });
  let resumed = 0;
  for (const backfill of stalled) {
    const lease = clock().now();
    const claimed = await db().backfill.updateMany({
      where: { id: backfill.id, status: "importing", heartbeatAt: backfill.heartbeatAt },
      data: { heartbeatAt: lease },
    });
    if (claimed.count === 0) continue;
    shopLog(backfill.shop).warn({ backfill: backfill.id, importedOrders: backfill.importedOrders }, "history import taken up again");
    await importHistory(await adminFor(backfill.shop), backfill.id, backfill.operationId, lease);
    resumed += 1;
  }
  return resumed;
}

/** Another process took the import over (this one was too slow to renew its lease): it stops. */
class LeaseLost extends Error {}

async function importHistory(admin: AdminClient, backfillId: string, operationId: string, lease: Date): Promise<void> {
  let held = lease;
  const renew = async (data: { importedOrders?: number; importedContracts?: number }) => {
    const next = clock().now();
    const renewed = await db().backfill.updateMany({ where: { id: backfillId, heartbeatAt: held }, data: { ...data, heartbeatAt: next } });
    if (renewed.count === 0) throw new LeaseLost();
    held = next;
  };
  const end = (data: Prisma.BackfillUpdateManyMutationInput) =>
    db().backfill.updateMany({ where: { id: backfillId, heartbeatAt: held }, data: { ...data, finishedAt: clock().now() } });
  let file: string | null = null;
  try {
    const { node } = await admin.request(BackfillOperation, { id: operationId });
    const operation = node && "status" in node ? node : null;
    if (operation?.status !== "COMPLETED") {
      await end({
        status: "failed",
        error: `Shopify's bulk operation ended ${operation?.status ?? "missing"}${operation?.errorCode ? ` (${operation.errorCode})` : ""}`,
      });
      return;
    }
    // No file: the shop has neither orders nor contracts.
    file = operation.url ? await downloadToFile(operation.url) : null;
    const reader = new BackwardHistoryReader();
    const ranking = new RepeatPurchases();
    const protection = await protectionCatalogOf(admin.shop);
    const facts = productFactsFromShopify(admin);
    let orders = 0;
    let contracts = 0;
    let unreadable = 0;
    for await (const line of file ? linesBackwards(file) : []) {
      const item = reader.read(line);
      if (!item) continue;
      if ("unreadable" in item) {
        unreadable += item.unreadable;
        continue;
      }
      if ("contractId" in item) {
        await syncContract(admin, item.contractId);
        contracts += 1;
      } else {
        await recordOrder(admin.shop, item.order, protection, facts);
        ranking.add(orderLinesOf(item.order));
        orders += 1;
      }
      if ((orders + contracts) % PROGRESS_EVERY === 0) await renew({ importedOrders: orders, importedContracts: contracts });
    }
    unreadable += reader.orphanLines;
    await end({
      status: "completed",
      importedOrders: orders,
      importedContracts: contracts,
      repeatProducts: JSON.stringify(ranking.best()),
      error: unreadable ? `${unreadable} lines of Shopify's file could not be read` : null,
    });
  } catch (error) {
    if (error instanceof LeaseLost) return;
    // The merchant sees why and can start again; a redelivery would find the import claimed.
    await end({ status: "failed", error: error instanceof Error ? error.message : String(error) });
  } finally {
    if (file) await rm(dirname(file), { recursive: true, force: true });
  }
}

/** Shopify's file, streamed to a temporary file of its own: it can be larger than memory. */
async function downloadToFile(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`the bulk operation's file could not be downloaded (HTTP ${response.status})`);
  const path = join(await mkdtemp(join(tmpdir(), "orchard-history-")), "history.jsonl");
  await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(path));
  return path;
}

/**
 * Where the import stands, for the dashboard: while Shopify reads, the share of the shop's orders
 * its operation has got through; while Orchard imports, the share recorded.
 */
export async function backfillProgress(admin: AdminClient) {
  const backfill = await latestBackfill(admin.shop);
  if (!backfill) return null;
  let done = backfill.importedOrders;
  if (backfill.status === "running") {
    const { node } = await admin.request(BackfillOperation, { id: backfill.operationId });
    done = node && "rootObjectCount" in node ? Number(node.rootObjectCount) : 0;
  }
  const share = backfill.expectedOrders > 0 ? Math.min(1, done / backfill.expectedOrders) : 0;
  return {
    status: backfill.status as "running" | "importing" | "completed" | "failed",
    percent: Math.round(share * 100),
    importedOrders: backfill.importedOrders,
    importedContracts: backfill.importedContracts,
    error: backfill.error,
    finishedAt: backfill.finishedAt?.toISOString() ?? null,
  };
}
