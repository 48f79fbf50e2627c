import { operation } from "../shopify/admin-client";
import type { PublishedThemeFilesQuery, RecentOrderLinesQuery, RecentOrderLinesQueryVariables } from "../types/admin.generated";

/** The published theme's product template and settings: where Orchard's block and embeds are placed. */
export const PublishedThemeFiles = operation<PublishedThemeFilesQuery>(`#graphql
  query PublishedThemeFiles {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        files(filenames: ["templates/product.json", "config/settings_data.json"], first: 2) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
            }
          }
        }
      }
    }
  }
`);

/** The shop's latest orders with their products and customer, newest first: the repeat purchases to suggest a first plan from. */
export const RecentOrderLines = operation<RecentOrderLinesQuery, RecentOrderLinesQueryVariables>(`#graphql
  query RecentOrderLines($after: String) {
    orders(first: 40, after: $after, reverse: true) {
      nodes {
        customer {
          id
        }
        lineItems(first: 10) {
          nodes {
            quantity
            product {
              id
              title
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
