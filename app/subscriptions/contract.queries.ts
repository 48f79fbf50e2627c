import { operation } from "../shopify/admin-client";
import type {
  ContractDetailQuery,
  ContractDetailQueryVariables,
  ContractSetNextBillingDateMutation,
  ContractSetNextBillingDateMutationVariables,
} from "../types/admin.generated";

/**
 * A subscription contract as Orchard mirrors it, its lines ten at a time: a subscription carries a
 * handful of products, and the query's cost counts the page size times each line's fields (its
 * pricing policy included), not the lines returned. The rare contract with more lines is read again
 * for the next page (linesAfter).
 */
export const ContractDetail = operation<ContractDetailQuery, ContractDetailQueryVariables>(`#graphql
  query ContractDetail($id: ID!, $linesAfter: String) {
    subscriptionContract(id: $id) {
      id
      status
      currencyCode
      createdAt
      revisionId
      nextBillingDate
      customAttributes {
        key
        value
      }
      customer {
        id
        defaultEmailAddress {
          emailAddress
        }
        firstName
        displayName
        locale
      }
      customerPaymentMethod {
        id
        instrument {
          __typename
          ... on CustomerCreditCard {
            brand
            lastDigits
            expiryMonth
            expiryYear
          }
          ... on CustomerShopPayAgreement {
            lastDigits
            expiryMonth
            expiryYear
          }
          ... on CustomerPaypalBillingAgreement {
            paypalAccountEmail
          }
        }
      }
      deliveryMethod {
        __typename
        ... on SubscriptionDeliveryMethodShipping {
          address {
            firstName
            lastName
            address1
            address2
            city
            province
            zip
            countryCodeV2
          }
        }
      }
      originOrder {
        id
        createdAt
      }
      discounts(first: 5) {
        nodes {
          title
          recurringCycleLimit
          usageCount
          value {
            __typename
            ... on SubscriptionDiscountPercentageValue {
              percentage
            }
            ... on SubscriptionDiscountFixedAmountValue {
              amount {
                amount
                currencyCode
              }
              appliesOnEachItem
            }
          }
        }
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
      lines(first: 10, after: $linesAfter) {
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
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Shopify leaves the next billing date to the app; Orchard keeps it equal to its own schedule. */
export const ContractSetNextBillingDate = operation<
  ContractSetNextBillingDateMutation,
  ContractSetNextBillingDateMutationVariables
>(`#graphql
  mutation ContractSetNextBillingDate($id: ID!, $date: DateTime!) {
    subscriptionContractSetNextBillingDate(contractId: $id, date: $date) {
      contract {
        id
        nextBillingDate
        revisionId
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
