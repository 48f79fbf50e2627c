import { describe, expect, it } from "vitest";
import { repeatPurchaseRate, revenueByMonth, type OrderForMix } from "../../../app/retention/revenue-mix";
import { parseWhatIfQuestion, projectMrr } from "../../../app/retention/what-if";

const order = (customerId: string | null, day: string, oneOffMinor: number, recurringMinor = 0): OrderForMix => ({
  customerId,
  at: new Date(`${day}T12:00:00Z`),
  oneOffMinor,
  recurringMinor,
});
// c1 buys once in January and subscribes in February; c2 buys once; c3 first bought in December;
// a guest buys in February; c4 only subscribes; c5 buys after the period.
const orders = [
  order("c1", "2026-01-05", 3000),
  order("c1", "2026-02-10", 0, 2700),
  order("c2", "2026-01-20", 1500),
  order("c3", "2025-12-02", 1000),
  order("c3", "2026-01-15", 2000),
  order(null, "2026-02-01", 500),
  order("c4", "2026-02-20", 0, 2700),
  order("c5", "2026-03-03", 800),
];

describe("recurring against one-off revenue", () => {
  it("adds each month's orders up on both sides", () => {
    expect(revenueByMonth(orders, "UTC", "2026-01", "2026-02")).toEqual([
      { month: "2026-01", recurring: 0, oneOff: 3000 + 1500 + 2000 },
      { month: "2026-02", recurring: 2700 + 2700, oneOff: 500 },
    ]);
  });

  it("counts the one-off buyers of the period who came back", () => {
    // c1 and c2 first bought one-off in the period (c3 in December, c5 after it); c1 came back.
    expect(repeatPurchaseRate(orders, new Date("2026-01-01T00:00:00Z"), new Date("2026-02-28T23:59:59Z"))).toEqual({
      numerator: 1,
      denominator: 2,
    });
  });
});

describe("what-if pricing", () => {
  const input = {
    currentMrrMinor: 100_000,
    newMrrPerMonthMinor: 10_000,
    monthlyChurn: { numerator: 1, denominator: 20 },
    currentDiscountBp: 1000,
    proposedDiscountBp: 1500,
    elasticityHundredths: 200,
    months: 3,
  };

  it("projects a deeper discount: each new subscriber pays less, more of them come", () => {
    // Price × 85/90; volume × (1 + 2 × 5/90) = × 100/90; new MRR 10,000 × 8500/9000 × 10/9 = 10,493.8 → 10,494.
    // Baseline: 100,000 × 0.95 + 10,000 = 105,000; then 109,750; then 104,262.5 → 104,263 + 10,000.
    // Projected: 95,000 + 10,494 = 105,494; 100,219.3 → 100,219 + 10,494 = 110,713; 105,177.35 → 105,177 + 10,494.
    expect(projectMrr(input)).toEqual([
      { month: 1, baselineMrr: 105_000, projectedMrr: 105_494 },
      { month: 2, baselineMrr: 109_750, projectedMrr: 110_713 },
      { month: 3, baselineMrr: 114_263, projectedMrr: 115_671 },
    ]);
  });

  it("never projects fewer than no new subscribers", () => {
    // No discount at all (price × 100/90) with an elasticity of 10: volume 1 − 10 × 1/9 < 0 → none.
    const [first] = projectMrr({ ...input, proposedDiscountBp: 0, elasticityHundredths: 1000, months: 1 });
    expect(first).toEqual({ month: 1, baselineMrr: 105_000, projectedMrr: 95_000 });
  });

  it("assumes no churn without history", () => {
    const [first] = projectMrr({ ...input, monthlyChurn: { numerator: 0, denominator: 0 }, proposedDiscountBp: 1000, months: 1 });
    expect(first).toEqual({ month: 1, baselineMrr: 110_000, projectedMrr: 110_000 });
  });
});

describe("the what-if form", () => {
  it("reads a discount in percent and an elasticity, exactly", () => {
    expect(parseWhatIfQuestion({ discount: "12.5", elasticity: "1.25" })).toEqual({
      ok: true,
      question: { proposedDiscountBp: 1250, elasticityHundredths: 125 },
    });
    expect(parseWhatIfQuestion({ discount: "0", elasticity: "10" })).toEqual({
      ok: true,
      question: { proposedDiscountBp: 0, elasticityHundredths: 1000 },
    });
  });

  it("says which field is wrong", () => {
    expect(parseWhatIfQuestion({ discount: "101", elasticity: "1" })).toEqual({
      ok: false,
      fieldErrors: { proposedDiscountBp: "percentage" },
    });
    expect(parseWhatIfQuestion({ discount: "-5", elasticity: "10.5" })).toEqual({
      ok: false,
      fieldErrors: { proposedDiscountBp: "percentage", elasticityHundredths: "elasticity" },
    });
    expect(parseWhatIfQuestion({ discount: "", elasticity: "1.234" })).toEqual({
      ok: false,
      fieldErrors: { proposedDiscountBp: "percentage", elasticityHundredths: "elasticity" },
    });
  });
});
