import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const extensionsDir = join(import.meta.dirname, "..", "..", "..", "extensions");

function leaves(node: unknown, prefix = ""): Record<string, string> {
  return Object.entries(node as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, value]) => ({
      ...all,
      ...(typeof value === "string" ? { [`${prefix}${key}`]: value } : leaves(value, `${prefix}${key}.`)),
    }),
    {},
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("every extension's translations", () => {
  const cases = readdirSync(extensionsDir).flatMap((extension) => {
    const dir = join(extensionsDir, extension, "locales");
    if (!existsSync(dir)) return []; // extensions/shared: code the extensions bundle, no text of its own
    const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes(".schema.") && !f.includes(".default."));
    return files.map((file) => [extension, file] as const);
  });

  it.each(cases)("%s/%s has the default locale's keys and placeholders", (extension, file) => {
    const dir = join(extensionsDir, extension, "locales");
    const fallback = leaves(JSON.parse(readFileSync(join(dir, "en.default.json"), "utf8")));
    const translated = leaves(JSON.parse(readFileSync(join(dir, file), "utf8")));
    expect(Object.keys(translated).sort()).toEqual(Object.keys(fallback).sort());
    for (const key of Object.keys(fallback)) expect(placeholders(translated[key]!), key).toEqual(placeholders(fallback[key]!));
  });
});
