import { parse } from "csv-parse/sync";

/**
 * A subscriptions file as another app exports it for a move (the layout of Recharge's migration
 * template, docs/migration.md): read as UTF-8 (the only encoding the template allows), its header
 * named in any case and with spaces or underscores, its rows by line. Pure. A file that cannot be
 * read is refused whole, with what is wrong; nothing of it is kept.
 */
export const REQUIRED_COLUMNS = [
  "shopify_customer_id",
  "shopify_variant_id",
  "quantity",
  "recurring_price",
  "order_interval_unit",
  "order_interval_frequency",
  "charge_interval_frequency",
  "next_charge_date",
  "shipping_last_name",
  "shipping_address_1",
  "shipping_city",
  "shipping_zip",
  "shipping_country_code",
  "payment_method_id",
] as const;

export const OPTIONAL_COLUMNS = [
  "subscription_id",
  "customer_email",
  "shipping_first_name",
  "shipping_address_2",
  "shipping_province_code",
  "shipping_phone",
] as const;

export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Other apps' names for the same columns (Recharge's older template, plain names). */
const ALIASES: Record<string, Column> = {
  customer_shopify_id: "shopify_customer_id",
  email: "customer_email",
  variant_id: "shopify_variant_id",
  price: "recurring_price",
  next_charge_scheduled_at: "next_charge_date",
  order_interval_unit_type: "order_interval_unit",
  shipping_interval_frequency: "order_interval_frequency",
  shipping_address1: "shipping_address_1",
  shipping_address2: "shipping_address_2",
  shipping_province: "shipping_province_code",
  shipping_country: "shipping_country_code",
  external_subscription_id: "subscription_id",
};

/** The most rows one file may hold: a store moving tens of thousands of subscribers sends several. */
export const MAX_ROWS = 10_000;

export type FileProblem =
  | { problem: "encoding" }
  | { problem: "empty" }
  | { problem: "malformed"; line: number }
  | { problem: "missingColumns"; columns: string[] }
  | { problem: "tooManyRows"; max: number };

export interface FileRow {
  /** The row's line in the file, the header being line 1. */
  line: number;
  fields: Record<Column, string>;
}

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

function columnOf(header: string): Column | null {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const column = ALIASES[name] ?? name;
  return KNOWN.has(column) ? (column as Column) : null;
}

export function readImportFile(bytes: Uint8Array): { rows: FileRow[] } | FileProblem {
  let text: string;
  try {
    // A spreadsheet saved as Windows-1252 or UTF-16 does not decode: refused rather than misread.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: "encoding" };
  }
  if (text.includes("\u0000")) return { problem: "encoding" };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error && typeof error.lines === "number" ? error.lines : 1;
    return { problem: "malformed", line };
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) return { problem: "empty" };
  const columns = header.record.map(columnOf);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) return { problem: "missingColumns", columns: missing };
  if (body.length > MAX_ROWS) return { problem: "tooManyRows", max: MAX_ROWS };
  return {
    rows: body.map(({ record, info }) => {
      const fields = Object.fromEntries([...KNOWN].map((column) => [column, ""])) as Record<Column, string>;
      columns.forEach((column, index) => {
        if (column && !fields[column]) fields[column] = record[index] ?? "";
      });
      return { line: info.lines, fields };
    }),
  };
}
