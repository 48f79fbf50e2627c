import { db, type Transaction } from "../db.server";
import type { EventSubscribers } from "../events/event-outbox.server";
import {
  cohortCellKey,
  changeContribution,
  cohortCellOf,
  mrrFigures,
  type CohortCellKey,
  type CohortCellMoves,
  type MonthKey,
  type MonthMoves,
  type MrrChange,
  type MrrFigures,
} from "./movements";
import { PAUSED_SUBSCRIBER_RULES, type PausedSubscribers } from "../subscriptions/settings-form";
import { ledgerMonthChanges, repeatBuyer, type LedgerRow, type OrderAmounts } from "./revenue-mix";

/**
 * The retention dashboard's stored figures: sums per month and per cohort cell, and each one-off
 * buyer's first purchase and return, kept current as each change of MRR is delivered (the
 * subscription.mrrChanged event) and in the transaction of each ledger write, so the page reads a
 * few dozen rows whatever the size of the shop's history.
 * A write takes the shop's RetentionFigures row first: one shop's figures change one write at a
 * time, which is what makes read-then-add safe. The sums come from the same pure functions as a
 * replay of the whole history (movements.ts, revenue-mix.ts), and `rebuildFigures` is that replay.
 */

export interface MrrChangeRecord extends MrrChange {
  shop: string;
  currencyCode: string;
}

type FiguresRow = { timeZone: string; currencyCode: string; pausedSubscribers: PausedSubscribers };

/**
 * The definitions the stored sums follow; raised when a definition changes (2: each customer lost or
 * joined once a month, docs/metrics.md), so the figures are summed again from the history.
 */
export const FIGURE_DEFINITIONS = 2;

/** A stored sum as a number: 64-bit in the database, exact in a double up to 2^53 minor units. */
const exact = (value: bigint | number) => Number(value);

const CHANGE_FIELDS = { contractId: true, customerId: true, at: true, mrrMinor: true, paused: true, currencyCode: true } as const;
/** Rows per read while replaying a whole history, and per insert while writing it back. */
const PAGE = 20_000;
const INSERT_CHUNK = 1_000;

/**
 * The zone and currency the shop's figures are kept in, and how they count paused subscribers: the
 * shop's, or what an unknown shop defaults to.
 */
async function shopBasis(client: Transaction, shop: string): Promise<FiguresRow> {
  const [record, settings] = await Promise.all([
    client.shop.findUnique({ where: { domain: shop }, select: { ianaTimezone: true, currencyCode: true } }),
    client.shopSettings.findUnique({ where: { shop }, select: { pausedSubscribers: true } }),
  ]);
  return {
    timeZone: record?.ianaTimezone ?? "UTC",
    currencyCode: record?.currencyCode ?? "USD",
    pausedSubscribers: PAUSED_SUBSCRIBER_RULES.find((rule) => rule === settings?.pausedSubscribers) ?? "churned",
  };
}

/** Takes the shop's figures for the rest of the transaction, creating them in the shop's zone and currency. */
async function lockFigures(tx: Transaction, shop: string): Promise<FiguresRow> {
  const basis = await shopBasis(tx, shop);
  await tx.$executeRaw`INSERT INTO "RetentionFigures" ("shop", "timeZone", "currencyCode", "definitions", "pausedSubscribers") VALUES (${shop}, ${basis.timeZone}, ${basis.currencyCode}, ${FIGURE_DEFINITIONS}, ${basis.pausedSubscribers}) ON CONFLICT ("shop") DO NOTHING`;
  const figures = await tx.retentionFigures.update({ where: { shop }, data: { version: { increment: 1 } } });
  return { ...figures, pausedSubscribers: figures.pausedSubscribers as PausedSubscribers };
}

/**
 * What the figures hear of: each change of a contract's MRR, into the history and the sums. A
 * contract without a customer counts as a customer of its own.
 */
export const FIGURES_SUBSCRIBERS: EventSubscribers = {
  "subscription.mrrChanged": [
    (tx, { shop, customerId, payload }) =>
      recordMrrChange(tx, {
        shop,
        contractId: payload.contractId,
        customerId: customerId ?? payload.contractId,
        at: new Date(payload.at),
        mrrMinor: payload.mrrMinor,
        paused: payload.paused ?? false,
        currencyCode: payload.currencyCode,
      }),
  ],
};

/**
 * Writes down a change of a contract's MRR and adds what it did to the figures: the customer's
 * share of them is worked out from their changes before and after it (a change that arrives out of
 * time order moves the ones after it as a replay would).
 */
export async function recordMrrChange(tx: Transaction, change: MrrChangeRecord): Promise<void> {
  const basis = await lockFigures(tx, change.shop);
  const history = await tx.mrrChange.findMany({
    where: { shop: change.shop, customerId: change.customerId },
    orderBy: { id: "asc" },
    select: CHANGE_FIELDS,
  });
  await tx.mrrChange.create({ data: change });
  const withChange = [...history, change];
  // The figures are in the shop's currency: a contract in another is counted apart.
  if (change.currencyCode === basis.currencyCode) {
    const inShopCurrency = history.filter((c) => c.currencyCode === basis.currencyCode);
    await addMrrFigures(tx, change.shop, changeContribution(inShopCurrency, change, basis.timeZone, basis.pausedSubscribers));
  }
  const otherCurrency = otherCurrencyContracts(withChange, basis.currencyCode) - otherCurrencyContracts(history, basis.currencyCode);
  if (otherCurrency !== 0) {
    await tx.retentionFigures.update({ where: { shop: change.shop }, data: { otherCurrencyContracts: { increment: otherCurrency } } });
  }
}

function otherCurrencyContracts(changes: { contractId: string; currencyCode: string }[], shopCurrency: string): number {
  return new Set(changes.filter((c) => c.currencyCode !== shopCurrency).map((c) => c.contractId)).size;
}

async function addMrrFigures(tx: Transaction, shop: string, figures: MrrFigures): Promise<void> {
  for (const [month, moves] of figures.months) await addToMonth(tx, shop, month, moves);
  for (const [key, cell] of figures.cohortCells) {
    const { cohort, month } = cohortCellOf(key);
    await tx.retentionCohortCell.upsert({
      where: { shop_cohort_month: { shop, cohort, month } },
      create: { shop, cohort, month, ...cell },
      update: increments(cell),
    });
  }
}

async function addToMonth(tx: Transaction, shop: string, month: MonthKey, sums: Partial<MonthMoves & OrderAmounts>) {
  await tx.retentionMonth.upsert({ where: { shop_month: { shop, month } }, create: { shop, month, ...sums }, update: increments(sums) });
}

function increments<T extends Record<string, number>>(sums: T): { [K in keyof T]: { increment: number } } {
  return Object.fromEntries(Object.entries(sums).map(([field, value]) => [field, { increment: value }])) as {
    [K in keyof T]: { increment: number };
  };
}

export interface LedgerWrite {
  shop: string;
  shopifyId: string;
  customerId: string | null;
  /** Shopify's updated_at of the payload: an older one than the row's changes nothing. */
  shopifyUpdatedAt: Date;
  row: LedgerRow & { cancelled: boolean };
  /** What the order is called and what it came to, when the payload says (the history import's does not). */
  receipt?: { name: string; totalMinor: number | null; currencyCode: string };
}

/**
 * Writes an order's ledger row (new, or replacing an older payload's) and moves the figures by the
 * difference: its month's revenue, and whether its customer came back after a one-off purchase.
 * A payload older than the one recorded changes nothing.
 */
export async function recordLedgerRow(write: LedgerWrite): Promise<void> {
  const { shop, shopifyId, customerId, shopifyUpdatedAt, row, receipt } = write;
  await db().$transaction(async (tx) => {
    const basis = await lockFigures(tx, shop);
    const key = { shop_shopifyId: { shop, shopifyId } };
    const before = await tx.order.findUnique({ where: key });
    if (before && before.shopifyUpdatedAt > shopifyUpdatedAt) return;
    const data = { customerId, shopifyUpdatedAt, ...row, ...receipt };
    if (before) await tx.order.update({ where: key, data });
    else await tx.order.create({ data: { shop, shopifyId, ...data } });
    for (const [month, sums] of ledgerMonthChanges(before, row, basis.timeZone)) await addToMonth(tx, shop, month, sums);
    if (customerId) await refreshRepeatBuyer(tx, shop, customerId);
  });
}

async function refreshRepeatBuyer(tx: Transaction, shop: string, customerId: string): Promise<void> {
  const orders = await tx.order.findMany({
    where: { shop, customerId, cancelled: false },
    select: { processedAt: true, oneOffMinor: true },
  });
  const buyer = repeatBuyer(orders.map((order) => ({ at: order.processedAt, oneOffMinor: order.oneOffMinor })));
  if (!buyer) await tx.repeatBuyer.deleteMany({ where: { shop, customerId } });
  else
    await tx.repeatBuyer.upsert({
      where: { shop_customerId: { shop, customerId } },
      create: { shop, customerId, ...buyer },
      update: buyer,
    });
}

/**
 * The figures as the dashboard reads them: every month's sums and every cohort's cells, a few
 * hundred rows for years of history. Figures cut in another time zone or currency
 * than the shop's now, or never kept (a history from before Orchard kept them), are rebuilt first.
 */
export async function readFigures(shop: string) {
  const [row, basis] = await Promise.all([db().retentionFigures.findUnique({ where: { shop } }), shopBasis(db(), shop)]);
  const current =
    row &&
    row.timeZone === basis.timeZone &&
    row.currencyCode === basis.currencyCode &&
    row.pausedSubscribers === basis.pausedSubscribers &&
    row.definitions === FIGURE_DEFINITIONS;
  if (!current && (row || (await hasHistory(shop)))) await rebuildFigures(shop);
  const [figures, months, cells] = await Promise.all([
    db().retentionFigures.findUnique({ where: { shop } }),
    db().retentionMonth.findMany({ where: { shop } }),
    db().retentionCohortCell.findMany({ where: { shop } }),
  ]);
  return {
    ...basis,
    otherCurrencyContracts: figures?.otherCurrencyContracts ?? 0,
    months: new Map(
      months.map(({ shop: _, month, ...sums }) => [
        month as MonthKey,
        Object.fromEntries(Object.entries(sums).map(([field, value]) => [field, exact(value)])) as { [F in keyof typeof sums]: number },
      ]),
    ),
    cohortCells: new Map<CohortCellKey, CohortCellMoves>(
      cells.map((cell) => [
        cohortCellKey(cell.cohort as MonthKey, cell.month as MonthKey),
        { activeCustomers: cell.activeCustomers, mrr: exact(cell.mrr) },
      ]),
    ),
  };
}

async function hasHistory(shop: string): Promise<boolean> {
  const [change, order] = await Promise.all([
    db().mrrChange.findFirst({ where: { shop }, select: { id: true } }),
    db().order.findFirst({ where: { shop }, select: { id: true } }),
  ]);
  return Boolean(change ?? order);
}

/**
 * Replays the shop's whole history into its figures, in the shop's zone and currency, holding the
 * shop's figures the while (writes of its MRR changes and orders wait). For a shop whose time zone
 * or currency changed, and for a history recorded before the figures were kept.
 */
export async function rebuildFigures(shop: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await lockFigures(tx, shop);
      const basis = await shopBasis(tx, shop);
      await Promise.all([
        tx.retentionMonth.deleteMany({ where: { shop } }),
        tx.retentionCohortCell.deleteMany({ where: { shop } }),
        tx.repeatBuyer.deleteMany({ where: { shop } }),
      ]);
      const changes = await readAll((cursor) =>
        tx.mrrChange.findMany({
          where: { shop, id: { gt: cursor } },
          orderBy: { id: "asc" },
          take: PAGE,
          select: { id: true, ...CHANGE_FIELDS },
        }),
      );
      const mrr = mrrFigures(
        changes.filter((c) => c.currencyCode === basis.currencyCode),
        basis.timeZone,
        basis.pausedSubscribers,
      );
      const months = new Map<MonthKey, Partial<MonthMoves & OrderAmounts>>(mrr.months);
      const ordersOf = new Map<string, { at: Date; oneOffMinor: number }[]>();
      const orders = await readAll((cursor) =>
        tx.order.findMany({
          where: { shop, id: { gt: cursor } },
          orderBy: { id: "asc" },
          take: PAGE,
          select: {
            id: true,
            customerId: true,
            processedAt: true,
            cancelled: true,
            recurringMinor: true,
            oneOffMinor: true,
            protectionMinor: true,
            eligibleUnits: true,
            protectedUnits: true,
          },
        }),
      );
      for (const order of orders) {
        for (const [month, sums] of ledgerMonthChanges(null, order, basis.timeZone)) {
          const total = { ...months.get(month) };
          for (const [field, value] of Object.entries(sums) as [keyof OrderAmounts, number][]) total[field] = (total[field] ?? 0) + value;
          months.set(month, total);
        }
        if (order.customerId && !order.cancelled) {
          const list = ordersOf.get(order.customerId) ?? [];
          list.push({ at: order.processedAt, oneOffMinor: order.oneOffMinor });
          ordersOf.set(order.customerId, list);
        }
      }
      const buyers = [...ordersOf].flatMap(([customerId, customerOrders]) => {
        const buyer = repeatBuyer(customerOrders);
        return buyer ? [{ shop, customerId, ...buyer }] : [];
      });
      await insertInChunks(
        [...months].map(([month, sums]) => ({ shop, month, ...sums })),
        (data) => tx.retentionMonth.createMany({ data }),
      );
      await insertInChunks(
        [...mrr.cohortCells].map(([key, cell]) => ({ shop, ...cohortCellOf(key), ...cell })),
        (data) => tx.retentionCohortCell.createMany({ data }),
      );
      await insertInChunks(buyers, (data) => tx.repeatBuyer.createMany({ data }));
      await tx.retentionFigures.update({
        where: { shop },
        data: { ...basis, definitions: FIGURE_DEFINITIONS, otherCurrencyContracts: otherCurrencyContracts(changes, basis.currencyCode) },
      });
    },
    { maxWait: 10_000, timeout: 15 * 60_000 },
  );
}

async function readAll<T extends { id: number }>(page: (cursor: number) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let cursor = 0; ; ) {
    const next = await page(cursor);
    rows.push(...next);
    if (next.length < PAGE) return rows;
    cursor = next[next.length - 1]!.id;
  }
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
}
