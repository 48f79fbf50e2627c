import { db } from "../db.server";
import { findShop } from "../shops/shops.server";
import { cohortRetention } from "./cohorts";
import type { DashboardRange } from "./dashboard-range";
import { cancellationReport } from "./cancellations";
import { monthOf, monthStart, mrrMovements, shiftMonth } from "./movements";
import { retentionSummary } from "./rates";
import { repeatPurchaseRate, revenueByMonth } from "./revenue-mix";

/**
 * The retention dashboard for the last `months` calendar months in the shop's time zone (the
 * current one included), with the same length of time before it for comparison. Subscriptions in
 * a currency other than the shop's are counted apart until their orders' rates are recorded.
 */
export async function retentionDashboard(shop: string, months: DashboardRange, now: Date) {
  const shopRecord = await findShop(shop);
  const timeZone = shopRecord?.ianaTimezone ?? "UTC";
  const currencyCode = shopRecord?.currencyCode ?? "USD";
  const [changes, otherCurrency] = await Promise.all([
    db().mrrChange.findMany({
      where: { shop, currencyCode },
      orderBy: { id: "asc" },
      select: { contractId: true, customerId: true, at: true, mrrMinor: true },
    }),
    db().mrrChange.groupBy({ by: ["contractId"], where: { shop, NOT: { currencyCode } } }),
  ]);
  const last = monthOf(now, timeZone);
  const first = shiftMonth(last, 1 - months);
  const from = monthStart(first, timeZone);
  const previousFrom = monthStart(shiftMonth(first, -months), timeZone);
  const movements = mrrMovements(changes, timeZone, first, last);
  const previous = mrrMovements(changes, timeZone, shiftMonth(first, -months), shiftMonth(first, -1));
  const [orders, addOns, previousAddOns, reminders, previousReminders, cancellations] = await Promise.all([
    paidOrders(shop, now),
    addOnFigures(shop, from, now),
    addOnFigures(shop, previousFrom, from),
    reminderFigures(shop, from, now),
    reminderFigures(shop, previousFrom, from),
    db().retentionEvent.findMany({
      where: { shop, createdAt: { gte: from, lte: now } },
      select: { contractId: true, reason: true, offer: true, outcome: true },
    }),
  ]);
  return {
    currencyCode,
    hasHistory: changes.length > 0 || orders.length > 0,
    otherCurrencySubscriptions: otherCurrency.length,
    movements,
    summary: retentionSummary(movements),
    previousSummary: retentionSummary(previous),
    cohorts: cohortRetention(changes, timeZone, first, last),
    revenue: revenueByMonth(orders, timeZone, first, last),
    repeatPurchase: repeatPurchaseRate(orders, from, now),
    previousRepeatPurchase: repeatPurchaseRate(orders, previousFrom, from),
    addOns,
    previousAddOns,
    reminders,
    previousReminders,
    cancellations: cancellationReport(cancellations),
  };
}

/** Every paid order's revenue by kind (the repeat rate needs each customer's earlier orders too). */
async function paidOrders(shop: string, until: Date) {
  const orders = await db().order.findMany({
    where: { shop, cancelled: false, processedAt: { lte: until } },
    select: { customerId: true, processedAt: true, recurringMinor: true, oneOffMinor: true },
  });
  return orders.map((o) => ({ customerId: o.customerId, at: o.processedAt, recurringMinor: o.recurringMinor, oneOffMinor: o.oneOffMinor }));
}

/**
 * Protection in a period: attach rate (protected units ÷ units of covered products sold), revenue,
 * and claims filed per protected unit sold.
 */
async function addOnFigures(shop: string, from: Date, to: Date) {
  const [sold, claims] = await Promise.all([
    db().order.aggregate({
      where: { shop, cancelled: false, processedAt: { gte: from, lt: to } },
      _sum: { protectionMinor: true, protectedUnits: true, eligibleUnits: true },
    }),
    db().protectionClaim.count({ where: { shop, createdAt: { gte: from, lt: to } } }),
  ]);
  const protectedUnits = sold._sum.protectedUnits ?? 0;
  return {
    revenueMinor: sold._sum.protectionMinor ?? 0,
    attachRate: { numerator: protectedUnits, denominator: sold._sum.eligibleUnits ?? 0 },
    claimsRate: { numerator: claims, denominator: protectedUnits },
  };
}

/** Reorder reminders sent in a period, and what came of them. */
async function reminderFigures(shop: string, from: Date, to: Date) {
  const sentIn = { shop, status: "sent", sentAt: { gte: from, lt: to } };
  const [sent, clicked, orders, subscriptions, revenue] = await Promise.all([
    db().reminder.count({ where: sentIn }),
    db().reminder.count({ where: { ...sentIn, clickedAt: { not: null } } }),
    db().reminder.count({ where: { ...sentIn, conversionKind: "order" } }),
    db().reminder.count({ where: { ...sentIn, conversionKind: "subscription" } }),
    db().reminder.aggregate({ where: { ...sentIn, convertedAt: { not: null } }, _sum: { conversionRevenueMinor: true } }),
  ]);
  return {
    sent,
    clickThrough: { numerator: clicked, denominator: sent },
    conversion: { numerator: orders + subscriptions, denominator: sent },
    subscriptionsStarted: subscriptions,
    revenueMinor: revenue._sum.conversionRevenueMinor ?? 0,
  };
}
