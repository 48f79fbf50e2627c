import { db } from "../db.server";
import { findShop } from "../shops/shops.server";
import { cohortRetention } from "./cohorts";
import type { DashboardRange } from "./dashboard-range";
import { monthOf, mrrMovements, shiftMonth } from "./movements";
import { retentionSummary } from "./rates";

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
  const movements = mrrMovements(changes, timeZone, first, last);
  const previous = mrrMovements(changes, timeZone, shiftMonth(first, -months), shiftMonth(first, -1));
  return {
    currencyCode,
    hasHistory: changes.length > 0,
    otherCurrencySubscriptions: otherCurrency.length,
    movements,
    summary: retentionSummary(movements),
    previousSummary: retentionSummary(previous),
    cohorts: cohortRetention(changes, timeZone, first, last),
  };
}
