import type { MessageKey } from "../i18n/i18n";
import type { CohortRow } from "./cohorts";
import type { MonthKey, MonthMovements } from "./movements";
import type { PausedSubscribers } from "../subscriptions/settings-form";
import type { MonthRevenue } from "./revenue-mix";

/**
 * The dashboard's tables, once for the page and the CSV export: the page formats money and
 * months for a person, the export as a spreadsheet reads them. Pure.
 */
export interface TableFormat {
  money(minor: number): string;
  month(key: MonthKey): string;
  share(numerator: number, denominator: number): string;
}

export interface Table {
  headings: { key: MessageKey; values?: Record<string, number> }[];
  rows: (string | number)[][];
}

export const DASHBOARD_TABLES = ["movements", "revenue", "cohorts"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** The months' MRR movements; with the columns of paused and resumed MRR when paused subscribers are kept. */
export function movementsTable(movements: MonthMovements[], format: TableFormat, pausedSubscribers: PausedSubscribers): Table {
  const pauses = pausedSubscribers === "kept";
  return {
    headings: [
      { key: "retention.month" },
      { key: "retention.new" },
      { key: "retention.expansion" },
      { key: "retention.contraction" },
      { key: "retention.churned" },
      { key: "retention.reactivation" },
      ...(pauses ? [{ key: "retention.pausedMrr" as const }, { key: "retention.resumedMrr" as const }] : []),
      { key: "retention.netNew" },
      { key: "retention.mrr" },
    ],
    rows: movements.map((m) => [
      format.month(m.month),
      ...[
        m.newMrr,
        m.expansion,
        m.contraction,
        m.churned,
        m.reactivation,
        ...(pauses ? [m.pausedMrr, m.resumedMrr] : []),
        m.netNew,
        m.endMrr,
      ].map(format.money),
    ]),
  };
}

export function revenueTable(revenue: MonthRevenue[], format: TableFormat): Table {
  return {
    headings: [
      { key: "retention.month" },
      { key: "retention.recurring" },
      { key: "retention.oneOff" },
      { key: "retention.recurringShare" },
    ],
    rows: revenue.map((r) => [
      format.month(r.month),
      format.money(r.recurring),
      format.money(r.oneOff),
      format.share(r.recurring, r.recurring + r.oneOff),
    ]),
  };
}

/** Cohort rows: share still subscribed and MRR retained, `months` columns after the first. */
export function cohortsTable(cohorts: CohortRow[], months: number, format: TableFormat): Table {
  const since = Array.from({ length: months }, (_, k) => k);
  return {
    headings: [
      { key: "retention.cohort" },
      { key: "retention.customers" },
      ...since.map((k) => ({ key: "retention.monthsSince" as const, values: { months: k } })),
    ],
    rows: cohorts.map((row) => [
      format.month(row.cohort),
      row.customers,
      ...since.map((k) => {
        const cell = row.months[k];
        return cell ? `${format.share(cell.activeCustomers, row.customers)} · ${format.money(cell.mrr)}` : "";
      }),
    ]),
  };
}
