import { clock } from "../clock";
import { config } from "../config.server";
import { db } from "../db.server";
import { decimalFromMinor } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { setAppDataMetafield } from "../shopify/app-data-metafields";
import { AppSubscriptionCancel, AppSubscriptionCreate, CurrentAppPlan } from "./app-subscriptions.queries";
import {
  canAddSubscriber,
  GROWTH_PLAN,
  hasFeature,
  planFromShopify,
  subscriberLimit,
  trialDaysOffered,
  type OrchardPlan,
  type PaidFeature,
} from "./orchard-plans";

/**
 * Orchard's own plan with each merchant, through Shopify's Billing API. Shopify is the record:
 * Orchard mirrors currentAppInstallation.activeSubscriptions into the shop's row after an install,
 * an approval (the returnUrl) and every app_subscriptions/update, and reads only the mirror to gate
 * features, on the server, in every route and job that would go past the plan.
 */

/** Reads the shop's subscriptions from Shopify and mirrors the plan they pay for; returns it. */
export async function syncAppPlan(admin: AdminClient): Promise<OrchardPlan> {
  const data = await admin.request(CurrentAppPlan);
  const state = planFromShopify(data.currentAppInstallation.activeSubscriptions);
  const subscription = data.currentAppInstallation.activeSubscriptions.find((s) => s.id === state.appSubscriptionId);
  const trialStart = subscription && subscription.trialDays > 0 ? new Date(String(subscription.createdAt)) : null;
  const shop = await db().shop.findUnique({ where: { domain: admin.shop }, select: { appTrialStartedAt: true } });
  await db().shop.updateMany({
    where: { domain: admin.shop },
    data: {
      appPlan: state.plan,
      appSubscriptionId: state.appSubscriptionId,
      appPlanTest: state.test,
      appTrialEndsAt: state.trialEndsAt,
      partnerDevelopment: data.shop.plan.partnerDevelopment,
      // The first trial is the one that counts.
      ...(trialStart && !shop?.appTrialStartedAt ? { appTrialStartedAt: trialStart } : {}),
    },
  });
  await applySubscriberLimit(admin);
  return state.plan;
}

/** Where Shopify sends the merchant back after they approve: Orchard's Plan page inside their admin. */
function planPageUrl(shop: string): string {
  const { SHOPIFY_SIMULATOR_URL, SHOPIFY_API_KEY } = config();
  const store = shop.replace(/\.myshopify\.com$/, "");
  const admin = SHOPIFY_SIMULATOR_URL
    ? new URL(`/store/${store}`, SHOPIFY_SIMULATOR_URL).toString()
    : `https://admin.shopify.com/store/${store}`;
  return `${admin}/apps/${SHOPIFY_API_KEY}/app/plan`;
}

/**
 * Asks Shopify for the Growth subscription; returns the page where the merchant approves it.
 * Development stores get a test charge (they cannot be billed); a merchant who had a trial before
 * gets the days left of it.
 */
export async function requestGrowthPlan(admin: AdminClient): Promise<string> {
  const shop = await db().shop.findUniqueOrThrow({ where: { domain: admin.shop } });
  const result = await admin.request(AppSubscriptionCreate, {
    name: GROWTH_PLAN.name,
    returnUrl: planPageUrl(admin.shop),
    trialDays: trialDaysOffered(shop.appTrialStartedAt, clock().now()),
    test: shop.partnerDevelopment,
    lineItems: [
      {
        plan: {
          appRecurringPricingDetails: {
            price: { amount: decimalFromMinor(GROWTH_PLAN.priceMinor), currencyCode: GROWTH_PLAN.currencyCode },
            interval: GROWTH_PLAN.interval,
          },
        },
      },
    ],
  });
  const url = result.appSubscriptionCreate?.confirmationUrl;
  if (!url) throw new Error("appSubscriptionCreate answered without a confirmation URL");
  return String(url);
}

/** Back to Free: Shopify stops billing at once; every plan, subscription and setting stays. */
export async function cancelGrowthPlan(admin: AdminClient): Promise<void> {
  const shop = await db().shop.findUniqueOrThrow({ where: { domain: admin.shop } });
  if (shop.appSubscriptionId) await admin.request(AppSubscriptionCancel, { id: shop.appSubscriptionId });
  await syncAppPlan(admin);
}

/** Customers with at least one active subscription: what the free plan's limit counts (one indexed count, however many). */
export async function activeSubscriberCount(shop: string): Promise<number> {
  const [row] = await db().$queryRaw<{ subscribers: bigint | number }[]>`
    SELECT COUNT(DISTINCT "customerId") AS subscribers FROM "SubscriptionContract" WHERE "shop" = ${shop} AND "status" = 'ACTIVE'`;
  return Number(row?.subscribers ?? 0);
}

export interface PlanUsage {
  plan: OrchardPlan;
  activeSubscribers: number;
  limit: number | null;
  canAddSubscriber: boolean;
  test: boolean;
  trialEndsAt: Date | null;
  partnerDevelopment: boolean;
  trialDaysOffered: number;
}

export async function planUsage(shop: string): Promise<PlanUsage> {
  const row = await db().shop.findUnique({ where: { domain: shop } });
  const plan = (row?.appPlan ?? "free") as OrchardPlan;
  const activeSubscribers = await activeSubscriberCount(shop);
  return {
    plan,
    activeSubscribers,
    limit: subscriberLimit(plan),
    canAddSubscriber: canAddSubscriber(plan, activeSubscribers),
    test: row?.appPlanTest ?? false,
    trialEndsAt: row?.appTrialEndsAt ?? null,
    partnerDevelopment: row?.partnerDevelopment ?? false,
    trialDaysOffered: trialDaysOffered(row?.appTrialStartedAt ?? null, clock().now()),
  };
}

export async function shopHasFeature(shop: string, feature: PaidFeature): Promise<boolean> {
  const row = await db().shop.findUnique({ where: { domain: shop }, select: { appPlan: true } });
  return hasFeature((row?.appPlan ?? "free") as OrchardPlan, feature);
}

/**
 * Opens or closes the storefront's subscribe offer to match the plan: a free shop at its limit
 * stops offering subscriptions until a subscriber leaves or the merchant upgrades. Written only
 * when it changes.
 */
export async function applySubscriberLimit(admin: AdminClient): Promise<void> {
  const shop = await db().shop.findUnique({ where: { domain: admin.shop }, select: { appPlan: true, subscriptionOfferOpen: true } });
  if (!shop) return;
  // Every contract webhook comes here: a plan without a limit needs no count.
  const limit = subscriberLimit(shop.appPlan as OrchardPlan);
  const open = limit === null || (await activeSubscriberCount(admin.shop)) < limit;
  if (shop.subscriptionOfferOpen === open) return;
  await setAppDataMetafield(admin, { namespace: "subscriptions", key: "limit_reached", type: "boolean", value: String(!open) });
  await db().shop.update({ where: { domain: admin.shop }, data: { subscriptionOfferOpen: open } });
}

/** Whether the customer may become (or already is) an active subscriber under the shop's plan. */
export async function roomForSubscriber(shop: string, customerId: string | null): Promise<boolean> {
  const usage = await planUsage(shop);
  if (usage.canAddSubscriber) return true;
  if (!customerId) return false;
  return (await db().subscriptionContract.count({ where: { shop, customerId, status: "ACTIVE" } })) > 0;
}

/** What the storefront and checkout were last told: whether the shop takes new subscribers. */
export async function subscriptionOfferOpen(shop: string): Promise<boolean> {
  const row = await db().shop.findUnique({ where: { domain: shop }, select: { subscriptionOfferOpen: true } });
  return row?.subscriptionOfferOpen ?? true;
}
