// Types for every Admin operation in app/, generated from the schema Shopify publishes. The schema
// file is Shopify's and is not kept in this repository: ../shared/shopify/admin-schema.graphql in this
// workplace; elsewhere set ADMIN_SCHEMA to a schema of the version in app/shopify/api-version.ts.
import { pluckConfig, preset } from "@shopify/api-codegen-preset";

const schema = process.env.ADMIN_SCHEMA ?? "../shared/shopify/admin-schema.graphql";

export default {
  schema,
  documents: ["./app/**/*.{ts,tsx}", "!./app/types/**"],
  extensions: {
    codegen: {
      pluckConfig,
      generates: {
        "./app/types/admin.types.d.ts": {
          plugins: ["typescript"],
          config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsTypes: true },
        },
        "./app/types/admin.generated.d.ts": { preset, presetConfig: { apiType: "Admin" } },
      },
    },
  },
};
