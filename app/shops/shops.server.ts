import { clock } from "../clock";
import { db } from "../db.server";
import { shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopInfo } from "./shop-info.query";
import { StoreOverview } from "./store-overview.query";

/**
 * Called after every successful authentication: (re)installs bring the shop back to life. Returns
 * the time zone the shop had before when Shopify now reports another (schedules follow it).
 */
export async function recordInstall(admin: AdminClient, scopes: string): Promise<string | null> {
  const { shop } = await admin.request(ShopInfo);
  const before = await db().shop.findUnique({ where: { domain: admin.shop }, select: { ianaTimezone: true } });
  const fields = {
    name: shop.name,
    contactEmail: shop.contactEmail,
    ianaTimezone: shop.ianaTimezone,
    currencyCode: shop.currencyCode,
    storefrontUrl: shop.url,
    scopes,
    uninstalledAt: null,
  };
  await db().shop.upsert({
    where: { domain: admin.shop },
    create: { domain: admin.shop, installedAt: clock().now(), ...fields },
    update: fields,
  });
  return before && before.ianaTimezone !== shop.ianaTimezone ? before.ianaTimezone : null;
}

/**
 * app/uninstalled: the offline token is revoked by Shopify, so forget it at once. The shop's
 * background work stops from the next worker round (`uninstalledShops`): no charge, email or
 * reminder goes out for a shop that removed Orchard. Its data stays until Shopify's shop/redact,
 * 48 hours later, or `forgetUninstalledShops` if that never comes; a re-install in between
 * (recordInstall) picks up where the shop left off.
 */
export async function recordUninstall(shop: string): Promise<void> {
  await db().$transaction([
    db().session.deleteMany({ where: { shop } }),
    // Shopify cancels the app's charges with the uninstall (no app_subscriptions/update follows).
    db().shop.updateMany({
      where: { domain: shop },
      // A merchant who comes back starts again: on Free, with the setup guide in view.
      data: { uninstalledAt: clock().now(), appPlan: "free", appSubscriptionId: null, appTrialEndsAt: null, setupGuideHidden: false },
    }),
  ]);
}

/** Shops whose work waits: they uninstalled Orchard and did not come back (yet). */
export async function uninstalledShops(): Promise<string[]> {
  const shops = await db().shop.findMany({ where: { uninstalledAt: { not: null } }, select: { domain: true } });
  return shops.map((s) => s.domain);
}

/** A where-clause part that leaves out the given shops' rows (none to leave out: no clause). */
export function exceptShops(shops: string[]): { shop?: { notIn: string[] } } {
  return shops.length ? { shop: { notIn: shops } } : {};
}

/** Shopify sends shop/redact 48 hours after an uninstall; Orchard forgets the shop then even if the webhook is lost. */
export const DATA_KEPT_AFTER_UNINSTALL_MS = 48 * 3_600_000;

/** Forgets every shop uninstalled longer ago than Shopify's 48 hours and not re-installed; returns how many. */
export async function forgetUninstalledShops(): Promise<number> {
  const gone = await db().shop.findMany({
    where: { uninstalledAt: { lte: new Date(clock().now().getTime() - DATA_KEPT_AFTER_UNINSTALL_MS) } },
    select: { domain: true },
  });
  for (const { domain } of gone) await forgetShop(domain);
  return gone.length;
}

/**
 * app/scopes_update: keep the stored scopes in step with what the merchant granted. Deliveries can
 * arrive out of order, so an update older than the one already applied is ignored.
 */
export async function recordScopesUpdate(shop: string, scopes: string[], grantedAt: Date): Promise<void> {
  const scope = scopes.join(",");
  await db().$transaction(async (tx) => {
    const newer = await tx.shop.count({ where: { domain: shop, scopesUpdatedAt: { gt: grantedAt } } });
    if (newer > 0) return;
    await tx.session.updateMany({ where: { shop }, data: { scope } });
    await tx.shop.updateMany({ where: { domain: shop }, data: { scopes: scope, scopesUpdatedAt: grantedAt } });
  });
}

export async function findShop(domain: string) {
  return db().shop.findUnique({ where: { domain } });
}

/** The shop's time zone, in which its days and months are counted (UTC for a shop Orchard does not know). */
export async function shopTimeZone(domain: string): Promise<string> {
  return (await findShop(domain))?.ianaTimezone ?? "UTC";
}

export interface StoreOverview {
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  activeProducts: number;
  collections: number;
}

export async function loadStoreOverview(admin: AdminClient): Promise<StoreOverview> {
  const data = await admin.request(StoreOverview);
  return {
    name: data.shop.name,
    currencyCode: data.shop.currencyCode,
    ianaTimezone: data.shop.ianaTimezone,
    activeProducts: data.productsCount?.count ?? 0,
    collections: data.collectionsCount?.count ?? 0,
  };
}

/**
 * shop/redact, which Shopify schedules at the uninstall and may deliver late (its retries, the
 * inbox): the shop's data goes only while the shop is still uninstalled. A merchant who installed
 * Orchard again meanwhile keeps everything: their live subscriptions are not the uninstall's.
 */
export async function redactShop(shop: string): Promise<void> {
  const record = await db().shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true } });
  if (record && record.uninstalledAt === null) {
    shopLog(shop).warn("shop/redact after a new install: nothing deleted");
    return;
  }
  await forgetShop(shop);
}

/**
 * Removes every row Orchard holds for the shop, in one transaction. Each table with a
 * shop column is listed here (tests/integration/shop-redact.test.ts fails for one left out);
 * contract lines and billing attempts go with their contracts, claims with their registrations.
 * The shop/redact delivery itself stays: the inbox is still working on it.
 */
export async function forgetShop(shop: string): Promise<void> {
  const where = { where: { shop } };
  await db().$transaction([
    db().session.deleteMany(where),
    db().webhookDelivery.deleteMany({ where: { shop, NOT: { topic: "SHOP_REDACT" } } }),
    db().subscriptionContract.deleteMany(where),
    db().billingAttempt.deleteMany(where),
    db().subscriptionPlan.deleteMany(where),
    db().shopSettings.deleteMany(where),
    db().emailMessage.deleteMany(where),
    db().mrrChange.deleteMany(where),
    db().domainEvent.deleteMany(where),
    db().portalSignIn.deleteMany(where),
    db().order.deleteMany(where),
    db().retentionEvent.deleteMany(where),
    db().retentionFigures.deleteMany(where),
    db().retentionMonth.deleteMany(where),
    db().retentionCohortCell.deleteMany(where),
    db().repeatBuyer.deleteMany(where),
    db().backfill.deleteMany(where),
    db().customerDataRequest.deleteMany(where),
    db().protectionClaim.deleteMany(where),
    db().protectionRegistration.deleteMany(where),
    db().protectionOffer.deleteMany(where),
    db().partnerStatement.deleteMany(where),
    db().partner.deleteMany(where),
    db().referralCredit.deleteMany(where),
    db().referral.deleteMany(where),
    db().referralCode.deleteMany(where),
    db().referralProgram.deleteMany(where),
    db().membershipMember.deleteMany(where),
    db().membershipTier.deleteMany(where),
    db().membership.deleteMany(where),
    db().reminder.deleteMany(where),
    db().pastBuyerImport.deleteMany(where),
    db().reminderRule.deleteMany(where),
    db().reminderSettings.deleteMany(where),
    db().reminderOptOut.deleteMany(where),
    db().flowTriggerUse.deleteMany(where),
    db().flowTriggerRun.deleteMany(where),
    db().flowActionRun.deleteMany(where),
    db().klaviyoEvent.deleteMany(where),
    db().klaviyoConnection.deleteMany(where),
    db().shop.deleteMany({ where: { domain: shop } }),
  ]);
}
