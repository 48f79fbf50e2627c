import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { toCsv } from "../../../app/csv";

/**
 * Orchard's CSV exports (subscriptions' figures, protection registrations) under hostile cells,
 * read back by an independent CSV parser (csv-parse, RFC 4180): every row and cell comes back as
 * written, text always quoted and never starting as a formula, numbers bare and summable.
 */
const RUNS = 5_000;
let generated = 0;
afterAll(() => console.log(`fuzz, CSV exports: ${generated} generated tables`));

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(..."=+-@\t\r\n;,\"' a1.|!"), maxLength: 16 }),
  fc.constantFrom("=SUM(A1:A9)", "Bob;=cmd|' /C calc'!A0", "-15.00", "+33 1 23", "@now", "\t=1", "0012", "1e9", "-0", ".5"),
);
const decimal = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.nat({ max: 99 })).map(([units, cents]) => {
  const sign = units < 0 ? "-" : "";
  return `${sign}${Math.abs(units)}.${String(cents).padStart(2, "0")}`;
});
const cell = fc.oneof(text, decimal, fc.integer(), fc.constant(null));
const table = fc
  .integer({ min: 1, max: 6 })
  .chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }));

describe("CSV exports, fuzzed", () => {
  it("give back every cell: text quoted and guarded, numbers bare", () => {
    fc.assert(
      fc.property(table, (rows) => {
        generated += 1;
        const read = parse(toCsv(rows), {
          record_delimiter: "\r\n",
          relax_column_count: false,
          cast: (value, context) => ({ value, quoted: context.quoting }),
        }) as unknown as { value: string; quoted: boolean }[][];
        expect(read).toHaveLength(rows.length);
        rows.forEach((row, r) =>
          row.forEach((written, c) => {
            const { value, quoted } = read[r]![c]!;
            // Nothing, and empty text, are an empty cell: nothing in it to split or run.
            if (written === null || written === "") expect([value, quoted]).toEqual(["", false]);
            else if (typeof written === "number" || DECIMAL.test(written)) {
              expect(quoted).toBe(false);
              expect(Number(value)).toBe(Number(written));
            } else {
              expect(quoted).toBe(true);
              expect(value).toBe(/^[=+\-@\t\r]/.test(written) ? `'${written}` : written);
              expect(value).not.toMatch(/^[=+\-@\t\r]/);
            }
          }),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
