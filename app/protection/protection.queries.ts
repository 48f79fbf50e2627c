import { operation } from "../shopify/admin-client";
import type {
  ProtectionProductSetMutation,
  ProtectionProductSetMutationVariables,
  ProtectionProductVariantsQuery,
  ProtectionProductVariantsQueryVariables,
} from "../types/admin.generated";

/** The offer's product as it must be, created or updated in one mutation (synchronous). */
export const ProtectionProductSet = operation<ProtectionProductSetMutation, ProtectionProductSetMutationVariables>(`#graphql
  mutation ProtectionProductSet($input: ProductSetInput!) {
    productSet(input: $input, synchronous: true) {
      product {
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

/** The product's variants, a page at a time, to learn the ids Shopify gave each SKU. */
export const ProtectionProductVariants = operation<ProtectionProductVariantsQuery, ProtectionProductVariantsQueryVariables>(`#graphql
  query ProtectionProductVariants($id: ID!, $after: String) {
    product(id: $id) {
      variants(first: 250, after: $after) {
        nodes {
          id
          sku
          inventoryItem {
            requiresShipping
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
