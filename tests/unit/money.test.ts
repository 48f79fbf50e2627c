import { describe, expect, it } from "vitest";
import { minorUnits } from "../../app/money";

describe("minor units from Shopify's decimal amounts", () => {
  it.each([
    ["14.4", "USD", 1440],
    ["14.40", "USD", 1440],
    ["0.1", "EUR", 10],
    ["1600.0", "JPY", 1600],
    ["1.234", "KWD", 1234],
    ["-2.50", "USD", -250],
  ])("%s %s is %i", (amount, currency, minor) => {
    expect(minorUnits(amount, currency)).toBe(minor);
  });

  it("refuses what is not an exact amount in the currency", () => {
    expect(() => minorUnits("1.005", "USD")).toThrow(RangeError);
    expect(() => minorUnits("12.5", "JPY")).toThrow(RangeError);
    expect(() => minorUnits("1e3", "USD")).toThrow(RangeError);
  });
});
