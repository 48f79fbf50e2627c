import { amountFromInput } from "../money";
import type { Column } from "./import-file";

/**
 * One row of a subscriptions file, checked on its own (pure): what the contract will be, or every
 * reason it cannot be. What needs Shopify (the customer, their card, the item) is checked after,
 * by migration.server.ts, with the same kind of reasons.
 */
export const INTERVALS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;
export type Interval = (typeof INTERVALS)[number];

export interface ImportTerms {
  /** The other app's id for the subscription, when the file has one. */
  sourceId: string | null;
  customerId: string;
  variantId: string;
  quantity: number;
  /** The price of one item per delivery, in the shop's currency's minor units. */
  priceMinor: number;
  billing: { interval: Interval; count: number };
  delivery: { interval: Interval; count: number };
  /** The first order Orchard makes, a day of the shop's calendar (YYYY-MM-DD). */
  nextChargeDate: string;
  address: {
    firstName: string;
    lastName: string;
    address1: string;
    address2: string;
    city: string;
    provinceCode: string;
    zip: string;
    countryCode: string;
    phone: string;
  };
  paymentMethodId: string;
}

export type Reason =
  | { reason: "customerInvalid" }
  | { reason: "variantInvalid" }
  | { reason: "quantityInvalid" }
  | { reason: "priceInvalid" }
  | { reason: "intervalInvalid" }
  | { reason: "frequencyInvalid" }
  | { reason: "prepaidInvalid" }
  | { reason: "dateInvalid" }
  | { reason: "datePast"; date: string }
  | { reason: "addressIncomplete" }
  | { reason: "countryInvalid" }
  | { reason: "paymentMethodInvalid" }
  | { reason: "customerNotFound" }
  | { reason: "variantNotFound" }
  | { reason: "paymentMethodNotFound" }
  | { reason: "duplicateRow"; line: number }
  | { reason: "alreadyImported" };

const MAX_QUANTITY = 1_000;
const MAX_FREQUENCY = 36;

/** "123" or "gid://shopify/Kind/123" → the gid; anything else null. */
function gidOf(kind: string, value: string): string | null {
  const trimmed = value.trim();
  if (/^\d{1,20}$/.test(trimmed)) return `gid://shopify/${kind}/${trimmed}`;
  return new RegExp(`^gid://shopify/${kind}/\\d{1,20}$`).test(trimmed) ? trimmed : null;
}

function wholeNumber(value: string, max: number): number | null {
  if (!/^\d{1,4}$/.test(value.trim())) return null;
  const number = Number(value.trim());
  return number >= 1 && number <= max ? number : null;
}

/** "month", "Months", "MONTH" → MONTH. */
function intervalOf(value: string): Interval | null {
  const unit = value.trim().toUpperCase().replace(/S$/, "");
  return (INTERVALS as readonly string[]).includes(unit) ? (unit as Interval) : null;
}

/** A calendar day, "2027-01-15" (a time after it, as some apps export, is left aside); null unless real. */
function dayOf(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? `${match[1]}-${match[2]}-${match[3]}`
    : null;
}

export function checkRow(
  fields: Record<Column, string>,
  shop: { currencyCode: string; /** Today in the shop's zone, YYYY-MM-DD. */ today: string },
): ({ terms: ImportTerms } | { reasons: Reason[] }) & { email: string | null } {
  // Kept whatever else the row says: the report names the customer of a refused row too.
  const email = fields.customer_email.trim() || null;
  const reasons: Reason[] = [];
  const customerId = gidOf("Customer", fields.shopify_customer_id);
  if (!customerId) reasons.push({ reason: "customerInvalid" });
  const variantId = gidOf("ProductVariant", fields.shopify_variant_id);
  if (!variantId) reasons.push({ reason: "variantInvalid" });
  const quantity = wholeNumber(fields.quantity, MAX_QUANTITY);
  if (quantity === null) reasons.push({ reason: "quantityInvalid" });
  const priceMinor = amountFromInput(fields.recurring_price, shop.currencyCode);
  if (priceMinor === null) reasons.push({ reason: "priceInvalid" });
  const interval = intervalOf(fields.order_interval_unit);
  if (!interval) reasons.push({ reason: "intervalInvalid" });
  const deliveryCount = wholeNumber(fields.order_interval_frequency, MAX_FREQUENCY);
  const billingCount = wholeNumber(fields.charge_interval_frequency, MAX_FREQUENCY);
  if (deliveryCount === null || billingCount === null) reasons.push({ reason: "frequencyInvalid" });
  // Prepaid: charged for several deliveries at once, a whole number of them.
  else if (billingCount % deliveryCount !== 0) reasons.push({ reason: "prepaidInvalid" });
  const nextChargeDate = dayOf(fields.next_charge_date);
  if (!nextChargeDate) reasons.push({ reason: "dateInvalid" });
  // Today's charge may already have been made by the app the store leaves: the first is tomorrow at the earliest.
  else if (nextChargeDate <= shop.today) reasons.push({ reason: "datePast", date: nextChargeDate });
  const address = {
    firstName: fields.shipping_first_name.trim(),
    lastName: fields.shipping_last_name.trim(),
    address1: fields.shipping_address_1.trim(),
    address2: fields.shipping_address_2.trim(),
    city: fields.shipping_city.trim(),
    provinceCode: fields.shipping_province_code.trim().toUpperCase(),
    zip: fields.shipping_zip.trim(),
    countryCode: fields.shipping_country_code.trim().toUpperCase(),
    phone: fields.shipping_phone.trim(),
  };
  if (!address.lastName || !address.address1 || !address.city || !address.zip) reasons.push({ reason: "addressIncomplete" });
  if (!/^[A-Z]{2}$/.test(address.countryCode)) reasons.push({ reason: "countryInvalid" });
  const paymentMethodId = gidOf("CustomerPaymentMethod", fields.payment_method_id);
  if (!paymentMethodId) reasons.push({ reason: "paymentMethodInvalid" });
  if (reasons.length) return { reasons, email };
  return {
    email,
    terms: {
      sourceId: fields.subscription_id.trim() || null,
      customerId: customerId!,
      variantId: variantId!,
      quantity: quantity!,
      priceMinor: priceMinor!,
      billing: { interval: interval!, count: billingCount! },
      delivery: { interval: interval!, count: deliveryCount! },
      nextChargeDate: nextChargeDate!,
      address,
      paymentMethodId: paymentMethodId!,
    },
  };
}

/**
 * What makes a row one subscription: the other app's id when the file gives one, else the customer,
 * item and frequency (a customer with the same item twice at the same frequency is one row twice).
 */
export function rowKey(terms: ImportTerms): string {
  if (terms.sourceId) return `source:${terms.sourceId}`;
  return [terms.customerId, terms.variantId, terms.billing.interval, terms.billing.count, terms.delivery.count].join("|");
}

/** Each row whose key an earlier row of the file has, with that earlier row's line. */
export function duplicatesOf(rows: readonly { line: number; key: string }[]): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const row of rows) {
    const earlier = first.get(row.key);
    if (earlier === undefined) first.set(row.key, row.line);
    else duplicates.set(row.line, earlier);
  }
  return duplicates;
}
