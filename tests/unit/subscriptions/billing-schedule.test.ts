import { describe, expect, it } from "vitest";
import {
  cycleDate,
  cycleDueAt,
  nextCycle,
  nextScheduled,
  scheduledDate,
  type BillingPolicy,
} from "../../../app/subscriptions/billing-schedule";

const monthly: BillingPolicy = { interval: "MONTH", intervalCount: 1, anchor: null };
const dates = (first: string, policy: BillingPolicy, zone: string, cycles: number) =>
  Array.from({ length: cycles }, (_, n) => cycleDate(new Date(first), policy, zone, n).toISOString());

describe("billing dates in the shop's time zone", () => {
  it("keeps the 31st through short months without drifting", () => {
    expect(dates("2026-01-31T14:00:00Z", monthly, "America/New_York", 5)).toEqual([
      "2026-01-31T14:00:00.000Z",
      "2026-02-28T14:00:00.000Z",
      "2026-03-31T13:00:00.000Z", // EDT from March 8: still 09:00 on the shop's clock
      "2026-04-30T13:00:00.000Z",
      "2026-05-31T13:00:00.000Z",
    ]);
  });

  it("bills a Feb 29 yearly subscription on Feb 28 in common years and Feb 29 in leap years", () => {
    expect(dates("2028-02-29T12:00:00Z", { interval: "YEAR", intervalCount: 1, anchor: null }, "UTC", 5)).toEqual([
      "2028-02-29T12:00:00.000Z",
      "2029-02-28T12:00:00.000Z",
      "2030-02-28T12:00:00.000Z",
      "2031-02-28T12:00:00.000Z",
      "2032-02-29T12:00:00.000Z",
    ]);
  });

  it("keeps the local hour across DST changes, weekly", () => {
    expect(dates("2026-03-05T14:00:00Z", { interval: "WEEK", intervalCount: 1, anchor: null }, "America/New_York", 2)).toEqual([
      "2026-03-05T14:00:00.000Z",
      "2026-03-12T13:00:00.000Z",
    ]);
    expect(dates("2026-10-22T07:00:00Z", { interval: "WEEK", intervalCount: 1, anchor: null }, "Europe/Paris", 2)).toEqual([
      "2026-10-22T07:00:00.000Z",
      "2026-10-29T08:00:00.000Z",
    ]);
  });

  it("follows an anchor: the first anchor day after the first order, then every interval", () => {
    const firstOfMonth: BillingPolicy = { interval: "MONTH", intervalCount: 2, anchor: { type: "MONTHDAY", day: 1 } };
    expect(dates("2026-01-15T15:00:00Z", firstOfMonth, "UTC", 4)).toEqual([
      "2026-01-15T15:00:00.000Z",
      "2026-02-01T15:00:00.000Z",
      "2026-04-01T15:00:00.000Z",
      "2026-06-01T15:00:00.000Z",
    ]);
    const onThe31st: BillingPolicy = { interval: "MONTH", intervalCount: 1, anchor: { type: "MONTHDAY", day: 31 } };
    expect(dates("2026-02-10T15:00:00Z", onThe31st, "UTC", 3)).toEqual([
      "2026-02-10T15:00:00.000Z",
      "2026-02-28T15:00:00.000Z",
      "2026-03-31T15:00:00.000Z",
    ]);
    const mondays: BillingPolicy = { interval: "WEEK", intervalCount: 2, anchor: { type: "WEEKDAY", day: 1 } };
    // 2026-11-23 is a Monday: the next Monday after it, then every other Monday.
    expect(dates("2026-11-23T10:00:00Z", mondays, "UTC", 3)).toEqual([
      "2026-11-23T10:00:00.000Z",
      "2026-11-30T10:00:00.000Z",
      "2026-12-14T10:00:00.000Z",
    ]);
  });

  it("finds the next cycle due after any moment", () => {
    const first = new Date("2026-01-31T14:00:00Z");
    expect(nextCycle(first, monthly, "America/New_York", new Date("2026-01-31T14:00:00Z"))).toEqual({
      cycle: 1,
      date: new Date("2026-02-28T14:00:00Z"),
    });
    expect(nextCycle(first, monthly, "America/New_York", new Date("2026-03-31T12:59:59Z"))).toEqual({
      cycle: 2,
      date: new Date("2026-03-31T13:00:00Z"),
    });
    expect(nextCycle(first, { interval: "DAY", intervalCount: 3, anchor: null }, "UTC", new Date("2027-01-01T00:00:00Z")).cycle).toBe(112);
  });

  it("refuses a negative or fractional cycle", () => {
    expect(() => cycleDate(new Date(), monthly, "UTC", -1)).toThrow(RangeError);
    expect(() => cycleDate(new Date(), monthly, "UTC", 1.5)).toThrow(RangeError);
  });
});

describe("precision", () => {
  it("keeps the first date's milliseconds", () => {
    expect(cycleDate(new Date("2026-01-31T14:00:00.189Z"), monthly, "America/New_York", 1).toISOString()).toBe("2026-02-28T14:00:00.189Z");
  });
});

describe("a schedule moved by a person", () => {
  const weekly: BillingPolicy = { interval: "WEEK", intervalCount: 2, anchor: null };
  const moved = { from: new Date("2026-06-10T15:00:00Z"), fromCycle: 4, policy: weekly, timeZone: "UTC" };

  it("puts its first cycle on the chosen date and counts the later ones from there", () => {
    expect(scheduledDate(moved, 4).toISOString()).toBe("2026-06-10T15:00:00.000Z");
    expect(scheduledDate(moved, 5).toISOString()).toBe("2026-06-24T15:00:00.000Z");
  });

  it("numbers the next cycle after an instant from the schedule's first, so numbers only go up", () => {
    expect(nextScheduled(moved, new Date("2026-06-01T00:00:00Z"))).toEqual({ cycle: 4, date: new Date("2026-06-10T15:00:00Z") });
    expect(nextScheduled(moved, new Date("2026-06-10T15:00:00Z"))).toEqual({ cycle: 5, date: new Date("2026-06-24T15:00:00Z") });
  });
});

describe("the cycle a due date stands for", () => {
  it("is the nearest cycle, so a schedule moved by hours (a time-zone change) still bills the cycle that was due", () => {
    const schedule = {
      from: new Date("2027-01-30T20:00:00Z"),
      fromCycle: 0,
      policy: { interval: "MONTH" as const, intervalCount: 1, anchor: null },
      timeZone: "Pacific/Kiritimati",
    };
    // In Kiritimati the first cycle falls on Feb 27 at 20:00 UTC; the date stored in UTC's count was Feb 28.
    expect(cycleDueAt(schedule, new Date("2027-02-28T20:00:00Z"))).toBe(1);
    expect(cycleDueAt(schedule, new Date("2027-02-27T20:00:00Z"))).toBe(1);
    expect(cycleDueAt(schedule, new Date("2027-03-31T20:00:00Z"))).toBe(2);
    expect(cycleDueAt(schedule, new Date("2027-01-30T20:00:00Z"))).toBe(0);
  });
});
