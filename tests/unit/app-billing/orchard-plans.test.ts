import { describe, expect, it } from "vitest";
import {
  canAddSubscriber,
  FREE_SUBSCRIBER_LIMIT,
  GROWTH_PLAN,
  hasFeature,
  planFromShopify,
  trialDaysLeft,
  trialDaysOffered,
  type ShopifyAppSubscription,
} from "../../../app/app-billing/orchard-plans";

const DAY = 86_400_000;
const growth = (overrides: Partial<ShopifyAppSubscription> = {}): ShopifyAppSubscription => ({
  id: "gid://shopify/AppSubscription/1",
  name: GROWTH_PLAN.name,
  status: "ACTIVE",
  test: false,
  trialDays: 14,
  createdAt: "2026-11-01T10:00:00Z",
  ...overrides,
});

describe("Orchard's plans", () => {
  it("lets a free shop take subscribers up to the limit, and a Growth shop without one", () => {
    expect(canAddSubscriber("free", FREE_SUBSCRIBER_LIMIT - 1)).toBe(true);
    expect(canAddSubscriber("free", FREE_SUBSCRIBER_LIMIT)).toBe(false);
    expect(canAddSubscriber("free", FREE_SUBSCRIBER_LIMIT + 3)).toBe(false);
    expect(canAddSubscriber("growth", 10_000)).toBe(true);
  });

  it("keeps what-if pricing and unlimited subscribers for Growth", () => {
    expect(hasFeature("free", "whatIfPricing")).toBe(false);
    expect(hasFeature("free", "unlimitedSubscribers")).toBe(false);
    expect(hasFeature("growth", "whatIfPricing")).toBe(true);
  });

  it("is Growth only while Shopify bills an active Growth subscription", () => {
    expect(planFromShopify([growth()])).toEqual({
      plan: "growth",
      appSubscriptionId: "gid://shopify/AppSubscription/1",
      test: false,
      trialEndsAt: new Date("2026-11-15T10:00:00Z"),
    });
    expect(planFromShopify([growth({ trialDays: 0, test: true })])).toMatchObject({ plan: "growth", test: true, trialEndsAt: null });
    for (const status of ["PENDING", "DECLINED", "CANCELLED", "FROZEN", "EXPIRED"]) {
      expect(planFromShopify([growth({ status })]).plan).toBe("free");
    }
    expect(planFromShopify([growth({ name: "Some other app's plan" })]).plan).toBe("free");
    expect(planFromShopify([]).plan).toBe("free");
  });

  it("counts a merchant's trial days once across subscriptions", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(trialDaysOffered(null, now)).toBe(GROWTH_PLAN.trialDays);
    expect(trialDaysOffered(new Date(now.getTime() - 5 * DAY - 3_600_000), now)).toBe(GROWTH_PLAN.trialDays - 5);
    expect(trialDaysOffered(new Date(now.getTime() - 40 * DAY), now)).toBe(0);
  });

  it("says how many days of a trial are left, a part day counting as one", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(trialDaysLeft(null, now)).toBe(0);
    expect(trialDaysLeft(new Date(now.getTime() + 2 * DAY + 1), now)).toBe(3);
    expect(trialDaysLeft(new Date(now.getTime() - DAY), now)).toBe(0);
  });
});
