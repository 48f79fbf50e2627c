import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, validate } from "graphql";
import { adminSchema } from "../../simulator/admin-api/schema";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "types" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

const documents = sourceFiles("app").flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/`#graphql([\s\S]*?)`/g)].map((match) => ({ file, document: match[1]! })),
);

describe("every Admin operation Orchard sends", () => {
  it("was found", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.document)?.[2] ?? "?"}`, d.document]))(
    "%s is named and valid against Shopify's Admin schema",
    (_name, document) => {
      const ast = parse(document);
      expect(ast.definitions.every((d) => d.kind !== "OperationDefinition" || d.name)).toBe(true);
      expect(validate(adminSchema(), ast).map((e) => e.message)).toEqual([]);
    },
  );
});
