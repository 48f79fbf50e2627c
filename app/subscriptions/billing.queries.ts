import { operation } from "../shopify/admin-client";
import type {
  BillingAttemptActionQuery,
  BillingAttemptActionQueryVariables,
  BillingAttemptCreateMutation,
  BillingAttemptCreateMutationVariables,
} from "../types/admin.generated";

/** Charges one billing cycle; the idempotency key makes a repeat return the first attempt. */
export const BillingAttemptCreate = operation<BillingAttemptCreateMutation, BillingAttemptCreateMutationVariables>(`#graphql
  mutation BillingAttemptCreate($contractId: ID!, $input: SubscriptionBillingAttemptInput!) {
    subscriptionBillingAttemptCreate(subscriptionContractId: $contractId, subscriptionBillingAttemptInput: $input) {
      subscriptionBillingAttempt {
        id
        state {
          __typename
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

/** Where a challenged attempt's customer authenticates the payment (their bank's 3-D Secure step). */
export const BillingAttemptAction = operation<BillingAttemptActionQuery, BillingAttemptActionQueryVariables>(`#graphql
  query BillingAttemptAction($id: ID!) {
    subscriptionBillingAttempt(id: $id) {
      state {
        __typename
        ... on SubscriptionBillingAttemptActionRequiredState {
          action {
            __typename
            ... on SubscriptionBillingAttemptPaymentChallenge {
              nextActionUrl
            }
          }
        }
      }
    }
  }
`);
