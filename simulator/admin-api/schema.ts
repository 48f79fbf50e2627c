import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";

/**
 * Shopify's published Admin schema, kept outside this repository (it is Shopify's). The simulator
 * executes every request against it, so a request Shopify's schema would refuse is refused here too.
 */
export const ADMIN_SCHEMA_PATH =
  process.env.ADMIN_SCHEMA ?? resolve(import.meta.dirname, "..", "..", "..", "shared", "shopify", "admin-schema.graphql");

let cached: GraphQLSchema | undefined;

export function adminSchema(): GraphQLSchema {
  if (cached) return cached;
  if (!existsSync(ADMIN_SCHEMA_PATH)) {
    throw new Error(
      `The Admin GraphQL schema is missing at ${ADMIN_SCHEMA_PATH}. The simulator validates every request against it: ` +
        `set ADMIN_SCHEMA to Shopify's schema for the version in app/shopify/api-version.ts (docs/simulator.md).`,
    );
  }
  cached = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, "utf8"), { assumeValidSDL: true });
  return cached;
}
