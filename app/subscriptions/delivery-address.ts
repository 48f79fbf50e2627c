import { z } from "zod";

/**
 * Where a subscription's orders ship: mirrored from the contract's shipping delivery method, shown
 * to the customer and edited by them. Pure: parsing what Shopify sends, checking what a customer
 * types, and the column it is kept in.
 */
export interface DeliveryAddress {
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  city: string;
  province: string;
  zip: string;
  countryCode: string;
}

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

/**
 * The countries an address may name: Shopify's CountryCode values, less ZZ (unknown region). A test
 * holds this list to the schema of the API version Orchard uses.
 */
export const COUNTRY_CODES =
  "AC AD AE AF AG AI AL AM AN AO AR AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MK ML MM MN MO MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PS PT PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VN VU WF WS XK YE YT ZA ZM ZW".split(
    " ",
  );

/** The countries as a select offers them, in the customer's language and its alphabetical order. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(locale, { type: "region" });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
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

/** The address's lines as a label shows them: name, street, city line, country code. */
export function addressLines(address: DeliveryAddress, countryName: (code: string) => string): string[] {
  return [
    [address.firstName, address.lastName].filter(Boolean).join(" "),
    address.address1,
    address.address2,
    [address.zip, address.city, address.province].filter(Boolean).join(" "),
    countryName(address.countryCode),
  ].filter(Boolean);
}

/** The column Orchard keeps it in (JSON it wrote itself). */
export function storedDeliveryAddress(column: string | null): DeliveryAddress | null {
  return column ? (JSON.parse(column) as DeliveryAddress) : null;
}
