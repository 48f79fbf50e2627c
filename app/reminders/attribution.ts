const DAY_MS = 86_400_000;

/**
 * Which sent reminders an order converts, pure: the same customer ordering the reminded product
 * within the window after the send. Each reminder converts once, to the first such order.
 */
export interface SentReminder {
  id: string;
  productId: string;
  sentAt: Date;
  /** Days after the send in which an order counts; unbounded for the reminder whose link started the order. */
  windowDays: number;
}

export interface Conversion {
  reminderId: string;
  productId: string;
  revenueMinor: number;
}

export function conversionsOf(
  order: { orderedAt: Date; lines: { productId: string; revenueMinor: number }[] },
  sent: readonly SentReminder[],
): Conversion[] {
  const conversions: Conversion[] = [];
  for (const reminder of sent) {
    const after = order.orderedAt.getTime() - reminder.sentAt.getTime();
    const inWindow = after >= 0 && after <= reminder.windowDays * DAY_MS;
    const lines = order.lines.filter((line) => line.productId === reminder.productId);
    if (!inWindow || lines.length === 0) continue;
    conversions.push({
      reminderId: reminder.id,
      productId: reminder.productId,
      revenueMinor: lines.reduce((sum, line) => sum + line.revenueMinor, 0),
    });
  }
  return conversions;
}
