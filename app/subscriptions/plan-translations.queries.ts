import { operation } from "../shopify/admin-client";
import type {
  PlanSellingPlanIdsQuery,
  PlanSellingPlanIdsQueryVariables,
  PlanTranslatableContentQuery,
  PlanTranslatableContentQueryVariables,
  ShopLanguagesQuery,
  TranslationsRegisterMutation,
  TranslationsRegisterMutationVariables,
} from "../types/admin.generated";

/** The shop's languages, to write plan text in the primary one and translate it into the others. */
export const ShopLanguages = operation<ShopLanguagesQuery>(`#graphql
  query ShopLanguages {
    shopLocales(published: true) {
      locale
      primary
    }
  }
`);

export const PlanSellingPlanIds = operation<PlanSellingPlanIdsQuery, PlanSellingPlanIdsQueryVariables>(`#graphql
  query PlanSellingPlanIds($id: ID!) {
    sellingPlanGroup(id: $id) {
      sellingPlans(first: 31) {
        nodes {
          id
        }
      }
    }
  }
`);

export const PlanTranslatableContent = operation<PlanTranslatableContentQuery, PlanTranslatableContentQueryVariables>(`#graphql
  query PlanTranslatableContent($ids: [ID!]!) {
    translatableResourcesByIds(first: 31, resourceIds: $ids) {
      nodes {
        resourceId
        translatableContent {
          key
          digest
        }
      }
    }
  }
`);

export const TranslationsRegister = operation<TranslationsRegisterMutation, TranslationsRegisterMutationVariables>(`#graphql
  mutation TranslationsRegister($resourceId: ID!, $translations: [TranslationInput!]!) {
    translationsRegister(resourceId: $resourceId, translations: $translations) {
      userErrors {
        field
        message
        code
      }
    }
  }
`);
