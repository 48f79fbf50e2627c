import { clock } from "../clock";
import { db } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { pastOrderForReminders } from "./past-buyers";
import { PastBuyerOrders } from "./reminders.queries";
import { scheduleFromOrders } from "./reminders.server";
import { collectionsFromShopify } from "./sending.server";

/**
 * The customers who bought a new rule's product before the rule existed: the merchant asks for
 * them when creating the rule, and a worker reads Shopify's orders since pastBuyersSince a page at
 * a time, planning each page as orders/paid plans one order (consent, opt-outs and subscriptions
 * respected), except that what has run out already is left alone. The cursor is kept after each
 * page, so an import taken up again after a crash reads on from there; a page read twice plans
 * nothing twice (its lines are known).
 */
const LEASE_MS = 5 * 60_000;
/** Pages one worker round reads of an import before the round's other work has its turn. */
const PAGES_A_ROUND = 20;
/** Failures in a row after which an import stops (its error kept) and the reminders page says so. */
const MAX_FAILURES = 5;

/** Works the imports no live worker holds; returns how many pages it read. */
export async function importPastBuyers(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const now = clock().now();
  const waiting = await db().pastBuyerImport.findMany({
    where: { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take: 5,
  });
  let pages = 0;
  for (const job of waiting) {
    const claimed = await db().pastBuyerImport.updateMany({
      where: { id: job.id, status: "running", leaseUntil: job.leaseUntil },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 1) pages += await readPages(job, adminFor);
  }
  return pages;
}

type Import = { id: string; shop: string; ruleId: string; since: Date; cursor: string | null; failures: number };

async function readPages(job: Import, adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  let pages = 0;
  let cursor = job.cursor;
  try {
    const admin = await adminFor(job.shop);
    const collectionsOf = collectionsFromShopify(admin);
    // Dates in Shopify's search syntax are quoted.
    const query = `processed_at:>='${job.since.toISOString()}'`;
    for (let done = false; !done && pages < PAGES_A_ROUND; pages += 1) {
      const { orders } = await admin.request(PastBuyerOrders, { query, after: cursor });
      const planned = await scheduleFromOrders(
        job.shop,
        orders.nodes.flatMap((order) => pastOrderForReminders(order) ?? []),
        collectionsOf,
        { ruleId: job.ruleId, notDueBefore: clock().now() },
      );
      cursor = orders.pageInfo.endCursor ?? cursor;
      done = !orders.pageInfo.hasNextPage;
      await db().pastBuyerImport.update({
        where: { id: job.id },
        data: {
          cursor,
          failures: 0,
          ordersRead: { increment: orders.nodes.length },
          scheduled: { increment: planned.scheduled },
          skipped: { increment: planned.skipped },
          ...(done ? { status: "done", finishedAt: clock().now() } : {}),
        },
      });
    }
    await db().pastBuyerImport.update({ where: { id: job.id }, data: { leaseUntil: null } });
  } catch (error) {
    shopLog(job.shop).warn({ ...errorFields(error), importId: job.id }, "past buyers import failed a page");
    const failures = job.failures + 1;
    await db().pastBuyerImport.update({
      where: { id: job.id },
      data: {
        failures,
        leaseUntil: null,
        ...(failures >= MAX_FAILURES ? { status: "failed", finishedAt: clock().now(), error: (error as Error).message.slice(0, 500) } : {}),
      },
    });
  }
  return pages;
}
