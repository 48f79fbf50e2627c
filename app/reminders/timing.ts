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

export function reminderDueAt(orderedAt: Date, quantity: number, timing: ReminderTiming, timeZone: string): Date {
  const ordered = toLocal(orderedAt, timeZone);
  const daysUntil = Math.max(1, timing.intervalDays * Math.max(1, quantity) - timing.leadDays);
  const day = addDays(ordered, daysUntil);
  return fromLocal({ ...day, hour: timing.sendHour, minute: 0, second: 0 }, timeZone);
}
