import { describe, expect, it } from "vitest";
import { addMonths, fromLocal, isoWeekday, toLocal } from "../../../app/time/zoned";

const local = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

describe("wall-clock time in a shop's time zone", () => {
  it.each([
    ["America/New_York", local(2026, 1, 15, 9), "2026-01-15T14:00:00.000Z"],
    ["America/New_York", local(2026, 7, 15, 9), "2026-07-15T13:00:00.000Z"],
    ["Europe/Paris", local(2026, 12, 31, 23, 30), "2026-12-31T22:30:00.000Z"],
    ["Asia/Kolkata", local(2026, 3, 1, 0), "2026-02-28T18:30:00.000Z"],
    ["Pacific/Auckland", local(2026, 1, 1, 12), "2025-12-31T23:00:00.000Z"],
    ["UTC", local(2028, 2, 29, 12), "2028-02-29T12:00:00.000Z"],
  ])("%s %j is %s", (zone, time, iso) => {
    expect(fromLocal(time, zone).toISOString()).toBe(iso);
    expect(toLocal(new Date(iso), zone)).toEqual(time);
  });

  it("moves a time skipped by spring-forward past the gap", () => {
    // New York skipped 02:00–03:00 on 2026-03-08.
    expect(fromLocal(local(2026, 3, 8, 2, 30), "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("takes the first of a time that happens twice at fall-back", () => {
    // 01:30 happened at 05:30Z (EDT) and again at 06:30Z (EST) on 2026-11-01.
    expect(fromLocal(local(2026, 11, 1, 1, 30), "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("clamps month arithmetic to the month's last day", () => {
    expect(addMonths({ year: 2026, month: 1 }, 1, 31)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1 }, 1, 31)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths({ year: 2026, month: 11 }, 3, 30)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(isoWeekday(2026, 11, 23)).toBe(1);
  });
});

describe("the offset read once per quarter hour", () => {
  it("gives Intl's own reading for any instant, in zones with half-hour, 45-minute and half-hour-DST offsets", () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const intl = (instant: Date, timeZone: string) => {
      if (!formats.has(timeZone))
        formats.set(
          timeZone,
          new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
          }),
        );
      const parts = Object.fromEntries(
        formats
          .get(timeZone)!
          .formatToParts(instant)
          .map((p) => [p.type, Number(p.value)]),
      );
      return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
    };
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "America/St_Johns",
      "Pacific/Chatham",
      "UTC",
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 20_000; i += 1) {
      const instant = new Date(from + Math.floor(random() * (to - from)));
      const zone = zones[i % zones.length]!;
      expect(toLocal(instant, zone), `${instant.toISOString()} in ${zone}`).toEqual(intl(instant, zone));
    }
    // And densely through a whole year's transitions where they are least regular.
    for (const zone of ["Australia/Lord_Howe", "America/St_Johns"]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 60_000 + 13_000) {
        const instant = new Date(t);
        const [got, want] = [toLocal(instant, zone), intl(instant, zone)];
        if (got.hour !== want.hour || got.minute !== want.minute || got.day !== want.day)
          expect(got, `${instant.toISOString()} in ${zone}`).toEqual(want);
      }
    }
  });
});
