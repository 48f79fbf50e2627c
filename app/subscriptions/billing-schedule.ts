import { addDays, addMonths, fromLocal, isoWeekday, toLocal, type LocalDateTime } from "../time/zoned";
import type { Interval } from "./plan-draft";

/**
 * When a subscription bills: the dates of its cycles, computed in the shop's time zone so that
 * "every month on the 31st at 09:00" means that on the shop's wall clock, through month ends, leap
 * years and DST changes. Pure.
 *
 * Cycles are counted from the contract's first date and never from the previous cycle, so a short
 * month does not pull every later date earlier (Jan 31 → Feb 28 → Mar 31, not Mar 28).
 *
 * With an anchor (deliver on Monday, or on the 1st), cycle 1 is the first anchor day after the
 * first date, and later cycles follow it every interval; without one, cycle n is n intervals after
 * the first date.
 */
export interface BillingPolicy {
  interval: Interval;
  intervalCount: number;
  anchor: { type: "WEEKDAY" | "MONTHDAY"; day: number } | null;
}

type CalendarDate = { year: number; month: number; day: number };

function add(date: CalendarDate, interval: Interval, count: number, dayOfMonth: number): CalendarDate {
  switch (interval) {
    case "DAY":
      return addDays(date, count);
    case "WEEK":
      return addDays(date, 7 * count);
    case "MONTH":
      return addMonths(date, count, dayOfMonth);
    case "YEAR":
      return addMonths(date, 12 * count, dayOfMonth);
  }
}

/** The first anchor day strictly after a date. */
function nextAnchorDay(date: CalendarDate, anchor: NonNullable<BillingPolicy["anchor"]>): CalendarDate {
  if (anchor.type === "WEEKDAY") {
    const ahead = (anchor.day - isoWeekday(date.year, date.month, date.day) + 7) % 7 || 7;
    return addDays(date, ahead);
  }
  const thisMonth = addMonths(date, 0, anchor.day);
  return thisMonth.day > date.day ? thisMonth : addMonths(date, 1, anchor.day);
}

/** The instant of cycle `cycle` (0 is the first date itself), at the first date's local time. */
export function cycleDate(first: Date, policy: BillingPolicy, timeZone: string, cycle: number): Date {
  if (!Number.isInteger(cycle) || cycle < 0) throw new RangeError(`cycle must be a whole number ≥ 0, got ${cycle}`);
  if (cycle === 0) return first;
  const start = toLocal(first, timeZone);
  const time = { hour: start.hour, minute: start.minute, second: start.second };
  let date: CalendarDate;
  if (policy.anchor) {
    const anchored = nextAnchorDay(start, policy.anchor);
    date = add(
      anchored,
      policy.interval,
      policy.intervalCount * (cycle - 1),
      policy.anchor.type === "MONTHDAY" ? policy.anchor.day : anchored.day,
    );
  } else {
    date = add(start, policy.interval, policy.intervalCount * cycle, start.day);
  }
  // Wall-clock arithmetic is to the second; the first date's milliseconds ride along unchanged.
  return new Date(fromLocal({ ...date, ...time } satisfies LocalDateTime, timeZone).getTime() + first.getUTCMilliseconds());
}

/** The first cycle due strictly after `after`, and its number. */
export function nextCycle(first: Date, policy: BillingPolicy, timeZone: string, after: Date): { cycle: number; date: Date } {
  // Cycles are at least a day apart: a rough estimate, then a walk forward to the exact one.
  const dayMs = 86_400_000;
  const perCycleDays = { DAY: 1, WEEK: 7, MONTH: 28, YEAR: 365 }[policy.interval] * policy.intervalCount;
  let cycle = Math.max(0, Math.floor((after.getTime() - first.getTime()) / (perCycleDays * dayMs)) - 2);
  while (cycleDate(first, policy, timeZone, cycle).getTime() <= after.getTime()) cycle += 1;
  return { cycle, date: cycleDate(first, policy, timeZone, cycle) };
}

/**
 * A contract's schedule as Orchard keeps it: cycle `fromCycle` falls on `from`, and every later cycle
 * is counted from there. Reschedules, frequency changes and resumes start a new schedule at the next
 * cycle, so cycle numbers (and the idempotency keys made of them) only ever go up.
 */
export interface Schedule {
  from: Date;
  fromCycle: number;
  policy: BillingPolicy;
  timeZone: string;
}

/** The instant of a cycle of a schedule (a cycle before the schedule's first is a caller's bug). */
export function scheduledDate(schedule: Schedule, cycle: number): Date {
  return cycleDate(schedule.from, schedule.policy, schedule.timeZone, cycle - schedule.fromCycle);
}

/** The schedule's first cycle due strictly after `after`. */
export function nextScheduled(schedule: Schedule, after: Date): { cycle: number; date: Date } {
  const next = nextCycle(schedule.from, schedule.policy, schedule.timeZone, after);
  return { cycle: next.cycle + schedule.fromCycle, date: next.date };
}

/**
 * The cycle a stored due date stands for: the cycle whose date is nearest to it. Normally the two
 * are equal; when the shop's time zone changed under the schedule, the dates move by hours (or a
 * day at a month's end), and the first cycle after the due date would be the next one, silently
 * passing over the cycle that was due.
 */
export function cycleDueAt(schedule: Schedule, due: Date): number {
  const after = nextScheduled(schedule, new Date(due.getTime() - 1));
  if (after.cycle <= schedule.fromCycle) return after.cycle;
  const before = scheduledDate(schedule, after.cycle - 1);
  return due.getTime() - before.getTime() < after.date.getTime() - due.getTime() ? after.cycle - 1 : after.cycle;
}

/** The contract columns scheduleOf reads, for a query that selects only those. */
export const SCHEDULE_COLUMNS = {
  billingInterval: true,
  billingIntervalCount: true,
  anchorType: true,
  anchorDay: true,
  scheduleFrom: true,
  scheduleCycle: true,
} as const;

/** The schedule of a stored contract (its policy, anchor and schedule columns). */
export function scheduleOf(
  contract: {
    billingInterval: string;
    billingIntervalCount: number;
    anchorType: string | null;
    anchorDay: number | null;
    scheduleFrom: Date;
    scheduleCycle: number;
  },
  timeZone: string,
): Schedule {
  return {
    from: contract.scheduleFrom,
    fromCycle: contract.scheduleCycle,
    timeZone,
    policy: {
      interval: contract.billingInterval as Interval,
      intervalCount: contract.billingIntervalCount,
      anchor:
        contract.anchorType && contract.anchorDay ? { type: contract.anchorType as "WEEKDAY" | "MONTHDAY", day: contract.anchorDay } : null,
    },
  };
}

/** Calendar days later, at the same wall-clock time in the zone (dunning retries, pauses). */
export function daysLater(instant: Date, days: number, timeZone: string): Date {
  return cycleDate(instant, { interval: "DAY", intervalCount: days, anchor: null }, timeZone, 1);
}

/** Calendar months later, at the same wall-clock time in the zone (a pause of N months). */
export function monthsLater(instant: Date, months: number, timeZone: string): Date {
  return cycleDate(instant, { interval: "MONTH", intervalCount: months, anchor: null }, timeZone, 1);
}

/** How long a pause lasts: a number of orders, until a day of the shop's calendar (YYYY-MM-DD), or months (the save offer). */
export type PauseLength = { orders: number } | { until: string } | { months: number };

/**
 * When a pause ends, for a subscription whose next order is `nextCycle`. For a number of orders,
 * halfway between the last order it leaves out and the first it keeps: Orchard resumes it at some
 * moment after this (its worker's next round), and the resume takes the first order after that
 * moment, so the middle of the interval keeps both the count and the date right whatever the
 * frequency. For a day, its start in the shop's time zone.
 */
export function pauseEnd(schedule: Schedule, nextCycle: number, length: PauseLength, now: Date): Date {
  if ("months" in length) return monthsLater(now, length.months, schedule.timeZone);
  if ("until" in length) {
    const [year, month, day] = length.until.split("-").map(Number) as [number, number, number];
    return fromLocal({ year, month, day, hour: 0, minute: 0, second: 0 }, schedule.timeZone);
  }
  const lastLeftOut = scheduledDate(schedule, nextCycle + length.orders - 1).getTime();
  const firstKept = scheduledDate(schedule, nextCycle + length.orders).getTime();
  return new Date(lastLeftOut + Math.floor((firstKept - lastLeftOut) / 2));
}
