import { clock } from "../clock";
import { db } from "../db.server";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { errorFields, shopLog } from "../logging/log.server";
import { loadSettings } from "./settings.server";
import type { AdminClient } from "../shopify/admin-client";
import { exceptShops, findShop, uninstalledShops } from "../shops/shops.server";
import { setContractStatus } from "./contract-edits.server";
import { publishNextBillingDate } from "./contracts.server";
import { cycleDueAt, scheduleOf } from "./billing-schedule";
import { plannedSkipOf, storedPlannedSkips } from "./planned-skips";

const DAY_MS = 86_400_000;
const MAX_NOTICE_DAYS = 14;

/**
 * "Your next order is on …", N days before each order (N from the shop's settings; 0 sends none).
 * Keyed by the order's date, so a rescheduled order is announced again and a repeated round adds
 * nothing. Candidates are read light (no lines) and only those to announce are loaded whole.
 */
export async function enqueueUpcomingOrderEmails(limit = 1_000): Promise<number> {
  const now = clock().now();
  const candidates = await db().subscriptionContract.findMany({
    where: {
      status: "ACTIVE",
      dunningCycle: null,
      nextBillingAt: { gt: now, lte: new Date(now.getTime() + MAX_NOTICE_DAYS * DAY_MS) },
      ...exceptShops(await uninstalledShops()),
    },
    select: { id: true, shop: true, nextBillingAt: true },
    orderBy: { nextBillingAt: "asc" },
    take: limit,
  });
  const keyOf = (c: (typeof candidates)[number]) => `upcoming:${c.id}:${c.nextBillingAt!.toISOString()}`;
  const sent = new Set(
    (await db().emailMessage.findMany({ where: { dedupeKey: { in: candidates.map(keyOf) } }, select: { dedupeKey: true } })).map(
      (m) => m.dedupeKey,
    ),
  );
  const settingsOf = new Map<string, Promise<number>>();
  const daysFor = (shop: string) => {
    if (!settingsOf.has(shop))
      settingsOf.set(
        shop,
        loadSettings(shop).then((s) => s.upcomingOrderDays),
      );
    return settingsOf.get(shop)!;
  };
  let enqueued = 0;
  for (const candidate of candidates) {
    if (sent.has(keyOf(candidate))) continue;
    const days = await daysFor(candidate.shop);
    const due = candidate.nextBillingAt!;
    if (days === 0 || due.getTime() - now.getTime() > days * DAY_MS) continue;
    const [contract, shop] = await Promise.all([
      db().subscriptionContract.findUniqueOrThrow({ where: { id: candidate.id }, include: { lines: true } }),
      findShop(candidate.shop),
    ]);
    if (!shop) continue;
    const cycle = cycleDueAt(scheduleOf(contract, shop.ianaTimezone), due);
    // An order skipped ahead of time is not coming: no reminder of it.
    if (plannedSkipOf(storedPlannedSkips(contract.plannedSkips), cycle)) continue;
    const data = emailDataFor(contract, shop, due, { cycle, date: due });
    if (await enqueueSubscriberEmail(db(), contract, "upcoming", due.toISOString(), data)) enqueued += 1;
  }
  return enqueued;
}

/** Pauses with an end (the cancellation flow's "pause for N months") end by themselves. */
export async function resumeDuePauses(adminFor: (shop: string) => Promise<AdminClient>, limit = 100): Promise<number> {
  const due = await db().subscriptionContract.findMany({
    where: { status: "PAUSED", resumeAt: { lte: clock().now() }, ...exceptShops(await uninstalledShops()) },
    take: limit,
  });
  let resumed = 0;
  for (const contract of due) {
    try {
      const admin = await adminFor(contract.shop);
      await setContractStatus(admin, contract.shopifyId, "activate");
      const after = await db().subscriptionContract.findUniqueOrThrow({ where: { id: contract.id } });
      await publishNextBillingDate(admin, contract.shopifyId, after.nextBillingAt);
      resumed += 1;
    } catch (error) {
      shopLog(contract.shop).error({ contract: contract.shopifyId, ...errorFields(error) }, "paused subscription could not resume");
    }
  }
  return resumed;
}
