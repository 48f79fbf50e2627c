import type { GraphQLSchema } from "graphql";
import { shopifySchema } from "../shopify-schemas";

/** Shopify's published Admin schema: a request Shopify's schema would refuse is refused here too. */
export function adminSchema(): GraphQLSchema {
  return shopifySchema("admin");
}
