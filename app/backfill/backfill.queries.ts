import { operation } from "../shopify/admin-client";
import type {
  BackfillOperationQuery,
  BackfillOperationQueryVariables,
  BackfillStartMutation,
  BackfillStartMutationVariables,
  BackfillOrdersCountQuery,
} from "../types/admin.generated";

/**
 * The history Orchard imports (app/backfill/backfill.server.ts): every order with its lines, as the
 * ledger reads them, and the app's own subscription contracts (Shopify shows an app only the
 * contracts it created), read one by one afterwards as the mirror reads them. Run as a bulk
 * operation, never sent as a query itself: connections without pagination are what bulk wants.
 */
export const BACKFILL_HISTORY = `#graphql
  query BackfillHistory {
    orders {
      edges {
        node {
          id
          name
          createdAt
          processedAt
          updatedAt
          cancelledAt
          displayFinancialStatus
          currencyCode
          customer {
            id
          }
          lineItems {
            edges {
              node {
                id
                title
                quantity
                refundableQuantity
                originalUnitPriceSet {
                  shopMoney {
                    amount
                  }
                }
                totalDiscountSet {
                  shopMoney {
                    amount
                  }
                }
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
        }
      }
    }
    subscriptionContracts {
      edges {
        node {
          id
        }
      }
    }
  }
`;

export const BackfillStart = operation<BackfillStartMutation, BackfillStartMutationVariables>(`#graphql
  mutation BackfillStart($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** What the bulk operation has got through, and where its file is once it is done. */
export const BackfillOperation = operation<BackfillOperationQuery, BackfillOperationQueryVariables>(`#graphql
  query BackfillOperation($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {
        id
        status
        errorCode
        objectCount
        rootObjectCount
        url
      }
    }
  }
`);

/** How many orders the import will go through: the measure of its progress. */
export const BackfillOrdersCount = operation<BackfillOrdersCountQuery>(`#graphql
  query BackfillOrdersCount {
    ordersCount(limit: null) {
      count
    }
  }
`);
