import { clock } from "../clock";
import { db } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import { productFactsFromShopify, recordOrder } from "../orders/ledger.server";
import { orderLinesOf, repeatPurchaseProducts } from "../onboarding/repeat-products";
import { protectionCatalogOf } from "../protection/offers.server";
import type { AdminClient } from "../shopify/admin-client";
import { syncContract } from "../subscriptions/contracts.server";
import { BACKFILL_HISTORY, BackfillOperation, BackfillOrdersCount, BackfillStart } from "./backfill.queries";
import { readBulkHistory } from "./bulk-history";

/**
 * The import of a shop's history, so the retention dashboard has its past from the first day:
 * Shopify runs BACKFILL_HISTORY as a bulk operation in the background and sends
 * bulk_operations/finish; Orchard then downloads the result and puts every order through the
 * ledger and every contract through the mirror, the same paths as their webhooks, so importing
 * twice, or an order that also arrives by webhook, changes nothing.
 */

/** A backfill not heard of for this long (a process that died while importing) no longer blocks a new one. */
const ABANDONED_AFTER_MS = 24 * 3600_000;
/** Progress is written down every this many orders. */
const PROGRESS_EVERY = 200;

export type BackfillRow = Awaited<ReturnType<typeof latestBackfill>>;

export function latestBackfill(shop: string) {
  return db().backfill.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
}

/** Starts an import unless one is under way; returns the one that runs. */
export async function startBackfill(admin: AdminClient) {
  const since = new Date(clock().now().getTime() - ABANDONED_AFTER_MS);
  const underWay = await db().backfill.findFirst({
    where: { shop: admin.shop, status: { in: ["running", "importing"] }, startedAt: { gte: since } },
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
  const claimed = await db().backfill.updateMany({ where: { id: backfill.id, status: "running" }, data: { status: "importing" } });
  if (claimed.count === 0) return;
  const fail = (error: string) =>
    db().backfill.update({ where: { id: backfill.id }, data: { status: "failed", error, finishedAt: clock().now() } });
  try {
    const { node } = await admin.request(BackfillOperation, { id: operationId });
    const operation = node && "status" in node ? node : null;
    if (operation?.status !== "COMPLETED") {
      await fail(
        `Shopify's bulk operation ended ${operation?.status ?? "missing"}${operation?.errorCode ? ` (${operation.errorCode})` : ""}`,
      );
      return;
    }
    // No file: the shop has neither orders nor contracts.
    const text = operation.url ? await download(operation.url) : "";
    const history = readBulkHistory(text.split("\n"));
    const protection = await protectionCatalogOf(admin.shop);
    const facts = productFactsFromShopify(admin);
    for (const [index, order] of history.orders.entries()) {
      await recordOrder(admin.shop, order, protection, facts);
      if ((index + 1) % PROGRESS_EVERY === 0) {
        await db().backfill.update({ where: { id: backfill.id }, data: { importedOrders: index + 1 } });
      }
    }
    for (const contractId of history.contractIds) await syncContract(admin, contractId);
    await db().backfill.update({
      where: { id: backfill.id },
      data: {
        status: "completed",
        importedOrders: history.orders.length,
        importedContracts: history.contractIds.length,
        repeatProducts: JSON.stringify(repeatPurchaseProducts(history.orders.map(orderLinesOf))),
        error: history.unreadable ? `${history.unreadable} lines of Shopify's file could not be read` : null,
        finishedAt: clock().now(),
      },
    });
  } catch (error) {
    // The merchant sees why and can start again; a redelivery would find the import claimed.
    await fail(error instanceof Error ? error.message : String(error));
  }
}

async function download(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the bulk operation's file could not be downloaded (HTTP ${response.status})`);
  return response.text();
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
