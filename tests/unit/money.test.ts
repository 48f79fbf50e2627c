import { describe, expect, it } from "vitest";
import { divideRoundingHalfUp, minorUnits } from "../../app/money";

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

describe("an exact quotient of minor units", () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [5, -2, -3],
    [1, 3, 0],
    [2, 3, 1],
    [1000 * 52, 12, 4333],
  ])("%i / %i rounds half away from zero to %i", (numerator, denominator, quotient) => {
    expect(divideRoundingHalfUp(numerator, denominator)).toBe(quotient);
  });

  it("is exact up to the largest safe integer", () => {
    // (2^53 − 1) / 2 = 2^52 − ½, rounded half up; 2n × n, on the way, is past 2^53.
    expect(divideRoundingHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(2 ** 52);
  });
});
