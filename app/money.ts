/**
 * Money as integer minor units, from the decimal strings Shopify sends ("14.4", "1600.0"), with
 * the currency's own number of decimals (0 for JPY, 3 for KWD). Never through floating point.
 */
const digitsByCurrency = new Map<string, number>();
export function currencyDigits(currencyCode: string): number {
  let digits = digitsByCurrency.get(currencyCode);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currencyCode, digits);
  }
  return digits;
}

export function minorUnits(amount: string, currencyCode: string): number {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${amount}"`);
  const digits = currencyDigits(currencyCode);
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) throw new RangeError(`${amount} has more decimals than ${currencyCode} allows`);
  const minor = Number(match[2]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return match[1] ? -minor : minor;
}

/** An amount a merchant typed, in minor units: null unless a non-negative decimal the currency can hold. */
export function amountFromInput(value: string, currencyCode: string): number | null {
  try {
    const minor = minorUnits(value.trim(), currencyCode);
    return minor >= 0 && Number.isSafeInteger(minor) ? minor : null;
  } catch {
    return null;
  }
}

/** Minor units as the decimal string Shopify shows and accepts ("16.00"; "1600.0" for JPY). */
export function decimalFromMinor(minor: number, digits = 2): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}.0`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** Minor units as a person reads them, in their locale ("$1,234.50", "1 234,50 €", "¥1,600"). */
export function formatMoneyMinor(minor: number, currencyCode: string, locale: string): string {
  // Intl formats the exact decimal string, so no amount passes through a float.
  const decimal = decimalFromMinor(minor, currencyDigits(currencyCode)) as `${number}`;
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(decimal);
}

/**
 * An exact quotient of two integers (amounts in minor units), rounded half away from zero: in
 * BigInt, so a product of an amount and a count that passes 2^53 stays exact.
 */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
  const negative = numerator < 0 !== denominator < 0;
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(Math.abs(denominator));
  const rounded = (2n * n + d) / (2n * d);
  return Number(negative ? -rounded : rounded);
}
