import { describe, expect, it } from "vitest";
import { cohortRetention } from "../../../app/retention/cohorts";
import {
  changeContribution,
  monthOf,
  monthStart,
  mrrFigures,
  mrrMovements,
  type MrrChange,
  type MrrFigures,
} from "../../../app/retention/movements";
import { retentionSummary } from "../../../app/retention/rates";

/**
 * Four customers over January to May 2026 (shop in UTC), amounts in cents:
 *  A: $10/month from Jan 10, $15 from Feb 15 (expansion), cancels Mar 20, comes back at $12 on May 5.
 *  B: $20/month from Jan 20, adds a $10 subscription Feb 10, ends the $20 one Mar 31 (contraction).
 *  C: $10 a week ($43.33 a month) from Feb 28, cancelled mid-month on Apr 15.
 *  D: $5/month on Apr 2, cancelled Apr 25: new and churned in the same month.
 */
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const changes: MrrChange[] = [
  { contractId: "a1", customerId: "A", at: at("2026-01-10"), mrrMinor: 1000 },
  { contractId: "b1", customerId: "B", at: at("2026-01-20"), mrrMinor: 2000 },
  { contractId: "b2", customerId: "B", at: at("2026-02-10"), mrrMinor: 1000 },
  { contractId: "a1", customerId: "A", at: at("2026-02-15"), mrrMinor: 1500 },
  { contractId: "c1", customerId: "C", at: at("2026-02-28"), mrrMinor: 4333 },
  { contractId: "a1", customerId: "A", at: at("2026-03-20"), mrrMinor: 0 },
  { contractId: "b1", customerId: "B", at: at("2026-03-31"), mrrMinor: 0 },
  { contractId: "d1", customerId: "D", at: at("2026-04-02"), mrrMinor: 500 },
  { contractId: "c1", customerId: "C", at: at("2026-04-15"), mrrMinor: 0 },
  { contractId: "d1", customerId: "D", at: at("2026-04-25"), mrrMinor: 0 },
  { contractId: "a1", customerId: "A", at: at("2026-05-05"), mrrMinor: 1200 },
];

describe("MRR movements", () => {
  const months = mrrMovements(changes, "UTC", "2026-01", "2026-05");

  it("classifies every change of a customer's MRR, month by month", () => {
    const [jan, feb, mar, apr, may] = months;
    // January: A and B are new, $10 + $20.
    expect(jan).toMatchObject({ startMrr: 0, newMrr: 3000, newCustomers: 2, endMrr: 3000, endCustomers: 2 });
    // February: A +$5 and B +$10 are expansion; C is new at $43.33.
    expect(feb).toMatchObject({ startMrr: 3000, expansion: 1500, newMrr: 4333, endMrr: 8833, startCustomers: 2, endCustomers: 3 });
    // March: A leaves ($15 churned); B drops $20 and keeps $10 (contraction, not churn).
    expect(mar).toMatchObject({ startMrr: 8833, churned: -1500, contraction: -2000, churnedCustomers: 1, endMrr: 5333, endCustomers: 2 });
    // April: D comes and goes ($5 new, $5 churned), C's $43.33 churns mid-month.
    expect(apr).toMatchObject({ newMrr: 500, newCustomers: 1, churned: -4833, churnedCustomers: 2, endMrr: 1000, endCustomers: 1 });
    // May: A is back: reactivation, not new.
    expect(may).toMatchObject({ reactivation: 1200, reactivatedCustomers: 1, newMrr: 0, endMrr: 2200, endCustomers: 2 });
  });

  it("sums to the change in MRR exactly, every month", () => {
    for (const m of months) {
      expect(m.newMrr + m.expansion + m.contraction + m.churned + m.reactivation).toBe(m.netNew);
      expect(m.startMrr + m.netNew).toBe(m.endMrr);
    }
  });

  it("opens a range where the history before it left off, and carries quiet months over", () => {
    const fromMarch = mrrMovements(changes, "UTC", "2026-03", "2026-07");
    expect(fromMarch[0]).toMatchObject({ month: "2026-03", startMrr: 8833, startCustomers: 3 });
    expect(fromMarch.slice(3).map((m) => [m.month, m.startMrr, m.endMrr, m.netNew])).toEqual([
      ["2026-06", 2200, 2200, 0],
      ["2026-07", 2200, 2200, 0],
    ]);
  });

  it("counts months in the shop's time zone", () => {
    const lateJanuaryInNewYork = new Date("2026-02-01T03:00:00Z");
    expect(monthOf(lateJanuaryInNewYork, "America/New_York")).toBe("2026-01");
    expect(monthOf(lateJanuaryInNewYork, "UTC")).toBe("2026-02");
    const [jan, feb] = mrrMovements(
      [{ contractId: "x", customerId: "X", at: lateJanuaryInNewYork, mrrMinor: 700 }],
      "America/New_York",
      "2026-01",
      "2026-02",
    );
    expect([jan!.newMrr, feb!.newMrr]).toEqual([700, 0]);
  });
});

describe("the period's rates", () => {
  const summary = retentionSummary(mrrMovements(changes, "UTC", "2026-01", "2026-05"));

  it("counts each customer lost once, against every customer who could have been lost", () => {
    // Who could churn each month: those there at its start and those who joined during it.
    // Jan 0 + A, B; Feb 2 + C; Mar 3; Apr 2 + D; May 1 + A = 13. Lost: A in March, C and D in April.
    expect(summary.customerChurn).toEqual({ numerator: 3, denominator: 13 });
    // MRR at the start of each month: 0 + 3000 + 8833 + 5333 + 1000 = 18166.
    // Gross: churn and contraction, 1500 + 2000 (March) + 4833 (April) = 8333.
    expect(summary.grossMrrChurn).toEqual({ numerator: 8333, denominator: 18166 });
    // Net: less expansion (1500) and reactivation (1200).
    expect(summary.netMrrChurn).toEqual({ numerator: 5633, denominator: 18166 });
  });

  it("never counts churn above every customer, however often they come and go in a month", () => {
    // One customer joins, leaves, comes back and leaves again, all in June: one customer lost of one.
    const restless: MrrChange[] = ["01", "05", "10", "20"].map((day, index) => ({
      contractId: `r${index >> 1}`,
      customerId: "R",
      at: at(`2026-06-${day}`),
      mrrMinor: index % 2 ? 0 : 900,
    }));
    const june = retentionSummary(mrrMovements(restless, "UTC", "2026-06", "2026-06"));
    expect(june.customerChurn).toEqual({ numerator: 1, denominator: 1 });
  });

  it("derives ARPU and LTV from the end of the period, LTV never below one month of ARPU", () => {
    // $22 MRR over 2 customers: $11. LTV = $11 ÷ (3/13) = $47.666… → $47.67.
    expect(summary).toMatchObject({ mrr: 2200, activeCustomers: 2, arpu: 1100, ltv: 4767 });
    expect(summary.ltv!).toBeGreaterThanOrEqual(summary.arpu!);
  });

  it("has no LTV while nobody has churned", () => {
    expect(retentionSummary(mrrMovements(changes.slice(0, 2), "UTC", "2026-01", "2026-02")).ltv).toBeNull();
  });
});

describe("paused subscribers", () => {
  // P subscribes at $30 in January, pauses on Feb 10, resumes on Mar 5, pauses again on Apr 2 and
  // cancels while paused on May 20. Q subscribes at $10 in February and stays.
  const paused: MrrChange[] = [
    { contractId: "p1", customerId: "P", at: at("2026-01-15"), mrrMinor: 3000 },
    { contractId: "q1", customerId: "Q", at: at("2026-02-01"), mrrMinor: 1000 },
    { contractId: "p1", customerId: "P", at: at("2026-02-10"), mrrMinor: 0, paused: true },
    { contractId: "p1", customerId: "P", at: at("2026-03-05"), mrrMinor: 3000 },
    { contractId: "p1", customerId: "P", at: at("2026-04-02"), mrrMinor: 0, paused: true },
    { contractId: "p1", customerId: "P", at: at("2026-05-20"), mrrMinor: 0 },
  ];

  it("churn when they pause and come back when they resume, by default (ChartMogul's default)", () => {
    const [, feb, mar, apr, may] = mrrMovements(paused, "UTC", "2026-01", "2026-05");
    expect(feb).toMatchObject({ churned: -3000, churnedCustomers: 1, pausedMrr: 0, endCustomers: 1 });
    expect(mar).toMatchObject({ reactivation: 3000, reactivatedCustomers: 1, endCustomers: 2 });
    expect(apr).toMatchObject({ churned: -3000, churnedCustomers: 1 });
    // Cancelling while paused changes nothing more: they had already left.
    expect(may).toMatchObject({ churned: 0, churnedCustomers: 0, endCustomers: 1 });
  });

  it("when kept, stay subscribers without MRR: a pause and its resume move no churn figure, and cancelling while paused is the churn", () => {
    const months = mrrMovements(paused, "UTC", "2026-01", "2026-05", "kept");
    const [jan, feb, mar, apr, may] = months;
    expect(feb).toMatchObject({ churned: 0, churnedCustomers: 0, leftCustomers: 0, pausedMrr: -3000, endMrr: 1000, endCustomers: 2 });
    expect(mar).toMatchObject({ reactivation: 0, reactivatedCustomers: 0, resumedMrr: 3000, endMrr: 4000, endCustomers: 2 });
    expect(apr).toMatchObject({ pausedMrr: -3000, churned: 0, endCustomers: 2 });
    expect(may).toMatchObject({ churned: 0, churnedCustomers: 1, leftCustomers: 1, endCustomers: 1 });
    for (const m of months) expect(m.startMrr + m.netNew).toBe(m.endMrr);
    // Over February and March (the pause and its resume), nobody churned and no MRR churned.
    const pauseAndResume = retentionSummary(months.slice(1, 3));
    expect(pauseAndResume.customerChurn.numerator).toBe(0);
    expect(pauseAndResume.grossMrrChurn.numerator).toBe(0);
    expect(jan!.newCustomers).toBe(1);
  });
});

describe("cohort retention", () => {
  it("follows each month's new customers at every month's end", () => {
    const rows = cohortRetention(changes, "UTC", "2026-01", "2026-05");
    expect(rows).toEqual([
      {
        cohort: "2026-01",
        customers: 2,
        startMrr: 3000,
        // A and B; A gone at the end of March and April, back in May at $12.
        months: [
          { activeCustomers: 2, mrr: 3000 },
          { activeCustomers: 2, mrr: 4500 },
          { activeCustomers: 1, mrr: 1000 },
          { activeCustomers: 1, mrr: 1000 },
          { activeCustomers: 2, mrr: 2200 },
        ],
      },
      {
        cohort: "2026-02",
        customers: 1,
        startMrr: 4333,
        months: [
          { activeCustomers: 1, mrr: 4333 },
          { activeCustomers: 1, mrr: 4333 },
          { activeCustomers: 0, mrr: 0 },
          { activeCustomers: 0, mrr: 0 },
        ],
      },
      // D subscribed and left within April.
      {
        cohort: "2026-04",
        customers: 1,
        startMrr: 500,
        months: [
          { activeCustomers: 0, mrr: 0 },
          { activeCustomers: 0, mrr: 0 },
        ],
      },
    ]);
  });
});

describe("figures kept one change at a time", () => {
  /** The database's part of figures.server.ts: each arriving change's contribution added to the sums. */
  function foldInArrivalOrder(arrivals: MrrChange[]): MrrFigures {
    const total: MrrFigures = { months: new Map(), cohortCells: new Map() };
    const seen: MrrChange[] = [];
    for (const change of arrivals) {
      const contribution = changeContribution(
        seen.filter((c) => c.customerId === change.customerId),
        change,
        "UTC",
      );
      addInto(total.months, contribution.months);
      addInto(total.cohortCells, contribution.cohortCells);
      seen.push(change);
    }
    return total;
  }

  function addInto<K, V extends Record<string, number>>(map: Map<K, V>, added: Map<K, V>) {
    for (const [key, sums] of added) {
      const kept = map.get(key);
      map.set(key, Object.fromEntries(Object.entries(sums).map(([field, value]) => [field, (kept?.[field] ?? 0) + value])) as V);
    }
  }

  const withoutZeros = (figures: MrrFigures) =>
    [figures.months, figures.cohortCells].map((map) =>
      [...map].filter(([, sums]) => Object.values(sums).some((value) => value !== 0)).sort(([a], [b]) => (a < b ? -1 : 1)),
    );

  it("match a replay of the whole history, whatever order the changes arrive in", () => {
    // A fixed shuffle: A's May return and D's churn arrive before changes that happened earlier.
    const arrivals = [10, 3, 0, 7, 1, 9, 5, 2, 4, 8, 6].map((index) => changes[index]!);
    expect(withoutZeros(foldInArrivalOrder(arrivals))).toEqual(withoutZeros(mrrFigures(changes, "UTC")));
    expect(withoutZeros(foldInArrivalOrder(changes))).toEqual(withoutZeros(mrrFigures(changes, "UTC")));
  });
});

describe("the start of a month", () => {
  it("is midnight of its first day in the shop's time zone, summer time or not", () => {
    expect(monthStart("2026-01", "America/New_York").toISOString()).toBe("2026-01-01T05:00:00.000Z");
    expect(monthStart("2026-07", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(monthStart("2026-03", "Asia/Tokyo").toISOString()).toBe("2026-02-28T15:00:00.000Z");
  });
});
