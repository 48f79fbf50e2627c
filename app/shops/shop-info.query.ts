import { operation } from "../shopify/admin-client";
import type { ShopInfoQuery } from "../types/admin.generated";

/**
 * What Orchard needs to know about a shop: its time zone and currency for its sums, its online
 * store's address for links, the address its customers write to (the reply-to of its emails), and
 * its owner's (where a test email goes).
 */
export const ShopInfo = operation<ShopInfoQuery>(`#graphql
  query ShopInfo {
    shop {
      name
      email
      contactEmail
      ianaTimezone
      currencyCode
      url
    }
  }
`);
