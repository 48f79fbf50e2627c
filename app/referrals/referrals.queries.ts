import { operation } from "../shopify/admin-client";
import type {
  ReferralDiscountByCodeQuery,
  ReferralDiscountByCodeQueryVariables,
  ReferralDiscountCreateMutation,
  ReferralDiscountCreateMutationVariables,
} from "../types/admin.generated";

/** A subscriber's code for their friends: a percentage off their first subscription order, once each. */
export const ReferralDiscountCreate = operation<ReferralDiscountCreateMutation, ReferralDiscountCreateMutationVariables>(`#graphql
  mutation ReferralDiscountCreate($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode {
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

/** The discount a code already names: a creation that Shopify made but Orchard did not record. */
export const ReferralDiscountByCode = operation<ReferralDiscountByCodeQuery, ReferralDiscountByCodeQueryVariables>(`#graphql
  query ReferralDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
    }
  }
`);
