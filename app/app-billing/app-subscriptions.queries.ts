import { operation } from "../shopify/admin-client";
import type {
  AppSubscriptionCancelMutation,
  AppSubscriptionCancelMutationVariables,
  AppSubscriptionCreateMutation,
  AppSubscriptionCreateMutationVariables,
  CurrentAppPlanQuery,
} from "../types/admin.generated";

/** The subscriptions Shopify bills the shop for Orchard, and whether the shop is a development store (test charges only). */
export const CurrentAppPlan = operation<CurrentAppPlanQuery>(`#graphql
  query CurrentAppPlan {
    currentAppInstallation {
      activeSubscriptions {
        id
        name
        status
        test
        trialDays
        createdAt
      }
    }
    shop {
      plan {
        partnerDevelopment
      }
    }
  }
`);

export const AppSubscriptionCreate = operation<AppSubscriptionCreateMutation, AppSubscriptionCreateMutationVariables>(`#graphql
  mutation AppSubscriptionCreate(
    $name: String!
    $returnUrl: URL!
    $trialDays: Int
    $test: Boolean
    $lineItems: [AppSubscriptionLineItemInput!]!
  ) {
    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, trialDays: $trialDays, test: $test, lineItems: $lineItems) {
      appSubscription {
        id
        status
      }
      confirmationUrl
      userErrors {
        field
        message
      }
    }
  }
`);

export const AppSubscriptionCancel = operation<AppSubscriptionCancelMutation, AppSubscriptionCancelMutationVariables>(`#graphql
  mutation AppSubscriptionCancel($id: ID!) {
    appSubscriptionCancel(id: $id) {
      appSubscription {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`);
