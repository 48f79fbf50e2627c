import { operation } from "../shopify/admin-client";
import type { ContractDetailQuery, ContractDetailQueryVariables } from "../types/admin.generated";

/**
 * A subscription contract as Orchard mirrors it. Its lines come in one page of 25: a subscription
 * carries a handful of products, and a larger page would cost every sync more of the shop's rate
 * limit (the query cost counts the page size, not the lines returned).
 */
export const ContractDetail = operation<ContractDetailQuery, ContractDetailQueryVariables>(`#graphql
  query ContractDetail($id: ID!) {
    subscriptionContract(id: $id) {
      id
      status
      currencyCode
      createdAt
      revisionId
      customer {
        id
        email
        firstName
        locale
      }
      customerPaymentMethod {
        id
      }
      originOrder {
        createdAt
      }
      billingPolicy {
        interval
        intervalCount
        minCycles
        maxCycles
        anchors {
          type
          day
        }
      }
      deliveryPolicy {
        interval
        intervalCount
      }
      lines(first: 25) {
        nodes {
          id
          productId
          variantId
          title
          variantTitle
          quantity
          sellingPlanId
          sellingPlanName
          customAttributes {
            key
            value
          }
          currentPrice {
            amount
            currencyCode
          }
          pricingPolicy {
            cycleDiscounts {
              afterCycle
              computedPrice {
                amount
                currencyCode
              }
            }
          }
        }
      }
    }
  }
`);
