import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { messagesByLocale, resolveLocale, translate } from "../../app/i18n/i18n";

function keys(node: unknown, prefix = ""): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

/** The arguments an ICU message takes, from its syntax tree (inside plurals and selects too). */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    const own = "value" in element && element.type !== TYPE.literal ? [String(element.value)] : [];
    const nested = "options" in element ? Object.values(element.options).flatMap((option) => argumentsOf(option.value)) : [];
    return [...own, ...nested];
  });
}

function placeholders(node: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const key of keys(node)) {
    const text = key.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], node) as string;
    result[key] = [...new Set(argumentsOf(parse(text)))].sort();
  }
  return result;
}

describe("translations", () => {
  it.each(Object.keys(messagesByLocale))("%s has every English key, each an ICU message with the same arguments", (locale) => {
    const messages = messagesByLocale[locale as keyof typeof messagesByLocale];
    expect(keys(messages).sort()).toEqual(keys(messagesByLocale.en).sort());
    expect(placeholders(messages)).toEqual(placeholders(messagesByLocale.en));
  });

  it("fills placeholders and falls back to English for unknown locales", () => {
    expect(translate(messagesByLocale.fr, "dashboard.catalogueSummary", { products: 3, collections: 1 })).toBe(
      "3 produits dans 1 collections, prêts pour des revenus récurrents.",
    );
    expect(resolveLocale("fr-CA")).toBe("fr");
    expect(resolveLocale("tlh")).toBe("en");
    expect(resolveLocale(null)).toBe("en");
  });
});
