import { monthOf, monthsBetween, type MonthKey } from "./movements";

/**
 * The balance Orchard exists to shift (docs/metrics.md): revenue from subscriptions against
 * revenue from one-off sales, month by month, and how many one-off buyers came back. Pure.
 */
export interface OrderForMix {
  customerId: string | null;
  at: Date;
  /** Line revenue in the shop's currency, after discounts; refunds already taken off. */
  recurringMinor: number;
  oneOffMinor: number;
}

export interface MonthRevenue {
  month: MonthKey;
  recurring: number;
  oneOff: number;
}

export function revenueByMonth(orders: OrderForMix[], timeZone: string, first: MonthKey, last: MonthKey): MonthRevenue[] {
  const months = new Map(monthsBetween(first, last).map((month) => [month, { month, recurring: 0, oneOff: 0 }]));
  for (const order of orders) {
    const month = months.get(monthOf(order.at, timeZone));
    if (!month) continue;
    month.recurring += order.recurringMinor;
    month.oneOff += order.oneOffMinor;
  }
  return [...months.values()];
}

/**
 * Repeat purchase rate: of the customers whose first one-off purchase falls in the period, the
 * share who ordered again (anything, a subscription included) after it and before the period ended.
 */
export function repeatPurchaseRate(orders: OrderForMix[], from: Date, to: Date): { numerator: number; denominator: number } {
  const byCustomer = new Map<string, OrderForMix[]>();
  for (const order of orders) {
    if (!order.customerId || order.at > to) continue;
    byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);
  }
  let buyers = 0;
  let returned = 0;
  for (const customerOrders of byCustomer.values()) {
    customerOrders.sort((a, b) => a.at.getTime() - b.at.getTime());
    const firstOneOff = customerOrders.find((o) => o.oneOffMinor > 0);
    if (!firstOneOff || firstOneOff.at < from) continue;
    buyers += 1;
    if (customerOrders.some((o) => o.at > firstOneOff.at)) returned += 1;
  }
  return { numerator: returned, denominator: buyers };
}
