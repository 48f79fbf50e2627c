import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { ADMIN_API_VERSION } from "../app/shopify/api-version";

/**
 * Shopify's published GraphQL schemas for the one API version Orchard speaks: the simulator executes
 * Admin requests against the Admin schema, codegen types Orchard's documents from it, and the tests
 * validate every Admin, Storefront (checkout extension) and Customer Account document against them.
 * They are Shopify's files, fetched from Shopify's own npm package by scripts/shopify-schemas.ts into a
 * git-ignored folder; nothing here is hand-written.
 */
export const SCHEMA_PACKAGE = "@shopify/dev-mcp@1.16.0";
export const SCHEMAS_DIR = process.env.SHOPIFY_SCHEMAS_DIR ?? resolve(import.meta.dirname, "..", ".shopify-schemas");

export type SchemaApiName = "admin" | "storefront" | "customer";

interface SchemaApi {
  name: SchemaApiName;
  /** The file's name in the package's dist/data/. */
  packageFile: string;
}

export const SCHEMA_APIS: SchemaApi[] = [
  { name: "admin", packageFile: `admin_${ADMIN_API_VERSION}.json.gz` },
  { name: "storefront", packageFile: `storefront-graphql_${ADMIN_API_VERSION}.json.gz` },
  { name: "customer", packageFile: `customer_${ADMIN_API_VERSION}.json.gz` },
];

export function schemaFile(api: SchemaApi | SchemaApiName): string {
  return join(SCHEMAS_DIR, `${typeof api === "string" ? api : api.name}_${ADMIN_API_VERSION}.json`);
}

const built = new Map<SchemaApiName, GraphQLSchema>();

export function shopifySchema(name: SchemaApiName): GraphQLSchema {
  const cached = built.get(name);
  if (cached) return cached;
  const path = schemaFile(name);
  if (!existsSync(path)) {
    throw new Error(
      `Shopify's ${name} schema is missing at ${path}: run \`npx tsx scripts/shopify-schemas.ts\` ` +
        `(scripts/demo.sh and scripts/test.sh do) to fetch it from ${SCHEMA_PACKAGE}.`,
    );
  }
  const introspection = JSON.parse(readFileSync(path, "utf8")) as IntrospectionQuery | { data: IntrospectionQuery };
  const schema = buildClientSchema("data" in introspection ? introspection.data : introspection, { assumeValid: true });
  built.set(name, schema);
  return schema;
}
