import en from "./locales/en.json";
import fr from "./locales/fr.json";

/**
 * Every string a merchant reads goes through here. English is complete; French proves the path.
 * Keys are dotted paths into the locale files; {name} placeholders are filled from `values`.
 */
export type Messages = typeof en;
export const messagesByLocale = { en, fr } satisfies Record<string, Messages>;
export type Locale = keyof typeof messagesByLocale;
export const defaultLocale: Locale = "en";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/** "fr-CA" → "fr"; anything unknown → English. */
export function resolveLocale(requested: string | null | undefined): Locale {
  const language = (requested ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return language in messagesByLocale ? (language as Locale) : defaultLocale;
}

export function translate(messages: Messages, key: MessageKey, values: Record<string, string | number> = {}): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  const template = typeof found === "string" ? found : key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The CLDR plural category of a count in a locale, among those Orchard's files write: "one" or "other". */
export function pluralCategory(locale: string, count: number): "one" | "other" {
  return new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
}
