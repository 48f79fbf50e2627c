import { operation } from "../shopify/admin-client";
import type { OfferProductTitlesQuery, OfferProductTitlesQueryVariables } from "../types/admin.generated";

/** Titles of the products an offer names (eligible or excluded), to show them in the form. */
export const OfferProductTitles = operation<OfferProductTitlesQuery, OfferProductTitlesQueryVariables>(`#graphql
  query OfferProductTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
      }
    }
  }
`);
