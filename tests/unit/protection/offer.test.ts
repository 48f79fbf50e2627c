import { describe, expect, it } from "vitest";
import {
  bandFor,
  draftFromOffer,
  emptyOfferDraft,
  isEligible,
  MAX_VARIANTS_PER_PRODUCT,
  percentagePrice,
  validateOffer,
  type OfferDraft,
} from "../../../app/protection/offer";
import { percentageBasisPoints } from "../../../app/percent";

const threeBands = (): OfferDraft => ({
  ...emptyOfferDraft(),
  termMonths: [12, 24],
  bands: [
    { min: "0", max: "49.99", prices: { "12": "4.99", "24": "7.99" } },
    { min: "50", max: "149.99", prices: { "12": "9.99", "24": "14.99" } },
    { min: "150", max: "", prices: { "12": "19.99", "24": "29.99" } },
  ],
});

function valid(draft: OfferDraft, currency = "USD") {
  const result = validateOffer(draft, currency);
  if (!("offer" in result)) throw new Error(`expected a valid offer, got ${JSON.stringify(result.errors)}`);
  return result.offer;
}

describe("price bands", () => {
  const { bands } = valid(threeBands());

  it("puts each price in the band whose inclusive bounds hold it, at every boundary", () => {
    expect(bandFor(bands, 0)?.priceMinor[12]).toBe(499);
    expect(bandFor(bands, 4999)?.priceMinor[12]).toBe(499);
    expect(bandFor(bands, 5000)?.priceMinor[12]).toBe(999);
    expect(bandFor(bands, 14999)?.priceMinor[24]).toBe(1499);
    expect(bandFor(bands, 15000)?.priceMinor[24]).toBe(2999);
    expect(bandFor(bands, 99_999_999)?.priceMinor[24]).toBe(2999);
  });

  it("leaves prices in a gap between bands without protection", () => {
    const draft = threeBands();
    draft.bands[1]!.min = "60";
    const gapped = valid(draft).bands;
    expect(bandFor(gapped, 5999)).toBeNull();
    expect(bandFor(gapped, 6000)?.minMinor).toBe(6000);
  });

  it("refuses overlapping bands, an open band before the last, a max below its min, and missing prices, per field", () => {
    const draft = threeBands();
    draft.bands[1]!.min = "49.99";
    draft.bands[0]!.prices["24"] = "";
    draft.bands[2]!.max = "100";
    expect(validateOffer(draft, "USD")).toEqual({
      errors: { "bands.1.min": "bandsOverlap", "bands.0.prices.24": "priceInvalid", "bands.2.max": "maxBelowMin" },
    });
    const open = threeBands();
    open.bands[0]!.max = "";
    expect(validateOffer(open, "USD")).toMatchObject({ errors: { "bands.0.max": "maxRequired", "bands.1.min": "bandsOverlap" } });
  });

  it("refuses an amount with more decimals than the currency has", () => {
    const draft = threeBands();
    draft.bands[0]!.prices["12"] = "4.999";
    expect(validateOffer(draft, "USD")).toEqual({ errors: { "bands.0.prices.12": "priceInvalid" } });
  });

  it("works in currencies without decimals", () => {
    const draft: OfferDraft = {
      ...emptyOfferDraft(),
      termMonths: [12],
      bands: [
        { min: "0", max: "4999", prices: { "12": "500" } },
        { min: "5000", max: "", prices: { "12": "900" } },
      ],
    };
    const offer = valid(draft, "JPY");
    expect(offer.bands.map((b) => [b.minMinor, b.maxMinor, b.priceMinor[12]])).toEqual([
      [0, 4999, 500],
      [5000, null, 900],
    ]);
    expect(bandFor(offer.bands, 4999)?.priceMinor[12]).toBe(500);
    expect(validateOffer({ ...draft, bands: [{ min: "0", max: "", prices: { "12": "500.5" } }] }, "JPY")).toEqual({
      errors: { "bands.0.prices.12": "priceInvalid" },
    });
    expect(draftFromOffer(offer, "JPY", null).bands[1]).toEqual({ min: "5000.0", max: "", prices: { "12": "900.0" } });
    expect(valid(draftFromOffer(offer, "JPY", null), "JPY")).toEqual(offer);
  });

  it("refuses more variants than Shopify allows on one product (terms × bands), before anything is created", () => {
    const bands = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        min: `${i * 10}`,
        max: `${i * 10 + 9}.99`,
        prices: { "12": "1", "24": "2", "36": "3", "48": "4", "60": "5" },
      }));
    const draft: OfferDraft = { ...emptyOfferDraft(), termMonths: [12, 24, 36, 48, 60], bands: bands(409) };
    expect(valid(draft).bands).toHaveLength(409); // 2,045 variants
    expect(5 * 410).toBeGreaterThan(MAX_VARIANTS_PER_PRODUCT);
    expect(validateOffer({ ...draft, bands: bands(410) }, "USD")).toEqual({ errors: { bands: "tooManyVariants" } });
  });
});

describe("percentage pricing", () => {
  it("reads percentages with up to two decimals, above 0 and at most 100", () => {
    expect(percentageBasisPoints("15")).toBe(1500);
    expect(percentageBasisPoints("12.5")).toBe(1250);
    expect(percentageBasisPoints("0.01")).toBe(1);
    expect(percentageBasisPoints("100")).toBe(10_000);
    for (const bad of ["0", "100.01", "-5", "12.345", "abc", ""]) expect(percentageBasisPoints(bad)).toBeNull();
  });

  it("prices each band at the percentage of its upper bound, rounded up to a whole unit", () => {
    // 10 % of 49.99 = 4.999 → 5.00; 10 % of 149.99 = 14.999 → 15.00; 12.5 % of 100.00 = 12.50 → 13.00.
    expect(percentagePrice(4999, 1000, "USD")).toBe(500);
    expect(percentagePrice(14999, 1000, "USD")).toBe(1500);
    expect(percentagePrice(10000, 1250, "USD")).toBe(1300);
    expect(percentagePrice(10000, 1000, "USD")).toBe(1000); // exact: no rounding up
    expect(percentagePrice(99, 1000, "USD")).toBe(100); // never below one unit
    expect(percentagePrice(4999, 1000, "JPY")).toBe(500); // 499.9 yen → 500
    expect(percentagePrice(12345, 1000, "KWD")).toBe(2000); // 10 % of 12.345 KWD = 1.2345 → 2.000 (three decimals)
  });

  it("computes the price table from the percentages and needs every band bounded", () => {
    const draft: OfferDraft = {
      ...threeBands(),
      pricing: "PERCENTAGE",
      percentages: { "12": "10", "24": "15" },
    };
    expect(validateOffer(draft, "USD")).toEqual({ errors: { "bands.2.max": "maxRequiredForPercentage" } });
    draft.bands[2]!.max = "299.99";
    const offer = valid(draft);
    expect(offer.bands.map((b) => b.priceMinor)).toEqual([
      { 12: 500, 24: 800 },
      { 12: 1500, 24: 2300 },
      { 12: 3000, 24: 4500 },
    ]);
    expect(validateOffer({ ...draft, percentages: { "12": "10" } }, "USD")).toEqual({ errors: { "percentages.24": "percentageInvalid" } });
  });
});

describe("the rest of the form", () => {
  it("needs a name, a term, an https terms URL and the list its eligibility scope uses", () => {
    const draft = threeBands();
    draft.name = "  ";
    draft.termMonths = [];
    draft.termsUrl = "javascript:alert(1)";
    draft.eligibility = {
      scope: "COLLECTIONS",
      productIds: ["gid://shopify/Product/1"],
      collectionIds: [],
      tags: [],
      excludedProductIds: [],
    };
    expect(validateOffer(draft, "USD")).toEqual({
      errors: {
        name: "nameRequired",
        termMonths: "termRequired",
        termsUrl: "termsUrlInvalid",
        "eligibility.collectionIds": "collectionsRequired",
      },
    });
    expect(validateOffer({ ...threeBands(), termMonths: [18] }, "USD")).toMatchObject({ errors: { termMonths: "termInvalid" } });
  });

  it("stores a terms URL in its checked, normalised form: an attribute cannot be broken out of", () => {
    const hostile = valid({ ...threeBands(), termsUrl: ' https://terms.example/" onmouseover="alert(1) ' });
    expect(hostile.termsUrl).toBe("https://terms.example/%22%20onmouseover=%22alert(1)");
    expect(valid({ ...threeBands(), termsUrl: "https://Terms.Example/a b<c>" }).termsUrl).toBe("https://terms.example/a%20b%3Cc%3E");
    for (const refused of ["http://terms.example/", "https://user:pass@terms.example/", "https://", "//terms.example"]) {
      expect(validateOffer({ ...threeBands(), termsUrl: refused }, "USD"), refused).toMatchObject({
        errors: { termsUrl: "termsUrlInvalid" },
      });
    }
  });

  it("round-trips an offer through the form", () => {
    const offer = valid({
      ...threeBands(),
      pricing: "PERCENTAGE",
      percentages: { "12": "12.5", "24": "20" },
      bands: threeBands().bands.slice(0, 2),
    });
    expect(valid(draftFromOffer(offer, "USD", null))).toEqual(offer);
  });
});

describe("eligibility", () => {
  const product = { id: "gid://shopify/Product/1", collectionIds: ["gid://shopify/Collection/7"], tags: ["Electronics"] };
  const none = { productIds: [], collectionIds: [], tags: [], excludedProductIds: [] };

  it("matches by product, collection or tag (any case), and exclusions win", () => {
    expect(isEligible({ ...none, scope: "ALL" }, product)).toBe(true);
    expect(isEligible({ ...none, scope: "PRODUCTS", productIds: [product.id] }, product)).toBe(true);
    expect(isEligible({ ...none, scope: "PRODUCTS", productIds: ["gid://shopify/Product/2"] }, product)).toBe(false);
    expect(isEligible({ ...none, scope: "COLLECTIONS", collectionIds: ["gid://shopify/Collection/7"] }, product)).toBe(true);
    expect(isEligible({ ...none, scope: "TAGS", tags: ["electronics"] }, product)).toBe(true);
    expect(isEligible({ ...none, scope: "ALL", excludedProductIds: [product.id] }, product)).toBe(false);
  });
});
