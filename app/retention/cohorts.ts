import { monthOf, monthsBetween, type MonthKey, type MrrChange } from "./movements";

/**
 * Cohort retention (docs/metrics.md): customers grouped by the month they first subscribed; for
 * each month since, how many of them still pay and the MRR they bring, at the month's end, against
 * the MRR they started with. Pure.
 */
export interface CohortRow {
  cohort: MonthKey;
  customers: number;
  /** The sum of each customer's MRR when they first subscribed. */
  startMrr: number;
  /** Index k is k months after the cohort's month, up to the last month of the range. */
  months: { activeCustomers: number; mrr: number }[];
}

export function cohortRetention(changes: MrrChange[], timeZone: string, first: MonthKey, last: MonthKey): CohortRow[] {
  const ordered = changes
    .map((change, order) => ({ change, month: monthOf(change.at, timeZone), order }))
    .sort((a, b) => a.change.at.getTime() - b.change.at.getTime() || a.order - b.order);
  const range = monthsBetween(first, last);
  const contractMrr = new Map<string, number>();
  const customerMrr = new Map<string, number>();
  const cohortOf = new Map<string, MonthKey>();
  const rows = new Map<MonthKey, CohortRow>();

  const closeMonth = (month: MonthKey) => {
    for (const [customer, cohort] of cohortOf) {
      const row = rows.get(cohort);
      if (!row) continue;
      const index = range.indexOf(month) - range.indexOf(cohort);
      row.months[index] ??= { activeCustomers: 0, mrr: 0 };
      const mrr = customerMrr.get(customer) ?? 0;
      if (mrr > 0) {
        row.months[index]!.activeCustomers += 1;
        row.months[index]!.mrr += mrr;
      }
    }
  };

  let open = 0;
  for (const { change, month } of ordered) {
    if (month > last) break;
    while (open < range.length && range[open]! < month) closeMonth(range[open++]!);
    const before = customerMrr.get(change.customerId) ?? 0;
    const after = before - (contractMrr.get(change.contractId) ?? 0) + change.mrrMinor;
    contractMrr.set(change.contractId, change.mrrMinor);
    customerMrr.set(change.customerId, after);
    if (before === 0 && after > 0 && !cohortOf.has(change.customerId)) {
      cohortOf.set(change.customerId, month);
      if (month >= first) {
        const row = rows.get(month) ?? { cohort: month, customers: 0, startMrr: 0, months: [] };
        row.customers += 1;
        row.startMrr += after;
        rows.set(month, row);
      }
    }
  }
  while (open < range.length) closeMonth(range[open++]!);
  return [...rows.values()].sort((a, b) => (a.cohort < b.cohort ? -1 : 1));
}
