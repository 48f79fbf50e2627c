import { operation } from "../shopify/admin-client";
import type {
  PlanAddProductsMutation,
  PlanAddProductsMutationVariables,
  PlanAddVariantsMutation,
  PlanAddVariantsMutationVariables,
  PlanRemoveVariantsMutation,
  PlanRemoveVariantsMutationVariables,
  PlanCreateMutation,
  PlanCreateMutationVariables,
  PlanDeleteMutation,
  PlanDeleteMutationVariables,
  PlanDetailQuery,
  PlanDetailQueryVariables,
  PlanSummaryQuery,
  PlanSummaryQueryVariables,
  PlanRemoveProductsMutation,
  PlanRemoveProductsMutationVariables,
  PlanUpdateMutation,
  PlanUpdateMutationVariables,
  ProductSearchQuery,
  ProductSearchQueryVariables,
} from "../types/admin.generated";

/** The selling plan group operations behind Orchard's subscription plans. */

export const PlanCreate = operation<PlanCreateMutation, PlanCreateMutationVariables>(`#graphql
  mutation PlanCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
    sellingPlanGroupCreate(input: $input, resources: $resources) {
      sellingPlanGroup {
        id
        productsCount {
          count
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanUpdate = operation<PlanUpdateMutation, PlanUpdateMutationVariables>(`#graphql
  mutation PlanUpdate($id: ID!, $input: SellingPlanGroupInput!) {
    sellingPlanGroupUpdate(id: $id, input: $input) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanDelete = operation<PlanDeleteMutation, PlanDeleteMutationVariables>(`#graphql
  mutation PlanDelete($id: ID!) {
    sellingPlanGroupDelete(id: $id) {
      deletedSellingPlanGroupId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanAddProducts = operation<PlanAddProductsMutation, PlanAddProductsMutationVariables>(`#graphql
  mutation PlanAddProducts($id: ID!, $productIds: [ID!]!) {
    sellingPlanGroupAddProducts(id: $id, productIds: $productIds) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanRemoveProducts = operation<PlanRemoveProductsMutation, PlanRemoveProductsMutationVariables>(`#graphql
  mutation PlanRemoveProducts($id: ID!, $productIds: [ID!]!) {
    sellingPlanGroupRemoveProducts(id: $id, productIds: $productIds) {
      removedProductIds
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanAddVariants = operation<PlanAddVariantsMutation, PlanAddVariantsMutationVariables>(`#graphql
  mutation PlanAddVariants($id: ID!, $variantIds: [ID!]!) {
    sellingPlanGroupAddProductVariants(id: $id, productVariantIds: $variantIds) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PlanRemoveVariants = operation<PlanRemoveVariantsMutation, PlanRemoveVariantsMutationVariables>(`#graphql
  mutation PlanRemoveVariants($id: ID!, $variantIds: [ID!]!) {
    sellingPlanGroupRemoveProductVariants(id: $id, productVariantIds: $variantIds) {
      removedProductVariantIds
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * What Orchard's plans list keeps of a group: re-read whenever Shopify says it changed, since
 * selling_plan_groups/update payloads name no products.
 */
export const PlanSummary = operation<PlanSummaryQuery, PlanSummaryQueryVariables>(`#graphql
  query PlanSummary($id: ID!) {
    sellingPlanGroup(id: $id) {
      name
      productsCount {
        count
      }
      products(first: 100) {
        nodes {
          id
        }
      }
      productVariants(first: 100) {
        nodes {
          product {
            id
          }
        }
      }
      sellingPlans(first: 31) {
        nodes {
          id
        }
      }
    }
  }
`);

export const PlanDetail = operation<PlanDetailQuery, PlanDetailQueryVariables>(`#graphql
  query PlanDetail($id: ID!) {
    sellingPlanGroup(id: $id) {
      id
      name
      merchantCode
      description
      options
      productsCount {
        count
      }
      products(first: 100) {
        nodes {
          id
          title
          status
        }
      }
      productVariants(first: 100) {
        nodes {
          id
          title
          product {
            id
            title
            status
          }
        }
      }
      sellingPlans(first: 31) {
        nodes {
          id
          billingPolicy {
            ... on SellingPlanRecurringBillingPolicy {
              interval
              intervalCount
              minCycles
              maxCycles
            }
          }
          deliveryPolicy {
            ... on SellingPlanRecurringDeliveryPolicy {
              interval
              intervalCount
              anchors {
                type
                day
              }
            }
          }
          pricingPolicies {
            ... on SellingPlanFixedPricingPolicy {
              adjustmentType
              adjustmentValue {
                ... on SellingPlanPricingPolicyPercentageValue {
                  percentage
                }
                ... on MoneyV2 {
                  amount
                }
              }
            }
            ... on SellingPlanRecurringPricingPolicy {
              afterCycle
              adjustmentType
              adjustmentValue {
                ... on SellingPlanPricingPolicyPercentageValue {
                  percentage
                }
                ... on MoneyV2 {
                  amount
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const ProductSearch = operation<ProductSearchQuery, ProductSearchQueryVariables>(`#graphql
  query ProductSearch($query: String) {
    products(first: 25, query: $query) {
      nodes {
        id
        title
        status
        priceRangeV2 {
          minVariantPrice {
            amount
          }
        }
      }
    }
  }
`);
