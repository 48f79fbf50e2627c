/**
 * Wall-clock time in a shop's IANA time zone, with no library: Intl gives the offset at an instant,
 * and a local time is turned into an instant by correcting a first guess with that offset. Pure.
 */
export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function readParts(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const asUtc = (local: LocalDateTime) => Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);

/**
 * Offsets change only on quarter-hour boundaries of UTC (every transition in current tz rules
 * happens at a whole local hour, in zones offset by whole hours, half hours or 45 minutes), so the
 * offset read at the start of a quarter hour holds for all of it. Reading it through Intl is slow
 * enough to dominate billing a large shop; it is read once per zone and quarter hour.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, number>();

/** Milliseconds the zone is ahead of UTC at an instant (negative west of Greenwich). */
export function offsetAt(instant: Date, timeZone: string): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = asUtc(readParts(new Date(quarter), timeZone)) - quarter;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock reading of an instant in a time zone (to the second). */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetAt(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The calendar day an instant falls on in a time zone, as YYYY-MM-DD (how forms and plans name days). */
export function localDay(instant: Date, timeZone: string): string {
  const { year, month, day } = toLocal(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST change (02:30 on the
 * spring-forward night) is taken as the same distance after the gap; a time that happens twice
 * (01:30 on the fall-back night) as its first occurrence.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const guess = asUtc(local);
  const first = guess - offsetAt(new Date(guess), timeZone);
  const second = guess - offsetAt(new Date(first), timeZone);
  if (first === second) {
    // Twice-happening times: prefer the earlier instant if it reads the same.
    const earlier = second - 3_600_000;
    return asUtc(toLocal(new Date(earlier), timeZone)) === guess ? new Date(earlier) : new Date(second);
  }
  // The two guesses disagree only around a change; keep the one that reads back as asked, if any.
  const readsBack = [first, second].find((t) => asUtc(toLocal(new Date(t), timeZone)) === guess);
  return new Date(readsBack ?? Math.max(first, second));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** A calendar date moved by whole days (no time zone involved: calendar arithmetic only). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** A calendar date moved by whole months, on `day` or the month's last day if shorter. */
export function addMonths(date: { year: number; month: number }, months: number, day: number) {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}
