import { describe, expect, it } from "vitest";
import { toCsv } from "../../app/csv";

describe("CSV export", () => {
  it("quotes cells with commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["Order", "Note"],
        ["#1001", 'He said "ok", then\nleft'],
        ["#1002", null],
      ]),
    ).toBe('Order,Note\r\n#1001,"He said ""ok"", then\nleft"\r\n#1002,\r\n');
  });

  it("keeps a shopper's text from running as a spreadsheet formula, but not numbers", () => {
    expect(toCsv([['=HYPERLINK("x")', "+1", "-2", "@a", -5]])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@a,-5\r\n`);
  });
});
