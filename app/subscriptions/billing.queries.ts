import { operation } from "../shopify/admin-client";
import type { BillingAttemptCreateMutation, BillingAttemptCreateMutationVariables } from "../types/admin.generated";

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
