import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADD_ON_KINDS } from "../../../app/protection/add-on-kinds";

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

describe("the words of each kind of add-on", () => {
  // The protection block and the checkout extension build their keys from the offer's kind
  // ("premium_support.none"), which no theme-check or type check can follow: each kind must have
  // every word the protection kind has.
  const wordsOf = (extension: string, kind: string) =>
    Object.keys(leaves(JSON.parse(readFileSync(join(extensionsDir, extension, "locales", "en.default.json"), "utf8"))[kind] ?? {}));

  it.each([
    ["orchard-theme", ["none", "term_choice", "unavailable", "provided_by", "protects", "added_without"]],
    ["orchard-protection-at-checkout", ["none", "choice", "terms", "accept", "failed"]],
  ])("%s has them for every kind", (extension, used) => {
    for (const kind of ADD_ON_KINDS) expect(wordsOf(extension, kind), kind).toEqual(expect.arrayContaining(used));
  });
});
