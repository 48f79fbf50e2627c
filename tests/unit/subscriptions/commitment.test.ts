import { describe, expect, it } from "vitest";
import { beyondCommitment, isLastCycle, lastCycle } from "../../../app/subscriptions/commitment";

describe("a plan's maximum number of orders", () => {
  it("counts the checkout's order as the first, as Shopify's selling plans do", () => {
    expect(lastCycle(3)).toBe(2);
    expect(lastCycle(1)).toBe(0);
    expect(lastCycle(null)).toBeNull();
  });

  it("charges every cycle up to the last and none after", () => {
    expect([1, 2, 3].map((cycle) => beyondCommitment(cycle, 3))).toEqual([false, false, true]);
    expect(beyondCommitment(500, null)).toBe(false);
    expect([1, 2].map((cycle) => isLastCycle(cycle, 3))).toEqual([false, true]);
    expect(isLastCycle(40, null)).toBe(false);
  });
});
