import { operation } from "../shopify/admin-client";
import type { LedgerProductFactsQuery, LedgerProductFactsQueryVariables } from "../types/admin.generated";

/** Collections and tags of ordered products, when a protection offer covers by collection or tag. */
export const LedgerProductFacts = operation<LedgerProductFactsQuery, LedgerProductFactsQueryVariables>(`#graphql
  query LedgerProductFacts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        tags
        collections(first: 25) {
          nodes {
            id
          }
        }
      }
    }
  }
`);
