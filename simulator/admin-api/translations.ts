import { createHash } from "node:crypto";
import { parseGid } from "../ids";
import type { ShopRecord } from "../store";
import type { UserError } from "./user-errors";

/**
 * Translations as the Admin API keeps them (shopLocales, translatableResource(s),
 * translationsRegister) for the resources Orchard translates: selling plan groups and plans.
 * A translation names the digest of the content it translates; a stale digest is refused.
 */
export const digestOf = (value: string) => createHash("sha256").update(value).digest("hex");

interface Content {
  key: string;
  value: string;
  type: string;
}

/** The translatable fields of a resource in the shop's primary language, or null if unknown. */
export function translatableContent(shop: ShopRecord, resourceId: string): Content[] | null {
  const parsed = parseGid(resourceId);
  if (!parsed) return null;
  if (parsed.type === "SellingPlanGroup") {
    const group = shop.sellingPlanGroups.get(parsed.id);
    if (!group) return null;
    return [
      { key: "name", value: group.name, type: "STRING" },
      ...(group.description ? [{ key: "description", value: group.description, type: "MULTI_LINE_TEXT_FIELD" }] : []),
      ...group.options.map((value, index) => ({ key: `option${index + 1}`, value, type: "STRING" })),
    ];
  }
  if (parsed.type === "SellingPlan") {
    for (const group of shop.sellingPlanGroups.values()) {
      const plan = group.sellingPlans.find((p) => p.id === parsed.id);
      if (!plan) continue;
      return [
        { key: "name", value: plan.name, type: "STRING" },
        ...(plan.description ? [{ key: "description", value: plan.description, type: "MULTI_LINE_TEXT_FIELD" }] : []),
        ...plan.options.map((value, index) => ({ key: `option${index + 1}`, value, type: "STRING" })),
      ];
    }
  }
  return null;
}

function primaryLocale(shop: ShopRecord): string {
  return shop.locales.find((l) => l.primary)!.locale;
}

export function presentTranslatableResource(shop: ShopRecord, resourceId: string) {
  const content = translatableContent(shop, resourceId);
  if (!content) return null;
  return {
    resourceId,
    translatableContent: content.map((c) => ({ ...c, digest: digestOf(c.value), locale: primaryLocale(shop) })),
    translations: ({ locale }: { locale: string }) =>
      [...(shop.translations.get(resourceId)?.get(locale) ?? new Map()).entries()].map(([key, t]) => ({
        key,
        locale,
        value: t.value,
        outdated:
          content.find((c) => c.key === key)?.value !== undefined && digestOf(content.find((c) => c.key === key)!.value) !== t.digest,
        updatedAt: t.updatedAt.toISOString(),
      })),
  };
}

export function registerTranslations(
  shop: ShopRecord,
  resourceId: string,
  inputs: { key: string; locale: string; value: string; translatableContentDigest: string }[],
  now: Date,
): {
  translations: { key: string; locale: string; value: string; outdated: boolean; updatedAt: string }[] | null;
  userErrors: UserError[];
} {
  const content = translatableContent(shop, resourceId);
  if (!content)
    return { translations: null, userErrors: [{ field: ["resourceId"], message: "Resource does not exist", code: "RESOURCE_NOT_FOUND" }] };
  const userErrors: UserError[] = [];
  inputs.forEach((input, index) => {
    const field = ["translations", String(index)];
    const locale = shop.locales.find((l) => l.locale === input.locale);
    const item = content.find((c) => c.key === input.key);
    if (!locale || locale.primary)
      userErrors.push({ field: [...field, "locale"], message: "Locale is not enabled for this shop", code: "INVALID_LOCALE_FOR_SHOP" });
    else if (!item)
      userErrors.push({
        field: [...field, "key"],
        message: `Key ${input.key} is not a valid translatable field`,
        code: "INVALID_KEY_FOR_MODEL",
      });
    else if (digestOf(item.value) !== input.translatableContentDigest) {
      userErrors.push({
        field: [...field, "translatableContentDigest"],
        message: "Translatable content hash is invalid",
        code: "INVALID_TRANSLATABLE_CONTENT",
      });
    } else if (!input.value.trim()) userErrors.push({ field: [...field, "value"], message: "Value can't be blank", code: "BLANK" });
  });
  if (userErrors.length) return { translations: null, userErrors };
  const byLocale = shop.translations.get(resourceId) ?? new Map<string, Map<string, { value: string; digest: string; updatedAt: Date }>>();
  shop.translations.set(resourceId, byLocale);
  for (const input of inputs) {
    const keys = byLocale.get(input.locale) ?? new Map();
    byLocale.set(input.locale, keys);
    keys.set(input.key, { value: input.value, digest: input.translatableContentDigest, updatedAt: now });
  }
  return {
    translations: inputs.map((input) => ({
      key: input.key,
      locale: input.locale,
      value: input.value,
      outdated: false,
      updatedAt: now.toISOString(),
    })),
    userErrors: [],
  };
}

/** The value shoppers see in `locale`: the translation when it is current, else the original. */
export function translated(shop: ShopRecord, resourceId: string, key: string, original: string, locale: string): string {
  const translation = shop.translations.get(resourceId)?.get(locale)?.get(key);
  return translation && translation.digest === digestOf(original) ? translation.value : original;
}
