/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted when it needs to be, CRLF line ends.
 * A cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: exported data comes from shoppers and must not execute on the merchant's machine.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
