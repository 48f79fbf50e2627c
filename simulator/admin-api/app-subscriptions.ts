import { decimalFromMinor } from "../../app/money";
import { gid, minorFromDecimal, parseGid } from "../ids";
import type { AppSubscriptionLineRecord, AppSubscriptionRecord, AppSubscriptionStatus, ShopRecord, Store } from "../store";
import { connection, type ConnectionArgs } from "./connection";

/**
 * Shopify's Billing API for the app's own charges to the merchant: appSubscriptionCreate leaves a
 * PENDING subscription and a confirmation URL; the merchant approves (ACTIVE) or declines
 * (DECLINED) it on Shopify's page (simulator/admin-pages.ts), which sends them back to the
 * returnUrl. Every status change is told to the app by app_subscriptions/update. An uninstall
 * cancels the app's subscriptions. The replacement behaviour is always Shopify's default: the
 * approved subscription replaces the active one at once.
 */

/** The Billing API answers with Shopify's plain UserError: a field path and a message, no code. */
type UserError = { field: string[] | null; message: string };

interface MoneyInput {
  amount: string | number;
  currencyCode: string;
}
export interface AppSubscriptionCreateArgs {
  name: string;
  returnUrl: string;
  test?: boolean | null;
  trialDays?: number | null;
  replacementBehavior?: string | null;
  lineItems: {
    plan: {
      appRecurringPricingDetails?: { price: MoneyInput; interval?: "EVERY_30_DAYS" | "ANNUAL" | null; discount?: unknown } | null;
      appUsagePricingDetails?: { cappedAmount: MoneyInput; terms: string } | null;
    };
  }[];
}

/** Shopify bills apps in US dollars or in the merchant's own billing currency. */
const billable = (shop: ShopRecord, currencyCode: string) => currencyCode === "USD" || currencyCode === shop.currencyCode;

function positiveAmount(money: MoneyInput, field: string[], shop: ShopRecord, errors: UserError[]): number | null {
  const minor = minorFromDecimal(String(money.amount));
  if (minor === null || minor <= 0) {
    errors.push({ field, message: "Amount must be greater than 0" });
    return null;
  }
  if (!billable(shop, money.currencyCode)) {
    errors.push({ field: [...field, "currencyCode"], message: `Currency ${money.currencyCode} is not supported for this shop` });
    return null;
  }
  return minor;
}

export function createAppSubscription(
  store: Store,
  shop: ShopRecord,
  args: AppSubscriptionCreateArgs,
  now: Date,
): { subscription: AppSubscriptionRecord | null; confirmationUrl: string | null; userErrors: UserError[] } {
  const errors: UserError[] = [];
  if (!args.name.trim()) errors.push({ field: ["name"], message: "Name can't be blank" });
  if (!/^https?:\/\/[^\s/]+/.test(args.returnUrl)) errors.push({ field: ["returnUrl"], message: "Return url is invalid" });
  const trialDays = args.trialDays ?? 0;
  if (trialDays < 0 || trialDays > 1000) errors.push({ field: ["trialDays"], message: "Trial days must be between 0 and 1000" });
  if (!args.test && shop.partnerDevelopment) {
    // Development stores cannot be charged: their apps' charges must be test charges.
    errors.push({ field: ["test"], message: "The shop cannot accept the provided charge." });
  }
  if (args.lineItems.length === 0) errors.push({ field: ["lineItems"], message: "Line items can't be blank" });
  const recurringCount = args.lineItems.filter((l) => l.plan.appRecurringPricingDetails).length;
  const usageCount = args.lineItems.filter((l) => l.plan.appUsagePricingDetails).length;
  if (recurringCount > 1 || usageCount > 1) {
    errors.push({ field: ["lineItems"], message: "Only one pricing plan can be defined for each available type" });
  }
  const lineItems: AppSubscriptionLineRecord[] = [];
  args.lineItems.forEach((item, index) => {
    const { appRecurringPricingDetails: recurring, appUsagePricingDetails: usage } = item.plan;
    const field = ["lineItems", String(index), "plan"];
    if (Boolean(recurring) === Boolean(usage)) {
      errors.push({ field, message: "A line item must have exactly one of recurring or usage pricing details" });
      return;
    }
    if (recurring) {
      const priceMinor = positiveAmount(recurring.price, [...field, "appRecurringPricingDetails", "price"], shop, errors);
      if (priceMinor !== null)
        lineItems.push({
          id: store.newId(),
          recurring: { priceMinor, currencyCode: recurring.price.currencyCode, interval: recurring.interval ?? "EVERY_30_DAYS" },
          usage: null,
        });
    } else if (usage) {
      const cappedMinor = positiveAmount(usage.cappedAmount, [...field, "appUsagePricingDetails", "cappedAmount"], shop, errors);
      if (!usage.terms.trim()) errors.push({ field: [...field, "appUsagePricingDetails", "terms"], message: "Terms can't be blank" });
      if (cappedMinor !== null)
        lineItems.push({
          id: store.newId(),
          recurring: null,
          usage: { cappedMinor, currencyCode: usage.cappedAmount.currencyCode, terms: usage.terms },
        });
    }
  });
  if (errors.length) return { subscription: null, confirmationUrl: null, userErrors: errors };

  const subscription: AppSubscriptionRecord = {
    id: store.newId(),
    name: args.name,
    status: "PENDING",
    test: Boolean(args.test),
    trialDays,
    returnUrl: args.returnUrl,
    createdAt: now,
    activatedAt: null,
    updatedAt: now,
    lineItems,
  };
  shop.appSubscriptions.push(subscription);
  return { subscription, confirmationUrl: confirmationUrl(store, shop, subscription), userErrors: [] };
}

function confirmationUrl(store: Store, shop: ShopRecord, subscription: AppSubscriptionRecord): string {
  const handle = shop.domain.replace(/\.myshopify\.com$/, "");
  return `${store.origin}/store/${handle}/charges/${subscription.id}/confirm`;
}

/** Shopify's app_subscriptions/update body. */
export function appSubscriptionWebhook(shop: ShopRecord, subscription: AppSubscriptionRecord) {
  const recurring = subscription.lineItems.find((l) => l.recurring)?.recurring;
  const usage = subscription.lineItems.find((l) => l.usage)?.usage;
  return {
    app_subscription: {
      admin_graphql_api_id: gid("AppSubscription", subscription.id),
      name: subscription.name,
      status: subscription.status,
      admin_graphql_api_shop_id: gid("Shop", shop.id),
      created_at: subscription.createdAt.toISOString(),
      updated_at: subscription.updatedAt.toISOString(),
      currency: recurring?.currencyCode ?? usage?.currencyCode ?? "USD",
      capped_amount: usage ? decimalFromMinor(usage.cappedMinor) : null,
      price: recurring ? decimalFromMinor(recurring.priceMinor) : null,
      interval: recurring?.interval.toLowerCase() ?? null,
      plan_handle: null,
    },
  };
}

/** Changes a subscription's status; returns the webhook bodies the change causes (the replaced subscription's too). */
export function setAppSubscriptionStatus(
  shop: ShopRecord,
  subscription: AppSubscriptionRecord,
  status: AppSubscriptionStatus,
  now: Date,
): AppSubscriptionRecord[] {
  const changed: AppSubscriptionRecord[] = [];
  if (status === "ACTIVE") {
    // An app has one active subscription: approving a new one cancels the one it replaces.
    for (const other of shop.appSubscriptions.filter((s) => s.status === "ACTIVE" && s !== subscription)) {
      other.status = "CANCELLED";
      other.updatedAt = now;
      changed.push(other);
    }
    subscription.activatedAt = now;
  }
  subscription.status = status;
  subscription.updatedAt = now;
  changed.push(subscription);
  return changed;
}

export function cancelAppSubscription(
  shop: ShopRecord,
  id: unknown,
  now: Date,
): { subscription: AppSubscriptionRecord | null; changed: AppSubscriptionRecord[]; userErrors: UserError[] } {
  const parsed = parseGid(id, "AppSubscription");
  const subscription = parsed ? shop.appSubscriptions.find((s) => s.id === parsed.id) : undefined;
  if (!subscription)
    return { subscription: null, changed: [], userErrors: [{ field: ["id"], message: "Couldn't find RecurringApplicationCharge" }] };
  if (subscription.status !== "ACTIVE" && subscription.status !== "PENDING" && subscription.status !== "FROZEN") {
    return { subscription: null, changed: [], userErrors: [{ field: ["id"], message: "Subscription is not active" }] };
  }
  return { subscription, changed: setAppSubscriptionStatus(shop, subscription, "CANCELLED", now), userErrors: [] };
}

export function presentAppSubscription(subscription: AppSubscriptionRecord) {
  const money = (minor: number, currencyCode: string) => ({ amount: decimalFromMinor(minor), currencyCode });
  const live = subscription.status === "ACTIVE" || subscription.status === "FROZEN";
  const periodStart = subscription.activatedAt ?? subscription.createdAt;
  const recurring = subscription.lineItems.find((l) => l.recurring)?.recurring;
  const periodDays = (recurring?.interval === "ANNUAL" ? 365 : 30) + subscription.trialDays;
  return {
    __typename: "AppSubscription",
    id: gid("AppSubscription", subscription.id),
    name: subscription.name,
    status: subscription.status,
    test: subscription.test,
    trialDays: subscription.trialDays,
    returnUrl: subscription.returnUrl,
    createdAt: subscription.createdAt.toISOString(),
    currentPeriodEnd: live ? new Date(periodStart.getTime() + periodDays * 86_400_000).toISOString() : null,
    lineItems: subscription.lineItems.map((line) => ({
      id: gid("AppSubscriptionLineItem", `${line.id}?v=1&index=0`),
      plan: {
        pricingDetails: line.recurring
          ? {
              __typename: "AppRecurringPricing",
              interval: line.recurring.interval,
              price: money(line.recurring.priceMinor, line.recurring.currencyCode),
              discount: null,
              planId: null,
            }
          : {
              __typename: "AppUsagePricing",
              interval: "EVERY_30_DAYS",
              terms: line.usage!.terms,
              cappedAmount: money(line.usage!.cappedMinor, line.usage!.currencyCode),
              balanceUsed: money(0, line.usage!.currencyCode),
            },
      },
      usageRecords: (args: ConnectionArgs) => connection([], args),
    })),
  };
}

/** currentAppInstallation's subscriptions: the active one (a frozen one is not billed, so not active) and all of them. */
export function appInstallationSubscriptions(shop: ShopRecord) {
  return {
    activeSubscriptions: shop.appSubscriptions.filter((s) => s.status === "ACTIVE").map(presentAppSubscription),
    allSubscriptions: (args: ConnectionArgs & { reverse?: boolean }) =>
      connection((args.reverse ? [...shop.appSubscriptions].reverse() : shop.appSubscriptions).map(presentAppSubscription), args),
  };
}
