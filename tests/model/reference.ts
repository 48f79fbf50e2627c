/**
 * What the customer agreed to, as plainly as it can be written: the reference the model-based test
 * holds Orchard and the store against. It shares no code with Orchard (its own calendar arithmetic,
 * its own prices), so a rule Orchard gets wrong is not repeated here. Each rule is the one written
 * in issue 22 and the decision records; where the two disagree, this file is the one to fix only
 * if the written rule says so.
 */

export type Interval = "WEEK" | "MONTH";
export interface Frequency {
  interval: Interval;
  /** Deliveries every `count` intervals; each billing pays for `deliveries` of them (prepaid when more than 1). */
  count: number;
  deliveries: number;
  percentOff: number;
}

export interface PlanTerms {
  frequencies: [Frequency, Frequency];
  /** The first orders at another discount (the checkout's order is the first). */
  intro: { orders: number; percentOff: number } | null;
  minCycles: number | null;
  maxCycles: number | null;
}

export type MissedCyclesPolicy = "chargeLatest" | "skipAll";

export interface LifeSetup {
  zone: string;
  /** When the customer checks out, as the shop's wall clock shows it (to the minute; the real checkout's seconds are taken). */
  start: Omit<LocalDateTime, "second" | "millisecond">;
  terms: PlanTerms;
  unitPriceMinor: number;
  /** The product's other variant, which the merchant may swap the subscription to. */
  otherVariantPriceMinor: number;
  missedCycles: MissedCyclesPolicy;
  duplicateWebhooks: boolean;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// ---- the calendar, from Intl alone --------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, zone: string): LocalDateTime {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  const part = (type: string) => Number(format.formatToParts(instant).find((p) => p.type === type)!.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
    millisecond: instant.getUTCMilliseconds(),
  };
}

const asUtc = (t: LocalDateTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);

const DAY_MS = 86_400_000;
const offsetAt = (instant: number, zone: string) => asUtc(wallClock(new Date(instant), zone)) - instant;

/**
 * The instant the zone's wall clock shows `t`. Where a DST change makes it ambiguous, its first
 * occurrence; where it skips it, the same distance after the gap (the offset before the change).
 */
export function instantOf(t: LocalDateTime, zone: string): Date {
  const wall = asUtc(t);
  const before = wall - offsetAt(wall - 2 * DAY_MS, zone);
  const after = wall - offsetAt(wall + 2 * DAY_MS, zone);
  const readsBack = [before, after].filter((instant) => asUtc(wallClock(new Date(instant), zone)) === wall);
  return new Date(readsBack.length ? Math.min(...readsBack) : before);
}

/** `times` billing intervals later (a prepaid plan bills once per `deliveries` deliveries). */
function later(t: LocalDateTime, frequency: Frequency, times: number, dayOfMonth: number): LocalDateTime {
  const intervals = frequency.count * frequency.deliveries * times;
  if (frequency.interval === "WEEK") {
    const moved = new Date(Date.UTC(t.year, t.month - 1, t.day + 7 * intervals));
    return { ...t, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
  }
  const months = t.month - 1 + intervals;
  const year = t.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...t, year, month, day: Math.min(dayOfMonth, lastDay) };
}

function calendarDaysAfter(t: LocalDateTime, days: number): LocalDateTime {
  const moved = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { ...t, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function daysAfter(instant: Date, days: number, zone: string): Date {
  return instantOf(calendarDaysAfter(wallClock(instant, zone), days), zone);
}

/**
 * Cycle `fromCycle` falls on the instant `from`; each later one a whole number of intervals after
 * it, on the zone's wall clock.
 */
interface Cadence {
  from: Date;
  fromCycle: number;
  frequency: Frequency;
  zone: string;
}

function dateOf(cadence: Cadence, cycle: number): Date {
  if (cycle === cadence.fromCycle) return cadence.from;
  const start = wallClock(cadence.from, cadence.zone);
  return instantOf(later(start, cadence.frequency, cycle - cadence.fromCycle, start.day), cadence.zone);
}

// ---- the subscription --------------------------------------------------------------------------

export type Status = "ACTIVE" | "PAUSED" | "CANCELLED" | "EXPIRED";

export interface Charge {
  cycle: number;
  date: Date;
  amountMinor: number;
}

export type Refusal = "ordersOwed" | "notAllowed";

/** Why a cycle passed without a charge, as Orchard records it. */
export type UnchargedReason = "customer_skip" | "merchant_skip" | "missed";

/** The subscription as the customer agreed to it, moved by the same commands as the real one. */
export class AgreedSubscription {
  status: Status = "ACTIVE";
  quantity = 1;
  frequency: 0 | 1 = 0;
  /** The variant subscribed to: the one bought at checkout (0), or the other (1). */
  variant: 0 | 1 = 0;
  /** Paid orders, the checkout's included: the plan's minimum counts them. */
  ordersPaid = 1;
  nextCycle = 1;
  /** The highest cycle charged or recorded as not charged. */
  lastRecorded = 0;
  readonly charges: Charge[] = [];
  /** Cycles passed without a charge, and why. */
  readonly uncharged: { cycle: number; reason: UnchargedReason }[] = [];
  private cadence: Cadence;
  private discountPercent: number | null = null;
  private discountTaken = false;
  /** Later orders skipped ahead of time, by cycle, and who skipped each: passed over uncharged when they fall due. */
  private readonly skippedAhead = new Map<number, UnchargedReason>();
  /** One-time items added to the next order: they ride on the subscription until an order is paid. */
  private oneTimeItems = 0;
  failNextCharge = false;

  /** `checkoutAt`: the instant the real checkout took place, within the minute the setup asked for. */
  constructor(
    readonly setup: LifeSetup,
    readonly checkoutAt: Date,
  ) {
    this.cadence = { from: checkoutAt, fromCycle: 0, frequency: setup.terms.frequencies[0], zone: setup.zone };
  }

  /** The last cycle the customer agreed to pay for (the checkout is cycle 0), or null. */
  private get lastCycle(): number | null {
    return this.setup.terms.maxCycles === null ? null : this.setup.terms.maxCycles - 1;
  }

  cycleDate(cycle: number): Date {
    return dateOf(this.cadence, cycle);
  }

  /** The next order's date, or null when none is coming (paused, ended). */
  get nextDate(): Date | null {
    return this.status === "ACTIVE" ? this.cycleDate(this.nextCycle) : null;
  }

  get ordersOwed(): number {
    return Math.max(0, (this.setup.terms.minCycles ?? 0) - this.ordersPaid);
  }

  /**
   * The subscription's monthly recurring revenue (docs/metrics.md): what its next order charges for
   * the subscription itself (no one-time item, no one-off discount), spread over the months one
   * billing covers (a week is 12/52 of a month), rounded half up; nothing unless active.
   */
  get mrrMinor(): number {
    if (this.status !== "ACTIVE") return 0;
    const frequency = this.setup.terms.frequencies[this.frequency];
    const perBilling = this.recurringUnitPriceOf(this.nextCycle) * this.quantity;
    const intervals = frequency.count * frequency.deliveries;
    const [numerator, denominator] = frequency.interval === "WEEK" ? [perBilling * 52, 12 * intervals] : [perBilling, intervals];
    return Math.floor((2 * numerator + denominator) / (2 * denominator));
  }

  /** One unit of the subscription line in cycle `cycle`: each delivery it pays for, at the intro price for the first orders, the plan's after. */
  private recurringUnitPriceOf(cycle: number): number {
    const { intro, frequencies } = this.setup.terms;
    const frequency = frequencies[this.frequency];
    const percent = intro && cycle < intro.orders ? intro.percentOff : frequency.percentOff;
    const variantPrice = this.variant === 0 ? this.setup.unitPriceMinor : this.setup.otherVariantPriceMinor;
    const perDelivery = Math.floor((variantPrice * (100 - percent) + 50) / 100);
    return perDelivery * frequency.deliveries;
  }

  /**
   * What the order of cycle `cycle` costs: each delivery it pays for at the intro price for the
   * first orders, the plan's after; any one-time item at the product's price; the cancellation
   * flow's discount, if taken, off each line.
   */
  priceOf(cycle: number): number {
    const lines = [
      { unit: this.recurringUnitPriceOf(cycle), quantity: this.quantity },
      ...(this.oneTimeItems ? [{ unit: this.setup.unitPriceMinor, quantity: this.oneTimeItems }] : []),
    ];
    const discounted = (unit: number) =>
      this.discountPercent === null ? unit : Math.floor((unit * (100 - this.discountPercent) + 50) / 100);
    return lines.reduce((sum, line) => sum + discounted(line.unit) * line.quantity, 0);
  }

  private recordUncharged(cycle: number, reason: UnchargedReason) {
    this.uncharged.push({ cycle, reason });
    this.lastRecorded = cycle;
  }

  private charge(cycle: number) {
    this.charges.push({ cycle, date: this.cycleDate(cycle), amountMinor: this.priceOf(cycle) });
    this.discountPercent = null;
    this.oneTimeItems = 0;
    this.ordersPaid += 1;
    this.lastRecorded = cycle;
  }

  /** After cycle `cycle` was charged or passed: the next one, or the end of the commitment. */
  private moveOn(cycle: number) {
    this.nextCycle = cycle + 1;
    if (this.lastCycle !== null && this.nextCycle > this.lastCycle) this.status = "EXPIRED";
  }

  /** The worker runs through the next order's date: it is charged (a failed payment is retried a day later, and succeeds). */
  billNextOrder(): { chargedAt: Date; retriedAt: Date | null } {
    const cycle = this.nextCycle;
    const due = this.cycleDate(cycle);
    const skipped = this.skippedAhead.get(cycle);
    if (skipped) {
      // Nothing is charged, so a card set to be declined is declined on the next order charged.
      this.recordUncharged(cycle, skipped);
      this.moveOn(cycle);
      return { chargedAt: due, retriedAt: null };
    }
    const retriedAt = this.failNextCharge ? daysAfter(due, 1, this.setup.zone) : null;
    this.failNextCharge = false;
    this.charge(cycle);
    this.moveOn(cycle);
    return { chargedAt: due, retriedAt };
  }

  /**
   * Orchard was not running while cycles fell due; it comes back at `now`. One order due, however
   * late, is charged. Several: never a burst; as the merchant chose, the latest is charged once, or
   * none is.
   */
  catchUp(now: Date) {
    const due: number[] = [];
    for (let cycle = this.nextCycle; this.cycleDate(cycle) <= now; cycle += 1) {
      if (this.lastCycle !== null && cycle > this.lastCycle) break;
      due.push(cycle);
    }
    if (due.length === 0) return;
    const latest = due[due.length - 1]!;
    for (const cycle of due) {
      const skipped = this.skippedAhead.get(cycle);
      if (skipped) this.recordUncharged(cycle, skipped);
      else if (cycle === latest && (due.length === 1 || this.setup.missedCycles === "chargeLatest")) this.charge(cycle);
      else this.recordUncharged(cycle, "missed");
    }
    this.moveOn(latest);
    if (this.status === "ACTIVE") {
      // The next order is the first still ahead.
      while (this.cycleDate(this.nextCycle) <= now) this.nextCycle += 1;
    }
  }

  /** The next order is skipped; a customer only once the plan's minimum is paid, a merchant any time (waiving it). */
  skip(by: "customer" | "merchant"): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    if (by === "customer" && this.ordersOwed > 0) return "ordersOwed";
    this.recordUncharged(this.nextCycle, by === "customer" ? "customer_skip" : "merchant_skip");
    this.moveOn(this.nextCycle);
    return null;
  }

  /**
   * The order `ahead` orders after the next is skipped ahead of time: one of the five after the
   * next, within the plan's last, not skipped yet; a customer only once the plan's minimum is paid.
   */
  skipAhead(by: "customer" | "merchant", ahead: number): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    if (by === "customer" && this.ordersOwed > 0) return "ordersOwed";
    const cycle = this.nextCycle + ahead;
    if (ahead < 1 || ahead > 5 || (this.lastCycle !== null && cycle > this.lastCycle) || this.skippedAhead.has(cycle)) return "notAllowed";
    this.skippedAhead.set(cycle, by === "customer" ? "customer_skip" : "merchant_skip");
    return null;
  }

  /** A skip ahead of time taken back (the order `ahead` after the next, 0 for the next itself). */
  unskipAhead(ahead: number): Refusal | null {
    if (this.status !== "ACTIVE" || !this.skippedAhead.delete(this.nextCycle + ahead)) return "notAllowed";
    return null;
  }

  /** Paused until resumed, or for `months` months from `now` (the same wall-clock time, the day kept where the month has it). */
  pause(until: { now: Date; months: number } | null = null): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    this.status = "PAUSED";
    // The pause moves every later order: what was skipped ahead of time is forgotten.
    this.skippedAhead.clear();
    if (until) {
      const start = wallClock(until.now, this.cadence.zone);
      this.resumeAt = instantOf(
        later(start, { interval: "MONTH", count: 1, deliveries: 1, percentOff: 0 }, until.months, start.day),
        this.cadence.zone,
      );
    }
    return null;
  }

  /** When a pause for some months ends by itself, or null. */
  resumeAt: Date | null = null;

  /** Time passed to `now`: a pause that ended meanwhile is over (Orchard resumes it when it looks, at `now`). */
  timePassed(now: Date) {
    if (this.status === "PAUSED" && this.resumeAt && this.resumeAt <= now) this.resume(now);
  }

  /** Back on the old cadence: the first of its dates after now (and after the last cycle recorded); the paused ones are not owed. */
  resume(now: Date): Refusal | null {
    if (this.status !== "PAUSED") return "notAllowed";
    this.status = "ACTIVE";
    this.resumeAt = null;
    const after = Math.max(now.getTime(), this.lastRecorded >= this.cadence.fromCycle ? this.cycleDate(this.lastRecorded).getTime() : 0);
    let onCadence = this.nextCycle;
    while (this.cycleDate(onCadence).getTime() <= after) onCadence += 1;
    // The cadence's dates are kept; the numbering carries on from the last cycle recorded.
    this.cadence = { ...this.cadence, fromCycle: this.cadence.fromCycle - (onCadence - (this.lastRecorded + 1)) };
    this.nextCycle = this.lastRecorded + 1;
    return null;
  }

  cancel(): Refusal | null {
    if (this.status !== "ACTIVE" && this.status !== "PAUSED") return "notAllowed";
    if (this.ordersOwed > 0) return "ordersOwed";
    this.status = "CANCELLED";
    return null;
  }

  /** The next order keeps its date; the ones after it follow the new frequency (and its price). */
  changeFrequency(): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    this.frequency = this.frequency === 0 ? 1 : 0;
    const next = this.cycleDate(this.nextCycle);
    this.cadence = {
      from: next,
      fromCycle: this.nextCycle,
      frequency: this.setup.terms.frequencies[this.frequency],
      zone: this.cadence.zone,
    };
    return null;
  }

  changeQuantity(quantity: number): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    this.quantity = quantity;
    return null;
  }

  /** The merchant moves the subscription to the product's other variant, at its price on the same plan. */
  swapVariant(): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    this.variant = this.variant === 0 ? 1 : 0;
    return null;
  }

  addOneTime(quantity: number): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    this.oneTimeItems += quantity;
    return null;
  }

  /**
   * The next order moves to a day `days` after today (the shop's calendar), at the hour it was
   * due; the orders after it follow from there. The shop's today, given the life's now.
   */
  reschedule(now: Date, days: number): Refusal | null {
    if (this.status !== "ACTIVE") return "notAllowed";
    const today = wallClock(now, this.cadence.zone);
    const time = wallClock(this.cycleDate(this.nextCycle), this.cadence.zone);
    const day = calendarDaysAfter(today, days);
    const from = instantOf({ ...time, year: day.year, month: day.month, day: day.day }, this.cadence.zone);
    this.cadence = { ...this.cadence, from, fromCycle: this.nextCycle };
    return null;
  }

  /** The shop's calendar day `days` after `now`, as a reschedule form sends it. */
  dayAfter(now: Date, days: number): string {
    const day = calendarDaysAfter(wallClock(now, this.cadence.zone), days);
    return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  }

  /** The cancellation flow's discount: once, on the next order only. */
  acceptDiscount(percent: number): Refusal | null {
    if (this.status !== "ACTIVE" || this.discountTaken) return "notAllowed";
    this.discountTaken = true;
    this.discountPercent = percent;
    return null;
  }

  /** The next order keeps its instant; the later ones fall on the new zone's wall clock. */
  changeZone(zone: string) {
    if (zone === this.cadence.zone) return;
    if (this.status === "ACTIVE") {
      const next = this.cycleDate(this.nextCycle);
      this.cadence = { ...this.cadence, from: next, fromCycle: this.nextCycle, zone };
    } else {
      // Paused: no next order to keep; the cadence's first instant stays, read on the new wall clock.
      this.cadence = { ...this.cadence, zone };
    }
  }
}
