import { operation } from "../shopify/admin-client";
import type { PublishedThemeFilesQuery, RecentOrderLinesQuery, ShopCheckoutPlanQuery } from "../types/admin.generated";

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

/**
 * The shop's latest orders with their products and customer, newest first: what a first plan is
 * suggested from while the history import has not finished (one request, well inside the bucket).
 */
export const RecentOrderLines = operation<RecentOrderLinesQuery>(`#graphql
  query RecentOrderLines {
    orders(first: 50, reverse: true) {
      nodes {
        customer {
          id
        }
        lineItems(first: 5) {
          nodes {
            quantity
            product {
              id
              title
            }
          }
        }
      }
    }
  }
`);

/**
 * Whether the shop is on Shopify Plus: only there does checkout show apps' extensions in its
 * information, shipping and payment steps, where Orchard's offers under each cart line render.
 */
export const ShopCheckoutPlan = operation<ShopCheckoutPlanQuery>(`#graphql
  query ShopCheckoutPlan {
    shop {
      plan {
        shopifyPlus
      }
    }
  }
`);
