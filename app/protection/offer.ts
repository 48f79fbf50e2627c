import type { MessageKey } from "../i18n/i18n";
import type { Eligibility } from "./eligibility";
export { bandFor, ELIGIBILITY_SCOPES, isEligible, type Eligibility, type EligibilityScope } from "./eligibility";
import { amountFromInput, currencyDigits, decimalFromMinor } from "../money";
import { percentageBasisPoints, percentText } from "../percent";
import { isAddOnKind, type AddOnKind } from "./add-on-kinds";
export { ADD_ON_KINDS, type AddOnKind } from "./add-on-kinds";

/**
 * A protection offer: what the merchant fills in (OfferDraft, strings as typed) and what Orchard
 * keeps after checking it (ProtectionOffer, integer minor units). Prices come from a table of
 * product-price bands, one protection price per band and term; in percentage mode that table is
 * computed from a percentage of each band's upper bound.
 */
export const TERM_CHOICES = [12, 24, 36, 48, 60] as const;

export const PRICING_MODES = ["BANDS", "PERCENTAGE"] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

/** Shopify's limit on variants per product (Admin API 2025-01 and later), and on an option value's length. */
export const MAX_VARIANTS_PER_PRODUCT = 2048;
export const MAX_OPTION_VALUE_LENGTH = 255;

export interface BandDraft {
  min: string;
  /** Empty for the last band: "and above". */
  max: string;
  /** Protection price per term, keyed by the term in months (BANDS mode). */
  prices: Record<string, string>;
}

export interface OfferDraft {
  kind: AddOnKind;
  name: string;
  coverage: string;
  provider: string;
  termsUrl: string;
  taxable: boolean;
  termMonths: number[];
  pricing: PricingMode;
  bands: BandDraft[];
  /** Percentage of the band's upper bound per term, keyed by the term in months (PERCENTAGE mode). */
  percentages: Record<string, string>;
  eligibility: Eligibility;
  /** The partner's id, or "" for an add-on the merchant provides. */
  partnerId: string;
}

export interface PricedBand {
  minMinor: number;
  /** null: no upper bound. */
  maxMinor: number | null;
  /** Protection price in minor units, by term in months. */
  priceMinor: Record<number, number>;
}

export interface ProtectionOfferTerms {
  kind: AddOnKind;
  name: string;
  coverage: string;
  provider: string;
  termsUrl: string;
  taxable: boolean;
  termMonths: number[];
  pricing: PricingMode;
  /** Basis points (1500 = 15 %) by term, in PERCENTAGE mode; empty otherwise. */
  percentageBasisPoints: Record<number, number>;
  bands: PricedBand[];
  eligibility: Eligibility;
}

/** Field path ("bands.1.max", "percentages.24") → message key under protection.errors. */
export type FieldErrors = Record<string, string>;

export const emptyOfferDraft = (): OfferDraft => ({
  kind: "protection",
  name: "Protection plan",
  coverage: "",
  provider: "",
  termsUrl: "",
  taxable: true,
  termMonths: [12, 24],
  pricing: "BANDS",
  bands: [{ min: "0", max: "", prices: {} }],
  percentages: {},
  eligibility: { scope: "ALL", productIds: [], collectionIds: [], tags: [], excludedProductIds: [] },
  partnerId: "",
});

/**
 * The protection price a percentage gives a band: the percentage of the band's upper bound (the
 * most valuable product the band covers), rounded up to a whole unit of the currency, so the
 * price never covers less than the percentage promises. Integer arithmetic throughout.
 */
export function percentagePrice(bandMaxMinor: number, basisPoints: number, currencyCode: string): number {
  const unit = 10 ** currencyDigits(currencyCode);
  const exact = bandMaxMinor * basisPoints; // minor units × 10,000
  const perUnit = unit * 10_000;
  return Math.max(unit, Math.ceil(exact / perUnit) * unit);
}

export function variantCount(terms: number, bands: number): number {
  return terms * bands;
}

/** Checks the merchant's draft; either the offer in minor units or the errors, per field. */
export function validateOffer(draft: OfferDraft, currencyCode: string): { offer: ProtectionOfferTerms } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "nameRequired";
  else if (name.length > MAX_OPTION_VALUE_LENGTH) errors.name = "nameTooLong";
  if (draft.coverage.trim().length > 5000) errors.coverage = "coverageTooLong";
  if (draft.provider.trim().length > MAX_OPTION_VALUE_LENGTH) errors.provider = "providerTooLong";
  const termsUrl = draft.termsUrl.trim() ? normalizedHttpsUrl(draft.termsUrl) : "";
  if (termsUrl === null) errors.termsUrl = "termsUrlInvalid";

  const termMonths = [...new Set(draft.termMonths)].sort((a, b) => a - b);
  if (termMonths.length === 0) errors.termMonths = "termRequired";
  if (termMonths.some((months) => !(TERM_CHOICES as readonly number[]).includes(months))) errors.termMonths = "termInvalid";

  if (draft.bands.length === 0) errors.bands = "bandRequired";
  else if (variantCount(termMonths.length, draft.bands.length) > MAX_VARIANTS_PER_PRODUCT) errors.bands = "tooManyVariants";

  const percentages: Record<number, number> = {};
  if (draft.pricing === "PERCENTAGE") {
    for (const months of termMonths) {
      const basisPoints = percentageBasisPoints(draft.percentages[String(months)] ?? "");
      if (basisPoints === null) errors[`percentages.${months}`] = "percentageInvalid";
      else percentages[months] = basisPoints;
    }
  }

  const bands: PricedBand[] = [];
  draft.bands.forEach((band, index) => {
    const path = `bands.${index}`;
    const minMinor = amountFromInput(band.min, currencyCode);
    const last = index === draft.bands.length - 1;
    const maxMinor = band.max.trim() === "" ? null : amountFromInput(band.max, currencyCode);
    if (minMinor === null) errors[`${path}.min`] = "amountInvalid";
    if (band.max.trim() !== "" && maxMinor === null) errors[`${path}.max`] = "amountInvalid";
    else if (maxMinor === null && (!last || draft.pricing === "PERCENTAGE")) {
      errors[`${path}.max`] = draft.pricing === "PERCENTAGE" ? "maxRequiredForPercentage" : "maxRequired";
    } else if (minMinor !== null && maxMinor !== null && maxMinor < minMinor) errors[`${path}.max`] = "maxBelowMin";
    const previous = bands[index - 1];
    if (minMinor !== null && previous && (previous.maxMinor === null || minMinor <= previous.maxMinor)) {
      errors[`${path}.min`] = "bandsOverlap";
    }
    const priceMinor: Record<number, number> = {};
    for (const months of termMonths) {
      if (draft.pricing === "BANDS") {
        const price = amountFromInput(band.prices[String(months)] ?? "", currencyCode);
        if (price === null || price === 0) errors[`${path}.prices.${months}`] = "priceInvalid";
        else priceMinor[months] = price;
      } else if (maxMinor !== null && percentages[months] !== undefined) {
        priceMinor[months] = percentagePrice(maxMinor, percentages[months], currencyCode);
      }
    }
    bands.push({ minMinor: minMinor ?? 0, maxMinor, priceMinor });
  });

  const eligibility = cleanEligibility(draft.eligibility);
  if (eligibility.scope === "PRODUCTS" && eligibility.productIds.length === 0) errors["eligibility.productIds"] = "productsRequired";
  if (eligibility.scope === "COLLECTIONS" && eligibility.collectionIds.length === 0)
    errors["eligibility.collectionIds"] = "collectionsRequired";
  if (eligibility.scope === "TAGS" && eligibility.tags.length === 0) errors["eligibility.tags"] = "tagsRequired";

  if (!isAddOnKind(draft.kind)) errors.kind = "kindInvalid";

  if (Object.keys(errors).length) return { errors };
  return {
    offer: {
      kind: draft.kind,
      name,
      coverage: draft.coverage.trim(),
      provider: draft.provider.trim(),
      termsUrl: termsUrl ?? "",
      taxable: draft.taxable,
      termMonths,
      pricing: draft.pricing,
      percentageBasisPoints: percentages,
      bands,
      eligibility,
    },
  };
}

/**
 * An https address as a page may print it: parsed, with a host and no credentials, and written in
 * its normalised form (quotes, spaces and angle brackets percent-encoded), or null. What is stored
 * is what was checked, never the raw text.
 */
export function normalizedHttpsUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" || !url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Only the lists the scope uses are kept: an offer for "all products" carries no stale product list. */
function cleanEligibility(eligibility: Eligibility): Eligibility {
  const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return {
    scope: eligibility.scope,
    productIds: eligibility.scope === "PRODUCTS" ? unique(eligibility.productIds) : [],
    collectionIds: eligibility.scope === "COLLECTIONS" ? unique(eligibility.collectionIds) : [],
    tags: eligibility.scope === "TAGS" ? unique(eligibility.tags) : [],
    excludedProductIds: unique(eligibility.excludedProductIds),
  };
}

/** The draft an existing offer edits as. */
export function draftFromOffer(offer: ProtectionOfferTerms, currencyCode: string, partnerId: string | null): OfferDraft {
  const digits = currencyDigits(currencyCode);
  const decimal = (minor: number) => decimalFromMinor(minor, digits);
  return {
    kind: offer.kind,
    name: offer.name,
    coverage: offer.coverage,
    provider: offer.provider,
    termsUrl: offer.termsUrl,
    taxable: offer.taxable,
    termMonths: offer.termMonths,
    pricing: offer.pricing,
    bands: offer.bands.map((band) => ({
      min: decimal(band.minMinor),
      max: band.maxMinor === null ? "" : decimal(band.maxMinor),
      prices: offer.pricing === "BANDS" ? Object.fromEntries(Object.entries(band.priceMinor).map(([m, p]) => [m, decimal(p)])) : {},
    })),
    percentages: Object.fromEntries(Object.entries(offer.percentageBasisPoints).map(([m, bp]) => [m, percentText(bp)])),
    eligibility: offer.eligibility,
    partnerId: partnerId ?? "",
  };
}

/** How a term reads ("1 year", "2 years", "18 months"): the message and its values, for t() or translate(). */
export function termMessage(months: number): [MessageKey, { count: number }] {
  if (months % 12 !== 0) return ["protection.product.months", { count: months }];
  return ["protection.product.years", { count: months / 12 }];
}
