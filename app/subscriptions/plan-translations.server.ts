import { messagesByLocale, resolveLocale, type Locale } from "../i18n/i18n";
import { log } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import type { ShopLanguagesQuery } from "../types/admin.generated";
import { ShopifyGraphqlError } from "../shopify/errors";
import type { PlanDraft } from "./plan-draft";
import { frequencyName, frequencyOption } from "./plan-text";
import type { ShopperText } from "./plan-to-shopify";
import { PlanSellingPlanIds, PlanTranslatableContent, ShopLanguages, TranslationsRegister } from "./plan-translations.queries";

/**
 * Shoppers read plan names in the shop's language. Orchard writes them in the shop's primary
 * language (when it speaks it) and registers translations with Shopify for every other published
 * language it speaks, so the storefront shows each shopper their own.
 */
export interface ShopLanguages {
  primary: Locale;
  others: string[];
}

const speaks = (locale: string) => resolveLocale(locale) === locale.toLowerCase().split(/[-_]/)[0];

/**
 * A store that has not yet approved `read_locales` (added in a later version of Orchard) still gets
 * its plans, in Orchard's default language and untranslated, until the merchant approves it.
 */
export async function shopLanguages(admin: AdminClient): Promise<ShopLanguages> {
  let shopLocales: ShopLanguagesQuery["shopLocales"];
  try {
    ({ shopLocales } = await admin.request(ShopLanguages));
  } catch (error) {
    if (!(error instanceof ShopifyGraphqlError && error.codes.includes("ACCESS_DENIED"))) throw error;
    log().warn({ shop: admin.shop }, "read_locales not granted yet: plans are written untranslated");
    return { primary: resolveLocale(undefined), others: [] };
  }
  const primary = resolveLocale(shopLocales.find((l) => l.primary)?.locale);
  return {
    primary,
    others: shopLocales.filter((l) => !l.primary && speaks(l.locale) && resolveLocale(l.locale) !== primary).map((l) => l.locale),
  };
}

export function shopperText(languages: ShopLanguages, currencyCode: string): ShopperText {
  return { messages: messagesByLocale[languages.primary], locale: languages.primary, currencyCode };
}

export async function registerPlanTranslations(
  admin: AdminClient,
  groupId: string,
  draft: PlanDraft,
  languages: ShopLanguages,
  currencyCode: string,
): Promise<void> {
  if (languages.others.length === 0) return;
  const { sellingPlanGroup } = await admin.request(PlanSellingPlanIds, { id: groupId });
  const planIds = sellingPlanGroup?.sellingPlans.nodes.map((p) => p.id) ?? [];
  if (planIds.length === 0) return;
  const { translatableResourcesByIds } = await admin.request(PlanTranslatableContent, { ids: planIds });
  const digests = new Map(
    translatableResourcesByIds.nodes.map((r) => [r.resourceId, new Map(r.translatableContent.map((c) => [c.key, c.digest ?? ""]))]),
  );

  // Shopify keeps the plans in the order Orchard gave them: the nth plan is the nth frequency.
  for (const [index, resourceId] of planIds.entries()) {
    const frequency = draft.frequencies[index];
    const content = digests.get(resourceId);
    if (!frequency || !content) continue;
    const translations = languages.others.flatMap((locale) => {
      const messages = messagesByLocale[resolveLocale(locale)];
      return [
        {
          locale,
          key: "name",
          value: frequencyName(messages, frequency, currencyCode, locale),
          translatableContentDigest: content.get("name") ?? "",
        },
        { locale, key: "option1", value: frequencyOption(messages, frequency), translatableContentDigest: content.get("option1") ?? "" },
      ];
    });
    await admin.request(TranslationsRegister, { resourceId, translations });
  }
}
