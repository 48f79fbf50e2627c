/** Where a subscription's orders ship, as the app keeps it and the customer account page edits it. */
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

/**
 * The countries an address may name: Shopify's CountryCode values, less ZZ (unknown region). One
 * list for the app's checks and forms and the customer account extension's form; a test holds it
 * to the schema of the API version Orchard uses.
 */
export const COUNTRY_CODES =
  "AC AD AE AF AG AI AL AM AN AO AR AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MK ML MM MN MO MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PS PT PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VN VU WF WS XK YE YT ZA ZM ZW".split(
    " ",
  );

/** The address's lines as a label shows them: name, street, postal code and city, the country's name in `locale`. */
export function addressLines(address: DeliveryAddress, locale: string): string[] {
  const country = new Intl.DisplayNames(locale, { type: "region" }).of(address.countryCode) ?? address.countryCode;
  return [
    [address.firstName, address.lastName].filter(Boolean).join(" "),
    address.address1,
    address.address2,
    [address.zip, address.city, address.province].filter(Boolean).join(" "),
    country,
  ].filter(Boolean);
}

/** The countries as a select offers them, in the customer's language and its alphabetical order. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(locale, { type: "region" });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
}
