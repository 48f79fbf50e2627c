import { addDays, fromLocal, toLocal } from "../time/zoned";

/**
 * When a customer is about to run out, in the shop's time zone: the product lasts `intervalDays`
 * per unit bought (two bags last twice as long), the reminder goes `leadDays` before that, on the
 * local calendar day, at the shop's sending hour, never in the middle of the night.
 */
export interface ReminderTiming {
  intervalDays: number;
  leadDays: number;
  /** 0–23, the local hour reminders go out. */
  sendHour: number;
}

/**
 * How far back a new rule looks for customers who bought the product before it existed: as far as
 * the supply of PAST_PURCHASE_UNITS units lasts (most orders of a consumable are of fewer), within
 * a year. Older buyers have run out, bought again, or gone.
 */
export const PAST_PURCHASE_UNITS = 3;
const DAY_MS = 86_400_000;

export function pastBuyersSince(now: Date, intervalDays: number): Date {
  return new Date(now.getTime() - Math.min(365, intervalDays * PAST_PURCHASE_UNITS) * DAY_MS);
}

export function reminderDueAt(orderedAt: Date, quantity: number, timing: ReminderTiming, timeZone: string): Date {
  const ordered = toLocal(orderedAt, timeZone);
  const daysUntil = Math.max(1, timing.intervalDays * Math.max(1, quantity) - timing.leadDays);
  const day = addDays(ordered, daysUntil);
  return fromLocal({ ...day, hour: timing.sendHour, minute: 0, second: 0 }, timeZone);
}
