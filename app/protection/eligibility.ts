/**
 * Which offer covers a product and at which price band: the rules the admin, the order webhooks and
 * the checkout extension share. No imports, so the extension's bundle can take it as it is.
 */
export const ELIGIBILITY_SCOPES = ["ALL", "PRODUCTS", "COLLECTIONS", "TAGS"] as const;
export type EligibilityScope = (typeof ELIGIBILITY_SCOPES)[number];

export interface Eligibility {
  scope: EligibilityScope;
  productIds: string[];
  collectionIds: string[];
  tags: string[];
  excludedProductIds: string[];
}

/** The band a product price falls in (bounds inclusive), or null when no band covers it. */
export function bandFor<T extends { minMinor: number; maxMinor: number | null }>(bands: readonly T[], priceMinor: number): T | null {
  return bands.find((band) => priceMinor >= band.minMinor && (band.maxMinor === null || priceMinor <= band.maxMinor)) ?? null;
}

/** Whether an offer covers a product, its collections and tags (ids in the same form on both sides); exclusions win. */
export function isEligible(
  eligibility: Eligibility,
  product: { id: string; collectionIds: readonly string[]; tags: readonly string[] },
): boolean {
  if (eligibility.excludedProductIds.includes(product.id)) return false;
  switch (eligibility.scope) {
    case "ALL":
      return true;
    case "PRODUCTS":
      return eligibility.productIds.includes(product.id);
    case "COLLECTIONS":
      return product.collectionIds.some((id) => eligibility.collectionIds.includes(id));
    case "TAGS": {
      const tags = new Set(product.tags.map((tag) => tag.toLowerCase()));
      return eligibility.tags.some((tag) => tags.has(tag.toLowerCase()));
    }
  }
}
