import { operation } from "../shopify/admin-client";
import type {
  ContractActivateMutation,
  ContractActivateMutationVariables,
  ContractCancelMutation,
  ContractExpireMutation,
  ContractExpireMutationVariables,
  ContractCancelMutationVariables,
  ContractDiscountsQuery,
  ContractDiscountsQueryVariables,
  ContractDraftOpenMutation,
  ContractDraftOpenMutationVariables,
  ContractPauseMutation,
  ContractPauseMutationVariables,
  DraftCommitMutation,
  DraftCommitMutationVariables,
  DraftDiscountAddMutation,
  DraftDiscountAddMutationVariables,
  DraftDiscountRemoveMutation,
  DraftDiscountRemoveMutationVariables,
  DraftLineAddMutation,
  DraftLineAddMutationVariables,
  DraftLineRemoveMutation,
  DraftLineRemoveMutationVariables,
  DraftLineUpdateMutation,
  DraftLineUpdateMutationVariables,
  DraftUpdateMutation,
  DraftUpdateMutationVariables,
  LineAlternativesQuery,
  LineAlternativesQueryVariables,
  OneTimeProductsQuery,
  OneTimeProductsQueryVariables,
  PaymentMethodSendUpdateEmailMutation,
  ContractAtomicCreateMutation,
  ContractAtomicCreateMutationVariables,
  PaymentMethodSendUpdateEmailMutationVariables,
} from "../types/admin.generated";

/**
 * Every change Orchard makes to a subscription contract in Shopify. Status changes have their own
 * mutations; everything else goes through a draft: open it from the contract, change it, commit it.
 */

export const ContractPause = operation<ContractPauseMutation, ContractPauseMutationVariables>(`#graphql
  mutation ContractPause($id: ID!) {
    subscriptionContractPause(subscriptionContractId: $id) {
      contract {
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

export const ContractActivate = operation<ContractActivateMutation, ContractActivateMutationVariables>(`#graphql
  mutation ContractActivate($id: ID!) {
    subscriptionContractActivate(subscriptionContractId: $id) {
      contract {
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

/** The plan's last order is paid: the contract ends as Shopify's own expired contracts do. */
export const ContractExpire = operation<ContractExpireMutation, ContractExpireMutationVariables>(`#graphql
  mutation ContractExpire($id: ID!) {
    subscriptionContractExpire(subscriptionContractId: $id) {
      contract {
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

export const ContractCancel = operation<ContractCancelMutation, ContractCancelMutationVariables>(`#graphql
  mutation ContractCancel($id: ID!) {
    subscriptionContractCancel(subscriptionContractId: $id) {
      contract {
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

export const ContractDraftOpen = operation<ContractDraftOpenMutation, ContractDraftOpenMutationVariables>(`#graphql
  mutation ContractDraftOpen($id: ID!) {
    subscriptionContractUpdate(contractId: $id) {
      draft {
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

export const DraftUpdate = operation<DraftUpdateMutation, DraftUpdateMutationVariables>(`#graphql
  mutation DraftUpdate($draftId: ID!, $input: SubscriptionDraftInput!) {
    subscriptionDraftUpdate(draftId: $draftId, input: $input) {
      draft {
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

export const DraftLineUpdate = operation<DraftLineUpdateMutation, DraftLineUpdateMutationVariables>(`#graphql
  mutation DraftLineUpdate($draftId: ID!, $lineId: ID!, $input: SubscriptionLineUpdateInput!) {
    subscriptionDraftLineUpdate(draftId: $draftId, lineId: $lineId, input: $input) {
      lineUpdated {
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

export const DraftLineAdd = operation<DraftLineAddMutation, DraftLineAddMutationVariables>(`#graphql
  mutation DraftLineAdd($draftId: ID!, $input: SubscriptionLineInput!) {
    subscriptionDraftLineAdd(draftId: $draftId, input: $input) {
      lineAdded {
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

export const DraftLineRemove = operation<DraftLineRemoveMutation, DraftLineRemoveMutationVariables>(`#graphql
  mutation DraftLineRemove($draftId: ID!, $lineId: ID!) {
    subscriptionDraftLineRemove(draftId: $draftId, lineId: $lineId) {
      lineRemoved {
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

export const DraftDiscountAdd = operation<DraftDiscountAddMutation, DraftDiscountAddMutationVariables>(`#graphql
  mutation DraftDiscountAdd($draftId: ID!, $input: SubscriptionManualDiscountInput!) {
    subscriptionDraftDiscountAdd(draftId: $draftId, input: $input) {
      discountAdded {
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

export const DraftDiscountRemove = operation<DraftDiscountRemoveMutation, DraftDiscountRemoveMutationVariables>(`#graphql
  mutation DraftDiscountRemove($draftId: ID!, $discountId: ID!) {
    subscriptionDraftDiscountRemove(draftId: $draftId, discountId: $discountId) {
      discountRemoved {
        ... on SubscriptionManualDiscount {
          id
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

export const DraftCommit = operation<DraftCommitMutation, DraftCommitMutationVariables>(`#graphql
  mutation DraftCommit($draftId: ID!) {
    subscriptionDraftCommit(draftId: $draftId) {
      contract {
        id
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

/** Shopify emails the customer a secure link to update the card it failed to charge. */
export const PaymentMethodSendUpdateEmail = operation<
  PaymentMethodSendUpdateEmailMutation,
  PaymentMethodSendUpdateEmailMutationVariables
>(`#graphql
  mutation PaymentMethodSendUpdateEmail($id: ID!) {
    customerPaymentMethodSendUpdateEmail(customerPaymentMethodId: $id) {
      customer {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);

/**
 * What a subscription line could become: the variants of its product (a swap, a one-time item) and
 * the selling plan groups that offer it (a change of frequency), with their plans' prices. Pages
 * are sized to stay far below the query cost limit: 10 plans per group cover every plan Orchard
 * makes in practice (Shopify allows 31).
 */
export const LineAlternatives = operation<LineAlternativesQuery, LineAlternativesQueryVariables>(`#graphql
  query LineAlternatives($productId: ID!) {
    product(id: $productId) {
      id
      title
      variants(first: 50) {
        nodes {
          id
          title
          price
          availableForSale
          sellingPlanGroups(first: 3) {
            nodes {
              id
            }
          }
        }
      }
      sellingPlanGroups(first: 3) {
        nodes {
          id
          sellingPlans(first: 10) {
            nodes {
              id
              name
              billingPolicy {
                ... on SellingPlanRecurringBillingPolicy {
                  interval
                  intervalCount
                }
              }
              deliveryPolicy {
                ... on SellingPlanRecurringDeliveryPolicy {
                  interval
                  intervalCount
                }
              }
              pricingPolicies {
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
              }
            }
          }
        }
      }
    }
  }
`);

/** A new contract for a customer who restarts a cancelled subscription: Shopify cannot reactivate a cancelled one. */
export const ContractAtomicCreate = operation<ContractAtomicCreateMutation, ContractAtomicCreateMutationVariables>(`#graphql
  mutation ContractAtomicCreate($input: SubscriptionContractAtomicCreateInput!) {
    subscriptionContractAtomicCreate(input: $input) {
      contract {
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

/** The products a merchant lets customers add to an order once: their variants on sale, at today's price. */
export const OneTimeProducts = operation<OneTimeProductsQuery, OneTimeProductsQueryVariables>(`#graphql
  query OneTimeProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        status
        variants(first: 50) {
          nodes {
            id
            title
            price
            availableForSale
          }
        }
      }
    }
  }
`);

/** The manual discounts still on a contract: one limited to an order leaves once that order is made. */
export const ContractDiscounts = operation<ContractDiscountsQuery, ContractDiscountsQueryVariables>(`#graphql
  query ContractDiscounts($id: ID!) {
    subscriptionContract(id: $id) {
      discounts(first: 50) {
        nodes {
          ... on SubscriptionManualDiscount {
            id
            title
          }
        }
      }
    }
  }
`);
