import { operation } from "../shopify/admin-client";
import type { StoreOverviewQuery } from "../types/admin.generated";

/** The dashboard's first card: which store this is and how much it sells that could recur. */
export const StoreOverview = operation<StoreOverviewQuery>(`#graphql
  query StoreOverview {
    shop {
      name
      currencyCode
      ianaTimezone
    }
    productsCount(query: "status:active") {
      count
    }
    collectionsCount {
      count
    }
  }
`);
