// Types for every Admin operation in app/, generated from the Admin schema Shopify publishes for the
// version in app/shopify/api-version.ts (fetched by scripts/shopify-schemas.ts, never kept here).
import { pluckConfig, preset } from "@shopify/api-codegen-preset";
import { schemaFile } from "./simulator/shopify-schemas";

export default {
  schema: schemaFile("admin"),
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
