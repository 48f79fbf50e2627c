import { db } from "../db.server";
import { listMemberships } from "../memberships/memberships.server";
import { loadProgram, referralFiguresBetween } from "../referrals/referrals.server";
import { cohortsFrom } from "./cohorts";
import type { DashboardRange } from "./dashboard-range";
import { cancellationReport } from "./cancellations";
import { readFigures } from "./figures.server";
import { monthOf, monthsBetween, monthStart, movementsFrom, shiftMonth, type MonthKey } from "./movements";
import { retentionSummary, type Rate } from "./rates";
import { revenueByMonth } from "./revenue-mix";

type StoredMonths = Awaited<ReturnType<typeof readFigures>>["months"];

/**
 * The retention dashboard for the last `months` calendar months in the shop's time zone (the
 * current one included), with the same length of time before it for comparison. Subscriptions in
 * a currency other than the shop's are counted apart until their orders' rates are recorded.
 */
export async function retentionDashboard(shop: string, months: DashboardRange, now: Date) {
  const figures = await readFigures(shop);
  const { timeZone } = figures;
  const last = monthOf(now, timeZone);
  const first = shiftMonth(last, 1 - months);
  const previousFirst = shiftMonth(first, -months);
  const from = monthStart(first, timeZone);
  const previousFrom = monthStart(previousFirst, timeZone);
  const [referrals, previousReferrals, program, memberships] = await Promise.all([
    referralFiguresBetween(shop, from, null),
    referralFiguresBetween(shop, previousFrom, from),
    loadProgram(shop),
    listMemberships(shop),
  ]);
  const [repeatPurchase, previousRepeatPurchase, claims, previousClaims, reminders, previousReminders, cancellations] = await Promise.all([
    repeatPurchaseRate(shop, from, now),
    repeatPurchaseRate(shop, previousFrom, from),
    claimsFiled(shop, from, now),
    claimsFiled(shop, previousFrom, from),
    reminderFigures(shop, from, now),
    reminderFigures(shop, previousFrom, from),
    db().retentionEvent.findMany({
      where: { shop, createdAt: { gte: from, lte: now } },
      select: { contractId: true, reason: true, offer: true, outcome: true, mrrKeptMinor: true },
    }),
  ]);
  const movements = movementsFrom(figures.months, first, last);
  const previous = movementsFrom(figures.months, previousFirst, shiftMonth(first, -1));
  return {
    currencyCode: figures.currencyCode,
    pausedSubscribers: figures.pausedSubscribers,
    hasHistory: figures.months.size > 0,
    otherCurrencySubscriptions: figures.otherCurrencyContracts,
    movements,
    summary: retentionSummary(movements),
    previousSummary: retentionSummary(previous),
    cohorts: cohortsFrom(figures.months, figures.cohortCells, first, last),
    revenue: revenueByMonth(figures.months, first, last),
    repeatPurchase,
    previousRepeatPurchase,
    addOns: addOnFigures(figures.months, first, last, claims),
    previousAddOns: addOnFigures(figures.months, previousFirst, shiftMonth(first, -1), previousClaims),
    reminders,
    previousReminders,
    cancellations: cancellationReport(cancellations),
    // Shown once the merchant has a program, or referrals from one they turned off still count.
    referrals:
      program.enabled || referrals.referrals + previousReferrals.referrals > 0 ? { now: referrals, before: previousReferrals } : null,
    // Members and MRR now, per tier (docs/metrics.md, "Membership tiers").
    tiers: memberships.flatMap((membership) =>
      membership.tiers.map((tier) => ({
        name: `${membership.name} · ${tier.name}`,
        members: tier.members,
        mrrMinor: tier.mrrMinor,
        currencyCode: tier.currencyCode,
      })),
    ),
  };
}

/**
 * Repeat purchase rate (docs/metrics.md): of the customers whose first one-off purchase falls in
 * the period, the share who ordered again after it and before the period ended.
 */
async function repeatPurchaseRate(shop: string, from: Date, to: Date): Promise<Rate> {
  const firstBoughtIn = { shop, firstOneOffAt: { gte: from, lte: to } };
  const [buyers, returned] = await Promise.all([
    db().repeatBuyer.count({ where: firstBoughtIn }),
    db().repeatBuyer.count({ where: { ...firstBoughtIn, returnedAt: { lte: to } } }),
  ]);
  return { numerator: returned, denominator: buyers };
}

/**
 * Protection in the months from `first` to `last`: attach rate (protected units ÷ units of covered
 * products sold), revenue, and claims filed per protected unit sold.
 */
function addOnFigures(months: StoredMonths, first: MonthKey, last: MonthKey, claims: number) {
  const sold = { protectionMinor: 0, protectedUnits: 0, eligibleUnits: 0 };
  for (const month of monthsBetween(first, last)) {
    const sums = months.get(month);
    sold.protectionMinor += sums?.protectionMinor ?? 0;
    sold.protectedUnits += sums?.protectedUnits ?? 0;
    sold.eligibleUnits += sums?.eligibleUnits ?? 0;
  }
  return {
    revenueMinor: sold.protectionMinor,
    attachRate: { numerator: sold.protectedUnits, denominator: sold.eligibleUnits },
    claimsRate: { numerator: claims, denominator: sold.protectedUnits },
  };
}

function claimsFiled(shop: string, from: Date, to: Date): Promise<number> {
  return db().protectionClaim.count({ where: { shop, createdAt: { gte: from, lt: to } } });
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
