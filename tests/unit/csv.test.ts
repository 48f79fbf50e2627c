import { describe, expect, it } from "vitest";
import { toCsv } from "../../app/csv";

describe("CSV export", () => {
  it("quotes every text cell, doubles its quotes, keeps its line breaks, and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["Order", "Note"],
        ["#1001", 'He said "ok", then\nleft'],
        ["#1002", null],
      ]),
    ).toBe('"Order","Note"\r\n"#1001","He said ""ok"", then\nleft"\r\n"#1002",\r\n');
  });

  it("keeps a shopper's text from running as a spreadsheet formula, whatever the locale's separator", () => {
    expect(toCsv([['=HYPERLINK("x")', "+1 555", "-x", "@a", "\tb"]])).toBe(`"'=HYPERLINK(""x"")","'+1 555","'-x","'@a","'\tb"\r\n`);
    // Quoted whole: a semicolon spreadsheet does not split it into "Bob" and a formula.
    expect(toCsv([["Bob;=cmd|' /C calc'!A0"]])).toBe(`"Bob;=cmd|' /C calc'!A0"\r\n`);
  });

  it("writes numbers and decimal amounts, negative ones included, as numbers a spreadsheet sums", () => {
    expect(toCsv([[-5, "-15.00", "0.5000", "12", 3.5]])).toBe("-5,-15.00,0.5000,12,3.5\r\n");
  });
});
