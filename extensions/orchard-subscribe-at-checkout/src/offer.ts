/**
 * The logic of the checkout subscription offer, apart from any UI so tests can drive it: which
 * plans to offer for a cart line, and the one cart change that accepting makes. Nothing changes
 * without the shopper's explicit choice.
 */
export interface OfferLine {
  id: string;
  merchandise: { id: string; product: { id: string }; sellingPlan?: { id: string } | null };
}

export interface OfferPlan {
  id: string;
  name: string;
  /** The saving as a percentage of the one-time price, when the plan's first adjustment is one. */
  savingPercent: number | null;
}

export interface Offer {
  plans: OfferPlan[];
  bestSavingPercent: number | null;
}

/** Storefront API: the selling plans of the line's product. */
export const PRODUCT_SELLING_PLANS = `#graphql
  query ProductSellingPlans($id: ID!) {
    product(id: $id) {
      requiresSellingPlan
      sellingPlanGroups(first: 10) {
        nodes {
          name
          sellingPlans(first: 31) {
            nodes {
              id
              name
              recurringDeliveries
              priceAdjustments {
                orderCount
                adjustmentValue {
                  __typename
                  ... on SellingPlanPercentagePriceAdjustment {
                    adjustmentPercentage
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export interface ProductSellingPlansData {
  product: {
    requiresSellingPlan: boolean;
    sellingPlanGroups: {
      nodes: {
        name: string;
        sellingPlans: {
          nodes: {
            id: string;
            name: string;
            recurringDeliveries: boolean;
            priceAdjustments: { orderCount: number | null; adjustmentValue: { __typename: string; adjustmentPercentage?: number } }[];
          }[];
        };
      }[];
    };
  } | null;
}

/**
 * The offer for a line, or null when there is nothing to offer: already subscribed, no plans, or
 * the shop takes no new subscribers (its Orchard plan's limit, from /api/checkout/subscriptions).
 */
export function offerFor(line: OfferLine, data: ProductSellingPlansData | undefined, subscriptionsOpen = true): Offer | null {
  if (line.merchandise.sellingPlan || !subscriptionsOpen) return null;
  const plans = (data?.product?.sellingPlanGroups.nodes ?? [])
    .flatMap((group) => group.sellingPlans.nodes)
    .filter((plan) => plan.recurringDeliveries)
    .map((plan) => {
      const first = plan.priceAdjustments[0]?.adjustmentValue;
      return {
        id: plan.id,
        name: plan.name,
        savingPercent: first?.__typename === "SellingPlanPercentagePriceAdjustment" ? (first.adjustmentPercentage ?? null) : null,
      };
    });
  if (plans.length === 0) return null;
  const savings = plans.map((p) => p.savingPercent).filter((s): s is number => s !== null && s > 0);
  return { plans, bestSavingPercent: savings.length ? Math.max(...savings) : null };
}

/** The cart change accepting the offer makes: the same line, now with the chosen selling plan. */
export function subscribeChange(line: OfferLine, sellingPlanId: string) {
  return { type: "updateCartLine" as const, id: line.id, sellingPlanId };
}

/**
 * Whether Orchard lets the shop take new subscribers. Only a clear "no" closes the offer: when
 * Orchard cannot be reached, the shopper still sees it (the limit is Orchard's price, not theirs).
 */
export async function subscriptionsOpen(appUrl: string, token: string): Promise<boolean> {
  try {
    const response = await fetch(`${appUrl}/api/checkout/subscriptions`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) return true;
    return ((await response.json()) as { open?: unknown }).open !== false;
  } catch {
    return true;
  }
}
