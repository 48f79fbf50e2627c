import { randomBytes } from "node:crypto";
import { db } from "../db.server";
import { messagesByLocale, translate, type Messages } from "../i18n/i18n";
import { formatMoneyMinor } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { setAppDataMetafield } from "../shopify/app-data-metafields";
import type { ProtectionProductVariantsQuery } from "../types/admin.generated";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { shopLanguages } from "../subscriptions/plan-translations.server";
import type { ProtectionVariantInfo } from "./registrations";
import { findPartner, listPartners } from "./partners.server";
import { termMessage, validateOffer, type FieldErrors, type OfferDraft, type ProtectionOfferTerms } from "./offer";
import { plannedVariants, productSetInput, storefrontCatalog, type PlannedVariant, type ProductLabels } from "./protection-product";
import { ProtectionProductSet, ProtectionProductVariants } from "./protection.queries";
import { markNotShipped, publishToOnlineStore } from "../shops/online-store.server";
import { ShopCollections } from "../shops/shop-collections.query";
import { OfferProductTitles } from "./offer-form.queries";

/**
 * Protection offers: Orchard's rows, the Shopify product each one keeps in step, and the storefront
 * catalog (an app-data metafield) that the theme block reads. Shopify is written first; the row
 * records what Shopify confirmed.
 */
export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; fieldErrors: FieldErrors; shopifyErrors: { field: string; message: string }[] };

export type SyncedVariant = PlannedVariant & { variantId: string };

export function productLabels(messages: Messages, locale: string, currencyCode: string): ProductLabels {
  const money = (minor: number) => formatMoneyMinor(minor, currencyCode, locale);
  return {
    productType: (kind) => translate(messages, `protection.kinds.${kind}`),
    termOption: translate(messages, "protection.product.termOption"),
    bandOption: translate(messages, "protection.product.bandOption"),
    term: (months) => translate(messages, ...termMessage(months)),
    band: (minMinor, maxMinor) =>
      maxMinor === null
        ? translate(messages, "protection.product.bandFrom", { min: money(minMinor) })
        : translate(messages, "protection.product.bandRange", { min: money(minMinor), max: money(maxMinor) }),
  };
}

// Offers saved before add-ons had kinds were all protection.
export const offerTerms = (offer: { terms: string }): ProtectionOfferTerms => ({ kind: "protection", ...JSON.parse(offer.terms) });
export const offerVariants = (offer: { variants: string }) => JSON.parse(offer.variants) as SyncedVariant[];

export async function listOffers(shop: string) {
  return db().protectionOffer.findMany({
    where: { shop },
    include: { partner: { select: { name: true } } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
}

export async function findOffer(shop: string, id: string) {
  return db().protectionOffer.findFirst({ where: { shop, id } });
}

async function currencyOf(shop: string) {
  return (await findShop(shop))?.currencyCode ?? "USD";
}

function refused(error: unknown): SaveResult {
  if (!(error instanceof ShopifyUserErrors)) throw error;
  return {
    ok: false,
    fieldErrors: {},
    shopifyErrors: error.userErrors.map((e) => ({ field: (e.field ?? []).join("."), message: e.message })),
  };
}

async function allVariants(admin: AdminClient, productId: string) {
  const variants: { id: string; sku: string | null; requiresShipping: boolean }[] = [];
  let after: string | null = null;
  do {
    const result: ProtectionProductVariantsQuery = await admin.request(ProtectionProductVariants, { id: productId, after });
    const page = result.product?.variants;
    variants.push(
      ...(page?.nodes ?? []).map((v) => ({ id: v.id, sku: v.sku ?? null, requiresShipping: v.inventoryItem.requiresShipping })),
    );
    after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
  } while (after);
  return variants;
}

/** Brings the offer's product to the offer's terms, and returns its variants with their Shopify ids. */
async function syncProduct(
  admin: AdminClient,
  key: string,
  terms: ProtectionOfferTerms,
  currencyCode: string,
  existing: { productId: string | null; variants: SyncedVariant[] },
): Promise<{ productId: string; variants: SyncedVariant[] }> {
  const { primary: locale } = await shopLanguages(admin);
  const labels = productLabels(messagesByLocale[locale], locale, currencyCode);
  const planned = plannedVariants(key, terms, labels);
  const variantIdBySku = Object.fromEntries(existing.variants.map((v) => [v.sku, v.variantId]));
  const { productSet } = await admin.request(ProtectionProductSet, {
    input: productSetInput(terms, planned, currencyCode, labels, { productId: existing.productId, variantIdBySku }),
  });
  const productId = productSet!.product!.id;
  await publishToOnlineStore(admin, productId);
  const variants = await allVariants(admin, productId);
  await markNotShipped(
    admin,
    productId,
    variants.filter((v) => v.requiresShipping).map((v) => v.id),
  );
  const idBySku = new Map(variants.map((v) => [v.sku, v.id]));
  return {
    productId,
    variants: planned.map((variant) => {
      const variantId = idBySku.get(variant.sku);
      if (!variantId) throw new Error(`Shopify did not keep the variant ${variant.sku} of ${productId}`);
      return { ...variant, variantId };
    }),
  };
}

/** Creates (offerId null) or updates an offer: checked, written to Shopify, then recorded. */
export async function saveOffer(admin: AdminClient, offerId: string | null, draft: OfferDraft): Promise<SaveResult> {
  const shop = admin.shop;
  const currencyCode = await currencyOf(shop);
  const checked = validateOffer(draft, currencyCode);
  if ("errors" in checked) return { ok: false, fieldErrors: checked.errors, shopifyErrors: [] };
  const existing = offerId ? await findOffer(shop, offerId) : null;
  if (offerId && !existing) throw new Response("Not found", { status: 404 });
  const partnerId = draft.partnerId || null;
  if (partnerId && !(await findPartner(shop, partnerId)))
    return { ok: false, fieldErrors: { partnerId: "partnerUnknown" }, shopifyErrors: [] };
  const key = existing?.key ?? randomBytes(4).toString("hex").toUpperCase();
  let synced: Awaited<ReturnType<typeof syncProduct>>;
  try {
    synced = await syncProduct(admin, key, checked.offer, currencyCode, {
      productId: existing?.shopifyProductId ?? null,
      variants: existing ? offerVariants(existing) : [],
    });
  } catch (error) {
    return refused(error);
  }
  const data = {
    name: checked.offer.name,
    currencyCode,
    terms: JSON.stringify(checked.offer),
    shopifyProductId: synced.productId,
    variants: JSON.stringify(synced.variants),
    status: "active",
    syncedAt: new Date(),
    syncError: null,
    partnerId,
  };
  const saved = existing
    ? await db().protectionOffer.update({ where: { id: existing.id }, data })
    : await db().protectionOffer.create({ data: { shop, key, ...data } });
  await publishCatalog(admin);
  return { ok: true, id: saved.id };
}

/** Stops offering: the product is archived in Shopify (past orders keep it), the storefront stops showing it. */
export async function archiveOffer(admin: AdminClient, offerId: string): Promise<void> {
  const offer = await findOffer(admin.shop, offerId);
  if (!offer) throw new Response("Not found", { status: 404 });
  if (offer.shopifyProductId) await admin.request(ProtectionProductSet, { input: { id: offer.shopifyProductId, status: "ARCHIVED" } });
  await db().protectionOffer.update({ where: { id: offer.id }, data: { status: "archived" } });
  await publishCatalog(admin);
}

/** The catalog of the shop's active offers, as the storefront and checkout read it. */
export async function shopCatalog(shop: string) {
  const offers = await db().protectionOffer.findMany({
    where: { shop, status: "active", shopifyProductId: { not: null } },
    include: { partner: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return storefrontCatalog(
    offers.map((offer) => ({
      id: offer.id,
      terms: offerTerms(offer),
      variants: offerVariants(offer),
      partnerName: offer.partner?.name ?? null,
    })),
  );
}

/** Writes the storefront catalog, the whole of it each time. */
export async function publishCatalog(admin: AdminClient): Promise<void> {
  const catalog = await shopCatalog(admin.shop);
  await setAppDataMetafield(admin, { namespace: "protection", key: "offers", type: "json", value: JSON.stringify(catalog) });
}

/**
 * What an order webhook needs to know of the shop's protection, in one read: the protection
 * variants (numeric ids, as orders carry them) of every offer the shop ever had, since an order
 * may carry a retired offer's protection, and the terms of the offers active now.
 */
export interface ProtectionCatalog {
  variants: ReadonlyMap<string, ProtectionVariantInfo>;
  activeOffers: ProtectionOfferTerms[];
}

export async function protectionCatalogOf(shop: string): Promise<ProtectionCatalog> {
  const offers = await db().protectionOffer.findMany({
    where: { shop },
    select: { id: true, status: true, terms: true, variants: true, partner: { select: { id: true, revenueShareBasisPoints: true } } },
  });
  return {
    variants: new Map(
      offers.flatMap((offer) =>
        offerVariants(offer).map(
          (v) =>
            [
              v.variantId.split("/").pop()!,
              {
                offerId: offer.id,
                termMonths: v.termMonths,
                partnerId: offer.partner?.id ?? null,
                partnerShareBasisPoints: offer.partner?.revenueShareBasisPoints ?? null,
              },
            ] as const,
        ),
      ),
    ),
    activeOffers: offers.filter((offer) => offer.status === "active").map(offerTerms),
  };
}

/** What the form shows beside the draft: the shop's collections and the titles of the products it names. */
export async function offerFormContext(admin: AdminClient, draft: OfferDraft) {
  const ids = [...new Set([...draft.eligibility.productIds, ...draft.eligibility.excludedProductIds])];
  const [{ collections }, titles, partners] = await Promise.all([
    admin.request(ShopCollections, {}),
    ids.length ? admin.request(OfferProductTitles, { ids }) : Promise.resolve({ nodes: [] }),
    listPartners(admin.shop),
  ]);
  const productTitles: Record<string, string> = {};
  for (const node of titles.nodes) if (node && "title" in node) productTitles[node.id] = node.title;
  return {
    collections: collections.nodes,
    productTitles,
    partners: partners.map(({ id, name }) => ({ id, name })),
    currencyCode: await currencyOf(admin.shop),
  };
}
