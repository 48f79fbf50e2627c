import { describe, expect, it } from "vitest";
import { cyclePricesOf, linesAsCharged, linesToReprice } from "../../../app/subscriptions/cycle-pricing";

describe("a line's price per cycle, from the plan's pricing policy", () => {
  // Half price for the first 2 orders (the checkout and the first renewal), then 10 % off a $16.00 bag.
  const intro = cyclePricesOf([
    { afterCycle: 2, priceMinor: 1440 },
    { afterCycle: 0, priceMinor: 800 },
  ]);

  // Shopify's afterCycle counts the checkout as cycle 1: afterCycle 2 starts at Orchard's renewal 2.
  it("moves a line still at an earlier step to the step that has started, even when its first cycle was skipped", () => {
    const lines = [
      { id: "intro", unitPriceMinor: 800, cyclePrices: JSON.stringify(intro) },
      { id: "already moved", unitPriceMinor: 1440, cyclePrices: JSON.stringify(intro) },
      { id: "no policy", unitPriceMinor: 999, cyclePrices: null },
    ];
    expect(linesToReprice(lines, 1)).toEqual([]);
    expect(linesToReprice(lines, 2).map(({ line, priceMinor }) => [line.id, priceMinor])).toEqual([["intro", 1440]]);
    expect(linesToReprice(lines, 5).map(({ line, priceMinor }) => [line.id, priceMinor])).toEqual([["intro", 1440]]);
    expect(cyclePricesOf([])).toBeNull();
  });

  it("never overrides a price the policy did not set, nor moves a line back to the intro price", () => {
    const merchantsOwn = { unitPriceMinor: 1234, cyclePrices: JSON.stringify(intro) };
    expect(linesToReprice([merchantsOwn], 2)).toEqual([]);
    const moved = { unitPriceMinor: 1440, cyclePrices: JSON.stringify(intro) };
    expect(linesToReprice([moved], 1)).toEqual([]);
  });

  it("gives each line the price its cycle will charge, for the MRR: an ended intro offer at its next step", () => {
    const lines = [
      { id: "intro", unitPriceMinor: 800, cyclePrices: JSON.stringify(intro) },
      { id: "no policy", unitPriceMinor: 999, cyclePrices: null },
    ];
    expect(linesAsCharged(lines, 1).map((l) => l.unitPriceMinor)).toEqual([800, 999]);
    expect(linesAsCharged(lines, 2).map((l) => l.unitPriceMinor)).toEqual([1440, 999]);
    expect(lines[0]!.unitPriceMinor).toBe(800);
  });
});
