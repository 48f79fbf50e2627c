import { describe, expect, it } from "vitest";
import { readImportFile, REQUIRED_COLUMNS, type Column } from "../../../app/migration/import-file";
import { checkRow, duplicatesOf, rowKey } from "../../../app/migration/import-row";

const HEADER = [...REQUIRED_COLUMNS, "customer_email"].join(",");
const GOOD = [
  "1001",
  "2002",
  "2",
  "24.50",
  "month",
  "1",
  "1",
  "2027-01-15",
  "Lovelace",
  "1 Main St",
  "Springfield",
  "12345",
  "us",
  "3003",
  "ada@example.com",
];
const bytes = (text: string) => new TextEncoder().encode(text);

describe("reading a subscriptions file", () => {
  it("reads rows by their header, in any case and with the template's other names, skipping blank lines", () => {
    const header = HEADER.toUpperCase().replace("SHOPIFY_VARIANT_ID", "Variant ID").replace("NEXT_CHARGE_DATE", "next_charge_scheduled_at");
    const read = readImportFile(bytes(`\uFEFF${header}\r\n${GOOD.join(",")}\r\n\r\n"1004",${GOOD.slice(1).join(",")}\r\n`));
    expect("rows" in read && read.rows.map((row) => [row.line, row.fields.shopify_customer_id, row.fields.shopify_variant_id])).toEqual([
      [2, "1001", "2002"],
      [4, "1004", "2002"],
    ]);
    expect("rows" in read && read.rows[0]!.fields).toMatchObject({
      next_charge_date: "2027-01-15",
      customer_email: "ada@example.com",
      subscription_id: "",
    });
  });

  it("refuses a file it cannot read whole, saying why", () => {
    // "Café" saved as Windows-1252: é is the lone byte 0xE9.
    expect(readImportFile(new Uint8Array([...bytes(`${HEADER}\n`), 0x43, 0x61, 0x66, 0xe9, 0x0a]))).toEqual({ problem: "encoding" });
    // UTF-16 (a spreadsheet's "Unicode text"): its zero bytes.
    expect(readImportFile(new Uint8Array(Buffer.from(`${HEADER}\n${GOOD.join(",")}\n`, "utf16le")))).toEqual({ problem: "encoding" });
    expect(readImportFile(bytes(`${HEADER}\n`))).toEqual({ problem: "empty" });
    expect(readImportFile(bytes(`${HEADER.replace("payment_method_id,", "")}\n1\n`))).toEqual({
      problem: "missingColumns",
      columns: ["payment_method_id"],
    });
    expect(readImportFile(bytes(`${HEADER}\n"1001,2002\n`))).toMatchObject({ problem: "malformed" });
  });
});

describe("checking a row", () => {
  const fields = (changes: Partial<Record<Column, string>> = {}) => {
    const read = readImportFile(bytes(`${HEADER}\n${GOOD.join(",")}\n`));
    if (!("rows" in read)) throw new Error("fixture unreadable");
    return { ...read.rows[0]!.fields, ...changes };
  };
  const shop = { currencyCode: "USD", today: "2026-12-05" };

  it("gives the contract's terms: Shopify ids, minor units, the frequency and the first order's day", () => {
    expect(checkRow(fields(), shop)).toEqual({
      email: "ada@example.com",
      terms: {
        sourceId: null,
        customerId: "gid://shopify/Customer/1001",
        variantId: "gid://shopify/ProductVariant/2002",
        quantity: 2,
        priceMinor: 2_450,
        billing: { interval: "MONTH", count: 1 },
        delivery: { interval: "MONTH", count: 1 },
        nextChargeDate: "2027-01-15",
        address: {
          firstName: "",
          lastName: "Lovelace",
          address1: "1 Main St",
          address2: "",
          city: "Springfield",
          provinceCode: "",
          zip: "12345",
          countryCode: "US",
          phone: "",
        },
        paymentMethodId: "gid://shopify/CustomerPaymentMethod/3003",
      },
    });
  });

  it("takes a prepaid row (charged every 3 months, shipped monthly) and a date with a time", () => {
    const checked = checkRow(
      fields({ charge_interval_frequency: "3", next_charge_date: "2027-01-15T08:00:00Z", order_interval_unit: "Weeks" }),
      shop,
    );
    expect("terms" in checked && [checked.terms.billing, checked.terms.delivery, checked.terms.nextChargeDate]).toEqual([
      { interval: "WEEK", count: 3 },
      { interval: "WEEK", count: 1 },
      "2027-01-15",
    ]);
  });

  it("gives every reason a row is refused", () => {
    expect(
      checkRow(
        fields({
          shopify_customer_id: "ada",
          shopify_variant_id: "",
          quantity: "0",
          recurring_price: "24.999",
          order_interval_unit: "fortnight",
          charge_interval_frequency: "0",
          next_charge_date: "2027-02-30",
          shipping_city: "",
          shipping_country_code: "USA",
          payment_method_id: "card_123",
        }),
        shop,
      ),
    ).toEqual({
      // A refused row still names its customer, for the report.
      email: "ada@example.com",
      reasons: [
        { reason: "customerInvalid" },
        { reason: "variantInvalid" },
        { reason: "quantityInvalid" },
        { reason: "priceInvalid" },
        { reason: "intervalInvalid" },
        { reason: "frequencyInvalid" },
        { reason: "dateInvalid" },
        { reason: "addressIncomplete" },
        { reason: "countryInvalid" },
        { reason: "paymentMethodInvalid" },
      ],
    });
    expect(checkRow(fields({ charge_interval_frequency: "3", order_interval_frequency: "2" }), shop)).toEqual({
      email: "ada@example.com",
      reasons: [{ reason: "prepaidInvalid" }],
    });
  });

  it("refuses a first order today or before, in the shop's calendar: the other app charges those", () => {
    expect(checkRow(fields({ next_charge_date: "2026-12-05" }), shop)).toEqual({
      email: "ada@example.com",
      reasons: [{ reason: "datePast", date: "2026-12-05" }],
    });
    expect("terms" in checkRow(fields({ next_charge_date: "2026-12-06" }), shop)).toBe(true);
  });

  it("knows a subscription by the other app's id, else by customer, item and frequency, and finds rows given twice", () => {
    const terms = (changes: Partial<Record<Column, string>>) => {
      const checked = checkRow(fields(changes), shop);
      if (!("terms" in checked)) throw new Error("refused");
      return checked.terms;
    };
    expect(rowKey(terms({ subscription_id: "rc-77" }))).toBe("source:rc-77");
    expect(rowKey(terms({}))).toBe("gid://shopify/Customer/1001|gid://shopify/ProductVariant/2002|MONTH|1|1");
    expect(rowKey(terms({ quantity: "5" }))).toBe(rowKey(terms({})));
    expect(
      duplicatesOf([
        { line: 2, key: "a" },
        { line: 3, key: "b" },
        { line: 4, key: "a" },
        { line: 5, key: "a" },
      ]),
    ).toEqual(
      new Map([
        [4, 2],
        [5, 2],
      ]),
    );
  });
});
