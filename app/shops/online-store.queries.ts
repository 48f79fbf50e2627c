import { operation } from "../shopify/admin-client";
import type {
  OnlineStorePublishMutation,
  OnlineStorePublishMutationVariables,
  ProductVariantsNotShippedMutation,
  ProductVariantsNotShippedMutationVariables,
  SalesChannelPublicationsQuery,
  SalesChannelPublicationsQueryVariables,
} from "../types/admin.generated";

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

/** A product the Admin API creates is on no sales channel: shoppers can buy it only once it is on the Online Store. */
export const OnlineStorePublish = operation<OnlineStorePublishMutation, OnlineStorePublishMutationVariables>(`#graphql
  mutation OnlineStorePublish($id: ID!, $publicationId: ID!) {
    publishablePublish(id: $id, input: [{ publicationId: $publicationId }]) {
      userErrors {
        field
        message
      }
    }
  }
`);

/** Orchard's own products are not shipped: productSet's input has no inventory item in the pinned schema, so this sets it. */
export const ProductVariantsNotShipped = operation<ProductVariantsNotShippedMutation, ProductVariantsNotShippedMutationVariables>(`#graphql
  mutation ProductVariantsNotShipped($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
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
