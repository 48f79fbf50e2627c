import { monthsBetween, replayCustomerMrr, type MonthKey, type MrrChange } from "./movements";

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
  const range = monthsBetween(first, last);
  const cohortOf = new Map<string, MonthKey>();
  const rows = new Map<MonthKey, CohortRow>();
  let customerMrr: ReadonlyMap<string, number> = new Map();

  const closeMonth = (index: number) => {
    for (const [customer, cohort] of cohortOf) {
      const row = rows.get(cohort);
      if (!row) continue;
      const cell = (row.months[index - range.indexOf(cohort)] ??= { activeCustomers: 0, mrr: 0 });
      const mrr = customerMrr.get(customer) ?? 0;
      if (mrr > 0) {
        cell.activeCustomers += 1;
        cell.mrr += mrr;
      }
    }
  };

  let open = 0;
  for (const step of replayCustomerMrr(changes, timeZone, last)) {
    const { change, month, before, after } = step;
    while (open < range.length && range[open]! < month) closeMonth(open++);
    customerMrr = step.customerMrr;
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
  while (open < range.length) closeMonth(open++);
  return [...rows.values()].sort((a, b) => (a.cohort < b.cohort ? -1 : 1));
}
