import { operation } from "../shopify/admin-client";
import type {
  ProtectionProductSetMutation,
  ProtectionProductSetMutationVariables,
  ProtectionProductVariantsQuery,
  ProtectionProductVariantsQueryVariables,
  ProtectionVariantsNotShippedMutation,
  ProtectionVariantsNotShippedMutationVariables,
  SalesChannelPublicationsQuery,
  SalesChannelPublicationsQueryVariables,
  ProtectionProductPublishMutation,
  ProtectionProductPublishMutationVariables,
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

/** Protection is not shipped: productSet's input has no inventory item in the pinned schema, so this sets it. */
export const ProtectionVariantsNotShipped = operation<
  ProtectionVariantsNotShippedMutation,
  ProtectionVariantsNotShippedMutationVariables
>(`#graphql
  mutation ProtectionVariantsNotShipped($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      productVariants {
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

/** The shop's app sales channels' publications, to find the Online Store's (an app catalog of that title). */
export const SalesChannelPublications = operation<SalesChannelPublicationsQuery, SalesChannelPublicationsQueryVariables>(`#graphql
  query SalesChannelPublications {
    publications(first: 50, catalogType: APP) {
      nodes {
        id
        catalog {
          title
        }
      }
    }
  }
`);

/** A product the Admin API creates is on no sales channel: shoppers can buy protection only once it is on the Online Store. */
export const ProtectionProductPublish = operation<ProtectionProductPublishMutation, ProtectionProductPublishMutationVariables>(`#graphql
  mutation ProtectionProductPublish($id: ID!, $publicationId: ID!) {
    publishablePublish(id: $id, input: [{ publicationId: $publicationId }]) {
      userErrors {
        field
        message
      }
    }
  }
`);
