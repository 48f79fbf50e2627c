import { operation } from "../shopify/admin-client";
import type { ShopInfoQuery } from "../types/admin.generated";

/** What Orchard needs to know about a shop to do its sums: its time zone and its currency. */
export const ShopInfo = operation<ShopInfoQuery>(`#graphql
  query ShopInfo {
    shop {
      name
      ianaTimezone
      currencyCode
    }
  }
`);
