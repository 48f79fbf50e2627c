import { operation } from "../shopify/admin-client";
import type { ShopCollectionsQuery, ShopCollectionsQueryVariables } from "../types/admin.generated";

/** The shop's collections by title, for forms that limit something to a collection. */
export const ShopCollections = operation<ShopCollectionsQuery, ShopCollectionsQueryVariables>(`#graphql
  query ShopCollections {
    collections(first: 250, sortKey: TITLE) {
      nodes {
        id
        title
      }
    }
  }
`);
