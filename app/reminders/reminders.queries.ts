import { operation } from "../shopify/admin-client";
import type {
  PastBuyerOrdersQuery,
  PastBuyerOrdersQueryVariables,
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

/**
 * A page of the orders a new rule's past buyers are found in: each order's customer with their
 * email consent, and its lines, without prices (planning needs none; a conversion's revenue comes
 * from the order that converts). Eight orders of up to 25 lines keep a page within Shopify's query
 * cost limit of 1,000; a consumable's order longer than that is rare, and its further lines go unread.
 */
export const PastBuyerOrders = operation<PastBuyerOrdersQuery, PastBuyerOrdersQueryVariables>(`#graphql
  query PastBuyerOrders($query: String!, $after: String) {
    orders(first: 8, after: $after, query: $query, sortKey: PROCESSED_AT) {
      nodes {
        id
        processedAt
        cancelledAt
        displayFinancialStatus
        currencyCode
        customer {
          id
          firstName
          locale
          defaultEmailAddress {
            emailAddress
            marketingState
          }
        }
        lineItems(first: 25) {
          nodes {
            id
            title
            variantTitle
            currentQuantity
            sellingPlan {
              sellingPlanId
            }
            variant {
              id
            }
            product {
              id
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
