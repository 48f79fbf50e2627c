import { monthOf, monthsBetween, type MonthKey } from "./movements";

/**
 * The balance Orchard exists to shift (docs/metrics.md): revenue from subscriptions against
 * revenue from one-off sales, month by month, and how many one-off buyers came back. Pure.
 */

/** What a paid order adds to its month: the ledger's amounts (app/retention/order-ledger.ts). */
export interface OrderAmounts {
  recurringMinor: number;
  oneOffMinor: number;
  protectionMinor: number;
  eligibleUnits: number;
  protectedUnits: number;
}

export interface LedgerRow extends OrderAmounts {
  processedAt: Date;
}

export interface MonthRevenue {
  month: MonthKey;
  recurring: number;
  oneOff: number;
}

const AMOUNT_FIELDS = ["recurringMinor", "oneOffMinor", "protectionMinor", "eligibleUnits", "protectedUnits"] as const;

/**
 * What replacing a ledger row (`before`, null for a new order) by `after` does to each month's
 * sums: a refund or cancellation takes its amounts off the order's month.
 */
export function ledgerMonthChanges(before: LedgerRow | null, after: LedgerRow, timeZone: string): Map<MonthKey, OrderAmounts> {
  const changes = new Map<MonthKey, OrderAmounts>();
  const add = (row: LedgerRow, sign: 1 | -1) => {
    const month = monthOf(row.processedAt, timeZone);
    const sums = changes.get(month) ?? { recurringMinor: 0, oneOffMinor: 0, protectionMinor: 0, eligibleUnits: 0, protectedUnits: 0 };
    for (const field of AMOUNT_FIELDS) sums[field] += sign * row[field];
    changes.set(month, sums);
  };
  if (before) add(before, -1);
  add(after, 1);
  for (const [month, sums] of changes) if (AMOUNT_FIELDS.every((field) => sums[field] === 0)) changes.delete(month);
  return changes;
}

export function revenueByMonth(
  months: ReadonlyMap<MonthKey, Pick<OrderAmounts, "recurringMinor" | "oneOffMinor">>,
  first: MonthKey,
  last: MonthKey,
): MonthRevenue[] {
  return monthsBetween(first, last).map((month) => ({
    month,
    recurring: months.get(month)?.recurringMinor ?? 0,
    oneOff: months.get(month)?.oneOffMinor ?? 0,
  }));
}

/**
 * A customer's first one-off purchase and their next order of any kind after it (a subscription's
 * included), from their paid orders: the repeat purchase rate of a period is the share of the
 * customers whose first one-off purchase falls in it who came back before it ended. Null for a
 * customer who never bought one-off.
 */
export function repeatBuyer(orders: { at: Date; oneOffMinor: number }[]): { firstOneOffAt: Date; returnedAt: Date | null } | null {
  const ordered = [...orders].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstOneOff = ordered.find((order) => order.oneOffMinor > 0);
  if (!firstOneOff) return null;
  const next = ordered.find((order) => order.at > firstOneOff.at);
  return { firstOneOffAt: firstOneOff.at, returnedAt: next?.at ?? null };
}
