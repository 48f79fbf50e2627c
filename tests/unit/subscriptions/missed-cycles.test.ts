import { describe, expect, it } from "vitest";
import { cycleToCharge } from "../../../app/subscriptions/missed-cycles";

describe("cycles that fell due while Orchard could not bill", () => {
  it("charges one cycle due, however late, under either policy", () => {
    expect(cycleToCharge(4, 4, "chargeLatest")).toBe(4);
    expect(cycleToCharge(4, 4, "skipAll")).toBe(4);
  });

  it("charges only the latest of several, or none, as the merchant chose: never a burst", () => {
    expect(cycleToCharge(4, 7, "chargeLatest")).toBe(7);
    expect(cycleToCharge(4, 7, "skipAll")).toBeNull();
  });

  it("charges nothing when no cycle is left to charge (past the plan's last)", () => {
    expect(cycleToCharge(5, 4, "chargeLatest")).toBeNull();
  });
});
