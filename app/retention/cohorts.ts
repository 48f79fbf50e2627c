import {
  cohortCellKey,
  monthsBetween,
  mrrFigures,
  NO_MOVES,
  type CohortCellKey,
  type CohortCellMoves,
  type MonthKey,
  type MonthMoves,
  type MrrChange,
} from "./movements";

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

/**
 * The cohorts of the months from `first` to `last`, from each month's sums: a cohort's customers
 * are its month's new customers, and each of its cells adds that month's change to the one before.
 */
export function cohortsFrom(
  months: ReadonlyMap<MonthKey, MonthMoves>,
  cells: ReadonlyMap<CohortCellKey, CohortCellMoves>,
  first: MonthKey,
  last: MonthKey,
): CohortRow[] {
  return monthsBetween(first, last).flatMap((cohort) => {
    const { newCustomers, newMrr } = months.get(cohort) ?? NO_MOVES;
    if (newCustomers === 0) return [];
    const state = { activeCustomers: 0, mrr: 0 };
    const retained = monthsBetween(cohort, last).map((month) => {
      const change = cells.get(cohortCellKey(cohort, month));
      state.activeCustomers += change?.activeCustomers ?? 0;
      state.mrr += change?.mrr ?? 0;
      return { ...state };
    });
    return [{ cohort, customers: newCustomers, startMrr: newMrr, months: retained }];
  });
}

/** The cohorts of the months from `first` to `last`, from the whole history of changes. */
export function cohortRetention(changes: MrrChange[], timeZone: string, first: MonthKey, last: MonthKey): CohortRow[] {
  const figures = mrrFigures(changes, timeZone);
  return cohortsFrom(figures.months, figures.cohortCells, first, last);
}
