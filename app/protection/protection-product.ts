import { currencyDigits, decimalFromMinor } from "../money";
import type { AddOnKind, Eligibility, ProtectionOfferTerms } from "./offer";
import { escapeHtml } from "../html";

/**
 * The Shopify side of an offer: one product per offer, one variant per term × price band, not
 * shipped, hidden from search (seo.hidden), kept out of collections. And the catalog the
 * storefront block and the cart check read: which variant protects which band for which term.
 */
// Every add-on's product carries it, whatever its kind: the theme block and the cart check know
// Orchard's own products by it.
export const PROTECTION_TAG = "orchard-protection";

/** Line item properties that tie a protection line to the line it protects (underscore: hidden by themes). */
export const LINK_PROPERTY = "_orchard_link";
export const PROTECTS_PROPERTY = "_orchard_protects";

export interface ProductLabels {
  productType: (kind: AddOnKind) => string;
  termOption: string;
  bandOption: string;
  term: (months: number) => string;
  band: (minMinor: number, maxMinor: number | null) => string;
}

export interface PlannedVariant {
  sku: string;
  termMonths: number;
  bandIndex: number;
  priceMinor: number;
  term: string;
  band: string;
}

/** Variants an offer needs, terms first so the storefront lists them in order. */
export function plannedVariants(offerKey: string, offer: ProtectionOfferTerms, labels: ProductLabels): PlannedVariant[] {
  return offer.termMonths.flatMap((termMonths) =>
    offer.bands.map((band, bandIndex) => ({
      sku: `ORCHARD-${offerKey}-${termMonths}M-B${bandIndex + 1}`,
      termMonths,
      bandIndex,
      priceMinor: band.priceMinor[termMonths]!,
      term: labels.term(termMonths),
      band: labels.band(band.minMinor, band.maxMinor),
    })),
  );
}

/**
 * productSet's input: the whole product as it must be. Shopify creates what is missing, updates
 * what changed and deletes the variants left out, in one mutation; variants Orchard made before
 * keep their ids (and the carts holding them) when their term and band are unchanged.
 */
export function productSetInput(
  offer: ProtectionOfferTerms,
  variants: PlannedVariant[],
  currencyCode: string,
  labels: ProductLabels,
  existing: { productId: string | null; variantIdBySku: Record<string, string> },
) {
  const digits = currencyDigits(currencyCode);
  // Themes print every option on the cart line ("Product price: $0.00 and above"): a single band
  // tells the shopper nothing, so the variants then differ by term alone.
  const bandShown = offer.bands.length > 1;
  const description = [
    offer.coverage ? `<p>${escapeHtml(offer.coverage)}</p>` : "",
    offer.termsUrl ? `<p><a href="${escapeHtml(offer.termsUrl)}">${escapeHtml(offer.termsUrl)}</a></p>` : "",
  ].join("");
  return {
    ...(existing.productId ? { id: existing.productId } : {}),
    title: offer.name,
    descriptionHtml: description,
    vendor: offer.provider || offer.name,
    productType: labels.productType(offer.kind),
    status: "ACTIVE" as const,
    tags: [PROTECTION_TAG],
    // No collections: productSet removes the product from any a merchant added it to.
    collections: [],
    metafields: [{ namespace: "seo", key: "hidden", type: "number_integer", value: "1" }],
    productOptions: [
      { name: labels.termOption, values: [...new Set(variants.map((v) => v.term))].map((name) => ({ name })) },
      ...(bandShown ? [{ name: labels.bandOption, values: [...new Set(variants.map((v) => v.band))].map((name) => ({ name })) }] : []),
    ],
    variants: variants.map((variant, index) => ({
      ...(existing.variantIdBySku[variant.sku] ? { id: existing.variantIdBySku[variant.sku] } : {}),
      position: index + 1,
      sku: variant.sku,
      price: decimalFromMinor(variant.priceMinor, digits),
      taxable: offer.taxable,
      inventoryPolicy: "CONTINUE" as const,
      optionValues: [
        { optionName: labels.termOption, name: variant.term },
        ...(bandShown ? [{ optionName: labels.bandOption, name: variant.band }] : []),
      ],
    })),
  };
}

const numericId = (gid: string) => gid.split("/").pop() ?? "";

export interface CatalogOffer {
  id: string;
  kind: AddOnKind;
  name: string;
  coverage: string;
  provider: string;
  termsUrl: string;
  eligibility: Eligibility;
  bands: { min: number; max: number | null; variants: { months: number; term: string; id: string; price: number }[] }[];
}

/**
 * What the storefront reads (the app-data metafield protection.offers): numeric ids as the AJAX
 * cart and Liquid use them, prices in minor units.
 */
export function storefrontCatalog(
  offers: {
    id: string;
    terms: ProtectionOfferTerms;
    variants: (PlannedVariant & { variantId: string })[];
    partnerName: string | null;
  }[],
) {
  return {
    version: 1,
    offers: offers.map(
      ({ id, terms, variants, partnerName }): CatalogOffer => ({
        id,
        kind: terms.kind,
        name: terms.name,
        coverage: terms.coverage,
        // The merchant's wording first; a partner's add-on otherwise says who provides it.
        provider: terms.provider || partnerName || "",
        termsUrl: terms.termsUrl,
        eligibility: {
          scope: terms.eligibility.scope,
          productIds: terms.eligibility.productIds.map(numericId),
          collectionIds: terms.eligibility.collectionIds.map(numericId),
          // Liquid compares tags downcased: the catalog holds them downcased too.
          tags: terms.eligibility.tags.map((tag) => tag.toLowerCase()),
          excludedProductIds: terms.eligibility.excludedProductIds.map(numericId),
        },
        bands: terms.bands.map((band, bandIndex) => ({
          min: band.minMinor,
          max: band.maxMinor,
          variants: variants
            .filter((v) => v.bandIndex === bandIndex)
            .map((v) => ({ months: v.termMonths, term: v.term, id: numericId(v.variantId), price: v.priceMinor })),
        })),
      }),
    ),
  };
}
