/**
 * A shop's money formats and Shopify's money filters (shopify.dev, Liquid filters: money; Help
 * Center, "Currency formatting"): the amount placeholders a format may carry, from integer minor
 * units, never through a float.
 */
export interface MoneyFormats {
  money_format: string;
  money_with_currency_format: string;
}

const FORMATS: Record<string, MoneyFormats> = {
  USD: { money_format: "${{amount}}", money_with_currency_format: "${{amount}} USD" },
  CAD: { money_format: "${{amount}}", money_with_currency_format: "${{amount}} CAD" },
  GBP: { money_format: "£{{amount}}", money_with_currency_format: "£{{amount}} GBP" },
  EUR: { money_format: "{{amount_with_comma_separator}}&nbsp;€", money_with_currency_format: "{{amount_with_comma_separator}}&nbsp;€ EUR" },
};

/** The formats Shopify gives a new store in that currency (a merchant can change them). */
export function moneyFormatsFor(currencyCode: string): MoneyFormats {
  return FORMATS[currencyCode] ?? { money_format: `{{amount}} ${currencyCode}`, money_with_currency_format: `{{amount}} ${currencyCode}` };
}

function group(units: string, separator: string): string {
  return units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function amount(cents: number, decimals: 0 | 2, thousands: string, decimal: string): string {
  const rounded = decimals === 0 ? Math.round(cents / 100) : cents;
  const units = decimals === 0 ? String(rounded) : String(Math.floor(rounded / 100));
  const fraction = decimals === 0 ? "" : `${decimal}${String(rounded % 100).padStart(2, "0")}`;
  return `${group(units, thousands)}${fraction}`;
}

const PLACEHOLDERS: Record<string, (cents: number) => string> = {
  amount: (c) => amount(c, 2, ",", "."),
  amount_no_decimals: (c) => amount(c, 0, ",", "."),
  amount_with_comma_separator: (c) => amount(c, 2, ".", ","),
  amount_no_decimals_with_comma_separator: (c) => amount(c, 0, ".", ","),
  amount_with_apostrophe_separator: (c) => amount(c, 2, "'", "."),
  amount_no_decimals_with_space_separator: (c) => amount(c, 0, " ", "."),
  amount_with_space_separator: (c) => amount(c, 2, " ", ","),
  amount_with_period_and_space_separator: (c) => amount(c, 2, " ", "."),
};

export function formatMoney(cents: number, format: string): string {
  if (cents < 0) return `-${formatMoney(-cents, format)}`;
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => PLACEHOLDERS[name]?.(cents) ?? match);
}
