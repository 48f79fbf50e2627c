import { operation } from "../shopify/admin-client";
import type { ShopInfoQuery } from "../types/admin.generated";

/** What Orchard needs to know about a shop: its time zone and currency for its sums, its online store's address for links. */
export const ShopInfo = operation<ShopInfoQuery>(`#graphql
  query ShopInfo {
    shop {
      name
      email
      ianaTimezone
      currencyCode
      url
    }
  }
`);
