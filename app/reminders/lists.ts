/** The reminder lists the merchant reads, pure: which statuses each tab shows, and what a sent reminder came to. */
export const REMINDER_TABS = ["upcoming", "sent", "ended"] as const;
export type ReminderTab = (typeof REMINDER_TABS)[number];
export const TAB_STATUSES: Record<ReminderTab, string[]> = { upcoming: ["scheduled"], sent: ["sent"], ended: ["cancelled", "skipped"] };

/** What the merchant reads for a sent reminder: the furthest it got. */
export function sentOutcome(reminder: { convertedAt: Date | null; reason: string | null; clickedAt: Date | null }) {
  if (reminder.convertedAt) return "converted" as const;
  if (reminder.reason === "unsubscribed") return "unsubscribed" as const;
  if (reminder.clickedAt) return "opened" as const;
  return "sent" as const;
}
