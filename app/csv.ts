import { stringify } from "csv-stringify/sync";

/**
 * CSV as spreadsheets read it, through csv-stringify (RFC 4180, CRLF line ends). Text is always
 * quoted (empty text is an empty cell), so no locale's separator (a French spreadsheet's
 * semicolon) splits a cell; a text cell a spreadsheet would run as a formula (=, +, -, @, tab or
 * CR first) is prefixed with an apostrophe, as OWASP advises: exported data comes from shoppers
 * and must not execute on the merchant's machine. Numbers, and decimal amounts passed as text
 * ("-15.00", exact), are written as numbers that a spreadsheet can sum.
 */
type Cell = string | number | null;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** Every cell but a decimal (and an empty one) is quoted. */
const NOT_DECIMAL = /^(?!-?\d+(?:\.\d+)?$)./s;

function guarded(cell: Cell): Cell {
  return typeof cell === "string" && !DECIMAL.test(cell) && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(guarded)),
    { record_delimiter: "windows", quoted_match: NOT_DECIMAL },
  );
}
