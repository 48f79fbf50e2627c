import type { ProductSellingPlansData } from "../../extensions/orchard-subscribe-at-checkout/src/offer";

type StorefrontPlan = NonNullable<
  ProductSellingPlansData["product"]
>["sellingPlanGroups"]["nodes"][number]["sellingPlans"]["nodes"][number];

/** A selling plan as the Storefront API answers the checkout offer's query: a percentage off, or no saving. */
export const storefrontPlan = (id: string, name: string, percent: number | null): StorefrontPlan => ({
  id,
  name,
  recurringDeliveries: true,
  priceAdjustments:
    percent === null
      ? []
      : [{ orderCount: null, adjustmentValue: { __typename: "SellingPlanPercentagePriceAdjustment", adjustmentPercentage: percent } }],
});

/** A product sold with these plans, in one group. */
export const storefrontProduct = (plans: StorefrontPlan[]): NonNullable<ProductSellingPlansData["product"]> => ({
  requiresSellingPlan: false,
  sellingPlanGroups: { nodes: [{ name: "Subscribe and save", sellingPlans: { nodes: plans } }] },
});
