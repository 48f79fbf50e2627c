import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { shopifySchema, type SchemaApiName } from "../../../simulator/shopify-schemas";

/**
 * Every GraphQL document Orchard sends, checked against Shopify's published schema of the API it
 * goes to, at Orchard's pinned version: valid, named, and using no deprecated field (a deprecated
 * field is one Shopify has announced it will remove).
 */
const sources: { dir: string; api: SchemaApiName }[] = [
  { dir: "app", api: "admin" },
  { dir: "extensions/orchard-subscribe-at-checkout/src", api: "storefront" },
  { dir: "extensions/orchard-protection-at-checkout/src", api: "storefront" },
  { dir: "extensions/orchard-customer-account/src", api: "customer" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "types" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

const documents = sources.flatMap(({ dir, api }) =>
  sourceFiles(dir).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/`#graphql([\s\S]*?)`/g)].map((match) => ({ file, api, document: match[1]! })),
  ),
);

describe("every GraphQL document Orchard sends", () => {
  it("was found, for the Admin API and for the checkout extension's Storefront API", () => {
    expect(documents.filter((d) => d.api === "admin").length).toBeGreaterThan(50);
    expect(documents.filter((d) => d.api === "storefront").length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.api}: ${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.document)?.[2] ?? "?"}`, d]))(
    "%s is named, valid and free of deprecated fields",
    (_name, { api, document }) => {
      const ast = parse(document);
      expect(ast.definitions.every((d) => d.kind !== "OperationDefinition" || d.name)).toBe(true);
      const errors = validate(shopifySchema(api), ast, [...specifiedRules, NoDeprecatedCustomRule]);
      expect(errors.map((e) => e.message)).toEqual([]);
    },
  );
});
