import { operation } from "../shopify/admin-client";
import type {
  ProductCollectionIdsQuery,
  ProductCollectionIdsQueryVariables,
  ReminderProductsQuery,
  ReminderProductsQueryVariables,
} from "../types/admin.generated";

/**
 * What a reminder email needs of its products: the handle for the product page link, and the
 * selling plans a customer could subscribe with instead (the best percentage off is offered).
 */
export const ReminderProducts = operation<ReminderProductsQuery, ReminderProductsQueryVariables>(`#graphql
  query ReminderProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        handle
        status
        sellingPlanGroups(first: 5) {
          nodes {
            sellingPlans(first: 10) {
              nodes {
                id
                pricingPolicies {
                  ... on SellingPlanFixedPricingPolicy {
                    adjustmentValue {
                      ... on SellingPlanPricingPolicyPercentageValue {
                        percentage
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** The collections of ordered products, for rules set on a collection. */
export const ProductCollectionIds = operation<ProductCollectionIdsQuery, ProductCollectionIdsQueryVariables>(`#graphql
  query ProductCollectionIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        collections(first: 25) {
          nodes {
            id
          }
        }
      }
    }
  }
`);
