import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { waitFor } from "@testing-library/preact";
import { expect } from "vitest";
import { shopifySchema } from "../../simulator/shopify-schemas";

/**
 * What Shopify's tester leaves to each app: the tester's `i18n.translate` echoes keys and its
 * `query` answers nothing. These stand in for the host with the extension's own locale file and
 * Shopify's published Storefront schema, so a missing key or an invalid query fails the test.
 */

type Messages = { [key: string]: string | Messages };

/**
 * `shopify.i18n.translate` as Shopify documents it: a dotted key into the extension's locale file,
 * `{{name}}` replacements, and with a `count` the CLDR plural form (`one`, `other`…) of the key.
 */
export function translatorFor(extension: string, locale = "en.default") {
  const messages = JSON.parse(readFileSync(join("extensions", extension, "locales", `${locale}.json`), "utf8")) as Messages;
  const plurals = new Intl.PluralRules(locale.replace(".default", ""));
  return (key: string, replacements: Record<string, string | number> = {}): string => {
    let found: string | Messages | undefined = messages;
    for (const part of key.split(".")) found = typeof found === "object" ? found[part] : undefined;
    if (typeof found === "object" && typeof replacements.count === "number")
      found = found[plurals.select(replacements.count)] ?? found.other;
    if (typeof found !== "string") throw new Error(`${extension}: no translation for "${key}" in ${locale}.json`);
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(replacements[name] ?? `{{${name}}}`));
  };
}

/** `shopify.query` against Shopify's Storefront schema: refused as Shopify would refuse it, else answered with `data`. */
export function storefrontQuery(data: unknown) {
  const asked: { query: string; variables: unknown }[] = [];
  const query = async (query: string, options?: { variables?: unknown }) => {
    asked.push({ query, variables: options?.variables });
    const errors = validate(shopifySchema("storefront"), parse(query));
    if (errors.length) return { errors: errors.map((e) => ({ message: e.message })) };
    return { data };
  };
  return { query, asked };
}

/**
 * The tester's `fetch`, answered in JSON by `answer` (Orchard's side), recording what the extension
 * asked. The answer's body is in memory and read in promise jobs only (no stream), so that once the
 * extension has asked, everything it does with the answer is over by the next macrotask.
 */
export function orchardAnswering(answer: (path: string, body: unknown) => { status?: number; body: unknown }) {
  const requests: { path: string; authorization: string | null; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace(/^https?:\/\/[^/]+/, "");
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ path, authorization: new Headers(init?.headers).get("authorization"), body });
    const { status = 200, body: answerBody } = answer(path, body);
    const text = JSON.stringify(answerBody);
    const response = new Response(text, { status, headers: { "content-type": "application/json" } });
    response.json = async () => JSON.parse(text) as unknown;
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/**
 * The screen as it stays: waits until `asked` (the extension has sent its requests), then lets the
 * promise jobs that follow from the answers (state, Preact's re-render) run out before the next
 * macrotask.
 */
export async function settledAfter(asked: () => boolean): Promise<void> {
  await waitFor(() => expect(asked()).toBe(true));
  await new Promise((resolve) => setImmediate(resolve));
}
