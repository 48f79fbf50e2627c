import { IntlMessageFormat } from "intl-messageformat";
import en from "./locales/en.json";
import fr from "./locales/fr.json";

/**
 * Every string a merchant reads goes through here. English is complete; French proves the path.
 * Keys are dotted paths into the locale files, whose values are ICU messages (intl-messageformat):
 * {name} is filled from `values`, {count, plural, one {…} other {…}} follows the language's CLDR
 * plural rules, and {unit, select, WEEK {…} other {…}} lets a language agree in gender.
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

const localeOfMessages = new Map<Messages, Locale>(
  Object.entries(messagesByLocale).map(([locale, messages]) => [messages, locale as Locale]),
);
const compiled = new Map<string, IntlMessageFormat>();

function messageFormat(template: string, locale: Locale): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${template}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(template, locale);
    compiled.set(cacheKey, format);
  }
  return format;
}

export function translate(messages: Messages, key: MessageKey, values: Record<string, string | number> = {}): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof found !== "string") return key;
  return String(messageFormat(found, localeOfMessages.get(messages) ?? defaultLocale).format(values));
}
