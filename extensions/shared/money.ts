/** The currency's decimals (0 for JPY, 3 for KWD), for turning minor units into the amounts the extension APIs format. */
export function currencyDigits(currencyCode: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
}
