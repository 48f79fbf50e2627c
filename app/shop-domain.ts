/** Whether a value is a shop's myshopify.com domain, as Shopify's signed requests name the shop. */
export function isShopDomain(value: unknown): value is string {
  return typeof value === "string" && /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(value);
}
