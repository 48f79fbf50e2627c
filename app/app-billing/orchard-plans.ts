/**
 * Orchard's own pricing, as merchants see it on the app store listing and the Plan page. Pure: the
 * rules that decide what a shop may do on its plan, with no I/O.
 *
 * - Free: every feature, for up to FREE_SUBSCRIBER_LIMIT active subscribers. At the limit the
 *   storefront stops offering subscriptions and paused ones cannot be resumed until the merchant
 *   upgrades; nothing already sold is ever cancelled or left unbilled.
 * - Growth: unlimited subscribers and what-if pricing, billed by Shopify every 30 days after a free
 *   trial. A merchant's trial days are counted once: a later subscription gets what is left.
 */
export type OrchardPlan = "free" | "growth";

export const FREE_SUBSCRIBER_LIMIT = 25;

export const GROWTH_PLAN = {
  /** The name Shopify shows on the approval page and the merchant's bill; it also identifies the plan. */
  name: "Orchard Growth",
  priceMinor: 4900,
  currencyCode: "USD",
  interval: "EVERY_30_DAYS",
  trialDays: 14,
} as const;

export type PaidFeature = "unlimitedSubscribers" | "whatIfPricing";

const FEATURES: Record<OrchardPlan, ReadonlySet<PaidFeature>> = {
  free: new Set(),
  growth: new Set(["unlimitedSubscribers", "whatIfPricing"]),
};

export const hasFeature = (plan: OrchardPlan, feature: PaidFeature): boolean => FEATURES[plan].has(feature);

/** How many active subscribers the plan allows; null for no limit. */
export const subscriberLimit = (plan: OrchardPlan): number | null =>
  hasFeature(plan, "unlimitedSubscribers") ? null : FREE_SUBSCRIBER_LIMIT;

/** Whether one more customer may become an active subscriber (a new sign-up or a resume). */
export function canAddSubscriber(plan: OrchardPlan, activeSubscribers: number): boolean {
  const limit = subscriberLimit(plan);
  return limit === null || activeSubscribers < limit;
}

/** An app subscription as Shopify's Billing API lists it (currentAppInstallation.activeSubscriptions). */
export interface ShopifyAppSubscription {
  id: string;
  name: string;
  status: string;
  test: boolean;
  trialDays: number;
  createdAt: string;
}

export interface PlanState {
  plan: OrchardPlan;
  appSubscriptionId: string | null;
  test: boolean;
  trialEndsAt: Date | null;
}

/**
 * The plan Shopify says the shop pays for: Growth while an active subscription of that name
 * exists, Free otherwise (none, declined, cancelled, frozen for non-payment, or expired).
 */
export function planFromShopify(active: ShopifyAppSubscription[]): PlanState {
  const growth = active.find((s) => s.status === "ACTIVE" && s.name === GROWTH_PLAN.name);
  if (!growth) return { plan: "free", appSubscriptionId: null, test: false, trialEndsAt: null };
  const trialEndsAt = growth.trialDays > 0 ? new Date(new Date(growth.createdAt).getTime() + growth.trialDays * DAY_MS) : null;
  return { plan: "growth", appSubscriptionId: growth.id, test: growth.test, trialEndsAt };
}

const DAY_MS = 86_400_000;

/** The free days a new subscription gets: the trial's length, less the days of earlier trials already used. */
export function trialDaysOffered(trialStartedAt: Date | null, now: Date): number {
  if (!trialStartedAt) return GROWTH_PLAN.trialDays;
  const used = Math.floor((now.getTime() - trialStartedAt.getTime()) / DAY_MS);
  return Math.max(0, GROWTH_PLAN.trialDays - used);
}

/** Whole days left of a trial (a part day counts as a day), 0 once it has ended. */
export function trialDaysLeft(trialEndsAt: Date | null, now: Date): number {
  if (!trialEndsAt) return 0;
  return Math.max(0, Math.ceil((trialEndsAt.getTime() - now.getTime()) / DAY_MS));
}
