import { describe, expect, it } from "vitest";
import type { Schedule } from "../../../app/subscriptions/billing-schedule";
import {
  plannedSkipsColumn,
  storedPlannedSkips,
  upcomingOrders,
  withoutPlannedSkip,
  withPlannedSkip,
} from "../../../app/subscriptions/planned-skips";

// Monthly on the 15th at 09:00 in Paris; cycle 2 is the January order.
const schedule: Schedule = {
  from: new Date("2027-01-15T08:00:00Z"),
  fromCycle: 2,
  policy: { interval: "MONTH", intervalCount: 1, anchor: null },
  timeZone: "Europe/Paris",
};

describe("orders skipped ahead of time", () => {
  it("lists the next six orders with the dates the schedule gives, marking those skipped", () => {
    const orders = upcomingOrders(schedule, 2, null, [{ cycle: 4, by: "customer" }]);
    expect(orders.map((o) => [o.cycle, o.date.toISOString(), o.skipped])).toEqual([
      [2, "2027-01-15T08:00:00.000Z", false],
      [3, "2027-02-15T08:00:00.000Z", false],
      [4, "2027-03-15T08:00:00.000Z", true],
      // Summer time: still 09:00 in Paris.
      [5, "2027-04-15T07:00:00.000Z", false],
      [6, "2027-05-15T07:00:00.000Z", false],
      [7, "2027-06-15T07:00:00.000Z", false],
    ]);
  });

  it("never lists an order past the plan's last (a plan of 4 orders: the checkout and cycles 1 to 3)", () => {
    expect(upcomingOrders(schedule, 2, 4, []).map((o) => o.cycle)).toEqual([2, 3]);
    expect(upcomingOrders(schedule, 4, 4, [])).toEqual([]);
  });

  it("skips only a later upcoming order not skipped yet, dropping skips already passed", () => {
    const skips = [{ cycle: 1, by: "merchant" as const }];
    expect(withPlannedSkip(skips, { cycle: 4, by: "customer" }, 2, null)).toEqual([{ cycle: 4, by: "customer" }]);
    // The next order is skipped at once, not ahead of time.
    expect(withPlannedSkip([], { cycle: 2, by: "customer" }, 2, null)).toBeNull();
    // Not an order the customer was shown: past, too far ahead, or after the plan's last.
    expect(withPlannedSkip([], { cycle: 1, by: "customer" }, 2, null)).toBeNull();
    expect(withPlannedSkip([], { cycle: 8, by: "customer" }, 2, null)).toBeNull();
    expect(withPlannedSkip([], { cycle: 4, by: "customer" }, 2, 4)).toBeNull();
    // Twice is once.
    expect(withPlannedSkip([{ cycle: 4, by: "merchant" }], { cycle: 4, by: "customer" }, 2, null)).toBeNull();
  });

  it("takes back a skip still to come, and refuses one that was never made or has passed", () => {
    const skips = [
      { cycle: 3, by: "customer" as const },
      { cycle: 5, by: "merchant" as const },
    ];
    expect(withoutPlannedSkip(skips, 5, 2)).toEqual([{ cycle: 3, by: "customer" }]);
    expect(withoutPlannedSkip(skips, 4, 2)).toBeNull();
    expect(withoutPlannedSkip(skips, 3, 4)).toBeNull();
  });

  it("reads its column defensively and writes it in cycle order, null when empty", () => {
    expect(storedPlannedSkips(null)).toEqual([]);
    expect(storedPlannedSkips("not json")).toEqual([]);
    expect(storedPlannedSkips('{"cycle":3}')).toEqual([]);
    expect(storedPlannedSkips('[{"cycle":3,"by":"customer"},{"cycle":"4","by":"customer"},{"cycle":5,"by":"someone"}]')).toEqual([
      { cycle: 3, by: "customer" },
    ]);
    expect(
      plannedSkipsColumn([
        { cycle: 5, by: "merchant" },
        { cycle: 3, by: "customer" },
      ]),
    ).toBe('[{"cycle":3,"by":"customer"},{"cycle":5,"by":"merchant"}]');
    expect(plannedSkipsColumn([])).toBeNull();
  });
});
