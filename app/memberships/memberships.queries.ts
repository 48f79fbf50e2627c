import { operation } from "../shopify/admin-client";
import type {
  MembershipDiscountCreateMutation,
  MembershipDiscountCreateMutationVariables,
  MembershipDiscountUpdateMutation,
  MembershipDiscountUpdateMutationVariables,
  MembershipPlansCreateMutation,
  MembershipPlansCreateMutationVariables,
  MembershipProductSetMutation,
  MembershipProductSetMutationVariables,
  MemberTagsAddMutation,
  MemberTagsAddMutationVariables,
  MemberTagsRemoveMutation,
  MemberTagsRemoveMutationVariables,
} from "../types/admin.generated";

/** The membership's product: what shoppers see and join, only with one of its tiers' plans. */
export const MembershipProductSet = operation<MembershipProductSetMutation, MembershipProductSetMutationVariables>(`#graphql
  mutation MembershipProductSet($input: ProductSetInput!) {
    productSet(input: $input, synchronous: true) {
      product {
        id
        variants(first: 1) {
          nodes {
            id
          }
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

/** The tiers, one selling plan each, in one group on the membership's product. */
export const MembershipPlansCreate = operation<MembershipPlansCreateMutation, MembershipPlansCreateMutationVariables>(`#graphql
  mutation MembershipPlansCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
    sellingPlanGroupCreate(input: $input, resources: $resources) {
      sellingPlanGroup {
        id
        sellingPlans(first: 10) {
          nodes {
            id
            options
          }
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

/** A tier's perk: a percentage off one-off purchases, for the tier's members only. */
export const MembershipDiscountCreate = operation<MembershipDiscountCreateMutation, MembershipDiscountCreateMutationVariables>(`#graphql
  mutation MembershipDiscountCreate($discount: DiscountAutomaticBasicInput!) {
    discountAutomaticBasicCreate(automaticBasicDiscount: $discount) {
      automaticDiscountNode {
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

/** The tier's members changed: the customers its discount is for follow. */
export const MembershipDiscountUpdate = operation<MembershipDiscountUpdateMutation, MembershipDiscountUpdateMutationVariables>(`#graphql
  mutation MembershipDiscountUpdate($id: ID!, $discount: DiscountAutomaticBasicInput!) {
    discountAutomaticBasicUpdate(id: $id, automaticBasicDiscount: $discount) {
      automaticDiscountNode {
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

/** A tier's tag goes on a member (early access, VIP pages, the merchant's Flow workflows). */
export const MemberTagsAdd = operation<MemberTagsAddMutation, MemberTagsAddMutationVariables>(`#graphql
  mutation MemberTagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);

/** A tier's tag comes off a customer who left the tier (or the tag was renamed). */
export const MemberTagsRemove = operation<MemberTagsRemoveMutation, MemberTagsRemoveMutationVariables>(`#graphql
  mutation MemberTagsRemove($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);
