import { describe, expect, it } from "vitest";
import { pastBuyersSince, reminderDueAt } from "../../../app/reminders/timing";

const timing = { intervalDays: 30, leadDays: 3, sendHour: 10 };

describe("when a reminder is due", () => {
  it("is the interval times the quantity, less the lead time, at the sending hour on the shop's calendar", () => {
    // 23:30 UTC on 31 January is already 1 February in Paris: the days count from there.
    const ordered = new Date("2026-01-31T23:30:00Z");
    expect(reminderDueAt(ordered, 1, timing, "Europe/Paris").toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(reminderDueAt(ordered, 3, timing, "Europe/Paris").toISOString()).toBe("2026-04-29T08:00:00.000Z");
  });

  it("keeps the local hour across a daylight saving change", () => {
    const ordered = new Date("2026-03-01T15:00:00Z");
    expect(reminderDueAt(ordered, 1, { intervalDays: 30, leadDays: 0, sendHour: 10 }, "America/New_York").toISOString()).toBe(
      "2026-03-31T14:00:00.000Z",
    );
    expect(reminderDueAt(ordered, 1, { intervalDays: 30, leadDays: 0, sendHour: 10 }, "UTC").toISOString()).toBe(
      "2026-03-31T10:00:00.000Z",
    );
  });

  it("is never before the day after the order, whatever the lead time", () => {
    const ordered = new Date("2026-05-10T12:00:00Z");
    expect(reminderDueAt(ordered, 1, { intervalDays: 2, leadDays: 5, sendHour: 9 }, "UTC").toISOString()).toBe("2026-05-11T09:00:00.000Z");
  });

  it("looks for past buyers as far back as three units last, within a year", () => {
    const now = new Date("2026-12-05T12:00:00Z");
    expect(pastBuyersSince(now, 30).toISOString()).toBe("2026-09-06T12:00:00.000Z");
    expect(pastBuyersSince(now, 200).toISOString()).toBe("2025-12-05T12:00:00.000Z");
  });
});
