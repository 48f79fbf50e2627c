import { z } from "zod";
import { COUNTRY_CODES, type DeliveryAddress } from "../../extensions/shared/addresses";

/**
 * Where a subscription's orders ship: mirrored from the contract's shipping delivery method, shown
 * to the customer and edited by them. Pure: parsing what Shopify sends, checking what a customer
 * types, and the column it is kept in.
 */
export type { DeliveryAddress };

/** The shipping address of a contract's delivery method as the Admin API returns it; null for pickup or local delivery. */
export function deliveryAddressFromShopify(
  method: { __typename?: string; address?: Partial<Record<string, string | null>> | null } | null | undefined,
): DeliveryAddress | null {
  const address = method?.__typename === "SubscriptionDeliveryMethodShipping" ? method.address : null;
  if (!address) return null;
  const text = (key: string) => address[key] ?? "";
  return {
    firstName: text("firstName"),
    lastName: text("lastName"),
    address1: text("address1"),
    address2: text("address2"),
    city: text("city"),
    province: text("province"),
    zip: text("zip"),
    countryCode: text("countryCodeV2"),
  };
}

const line = (max: number) => z.string().trim().max(max);
const required = (max: number) => line(max).min(1);

/**
 * An address a customer submits: every field checked, and each one that fails named, so the form
 * can say which to correct. Postal codes vary too much by country to check here; Shopify checks
 * them when the draft is updated, and its message is shown.
 */
export const deliveryAddressInput = z.object({
  firstName: line(100).default(""),
  lastName: required(100),
  address1: required(200),
  address2: line(200).default(""),
  city: required(100),
  province: line(100).default(""),
  zip: required(20),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => COUNTRY_CODES.includes(code)),
});

export function parseDeliveryAddress(
  values: Record<string, unknown>,
): { ok: true; address: DeliveryAddress } | { ok: false; fields: (keyof DeliveryAddress)[] } {
  const parsed = deliveryAddressInput.safeParse(values);
  if (parsed.success) return { ok: true, address: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((issue) => issue.path[0] as keyof DeliveryAddress))] };
}

/** The column Orchard keeps it in (JSON it wrote itself). */
export function storedDeliveryAddress(column: string | null): DeliveryAddress | null {
  return column ? (JSON.parse(column) as DeliveryAddress) : null;
}
