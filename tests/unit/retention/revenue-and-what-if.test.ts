import { describe, expect, it } from "vitest";
import { ledgerMonthChanges, repeatBuyer, revenueByMonth, type LedgerRow } from "../../../app/retention/revenue-mix";
import { parseAddOnQuestion, parseWhatIfQuestion, projectAddOnRevenue, projectMrr } from "../../../app/retention/what-if";

const row = (day: string, oneOffMinor: number, recurringMinor = 0): LedgerRow => ({
  processedAt: new Date(`${day}T12:00:00Z`),
  oneOffMinor,
  recurringMinor,
  protectionMinor: 0,
  eligibleUnits: 0,
  protectedUnits: 0,
});

describe("recurring against one-off revenue", () => {
  it("adds each order to its month in the shop's time zone, and a refund takes off the difference", () => {
    const late = { ...row("2026-01-31", 3000), processedAt: new Date("2026-02-01T02:00:00Z") };
    // 2 am UTC on February 1st is still January 31st in New York.
    expect(ledgerMonthChanges(null, late, "America/New_York")).toEqual(
      new Map([["2026-01", { recurringMinor: 0, oneOffMinor: 3000, protectionMinor: 0, eligibleUnits: 0, protectedUnits: 0 }]]),
    );
    const refunded = { ...late, oneOffMinor: 1000 };
    expect(ledgerMonthChanges(late, refunded, "UTC").get("2026-02")?.oneOffMinor).toBe(-2000);
    expect(ledgerMonthChanges(late, late, "UTC").size).toBe(0);
  });

  it("reads each month of the range, with nothing for a month without orders", () => {
    const months = new Map([["2026-01" as const, { recurringMinor: 0, oneOffMinor: 6500 }]]);
    expect(revenueByMonth(months, "2026-01", "2026-02")).toEqual([
      { month: "2026-01", recurring: 0, oneOff: 6500 },
      { month: "2026-02", recurring: 0, oneOff: 0 },
    ]);
  });

  it("finds a customer's first one-off purchase and the next order after it", () => {
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    // A subscription's order before the first one-off purchase is not a return to it.
    expect(
      repeatBuyer([
        { at: at("2026-02-10"), oneOffMinor: 0 },
        { at: at("2026-01-05"), oneOffMinor: 0 },
        { at: at("2026-01-20"), oneOffMinor: 1500 },
        { at: at("2026-03-01"), oneOffMinor: 800 },
      ]),
    ).toEqual({ firstOneOffAt: at("2026-01-20"), returnedAt: at("2026-02-10") });
    expect(repeatBuyer([{ at: at("2026-01-20"), oneOffMinor: 1500 }])).toEqual({ firstOneOffAt: at("2026-01-20"), returnedAt: null });
    expect(repeatBuyer([{ at: at("2026-01-20"), oneOffMinor: 0 }])).toBeNull();
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

describe("what-if for add-on prices", () => {
  // 100 add-ons for $1,500.00 over 3 months, of 400 covered units sold: $500.00 a month, a 25 % attach rate.
  const history = { eligibleUnits: 400, soldUnits: 100, revenueMinor: 150_000, months: 3 };
  const at = (priceChangeBp: number, elasticityHundredths: number, given = history) =>
    projectAddOnRevenue(given, { priceChangeBp, elasticityHundredths }, 12);

  it("adds up a year of revenue at the new price, with fewer buyers as the elasticity says, worked by hand", () => {
    // 20 % dearer, elasticity 1: 80 % as many buyers at 120 % of the price, $480.00 a month.
    const dearer = at(2_000, 100);
    expect(dearer[0]).toEqual({ month: 1, baselineMinor: 50_000, projectedMinor: 48_000 });
    expect(dearer[11]).toEqual({ month: 12, baselineMinor: 600_000, projectedMinor: 576_000 });
    // Half price, elasticity 3: 2.5 times the buyers (under the 4 times that covered units allow), $625.00 a month.
    expect(at(-5_000, 300)[0]!.projectedMinor).toBe(62_500);
    // Never more add-ons than covered units: 110 units for 100 add-ons caps buyers at 1.1 times.
    expect(at(-5_000, 300, { ...history, eligibleUnits: 110 })[0]!.projectedMinor).toBe(27_500);
    // Three times the price, elasticity 1: nobody buys.
    expect(at(20_000, 100)[11]!.projectedMinor).toBe(0);
  });

  it("rounds half up each month of the running total", () => {
    expect(
      at(0, 100, { ...history, revenueMinor: 100 })
        .slice(0, 2)
        .map((m) => m.baselineMinor),
    ).toEqual([33, 67]);
  });

  it("reads a signed change and says which field is wrong", () => {
    expect(parseAddOnQuestion({ priceChange: "-12.5", elasticity: "1" })).toEqual({
      ok: true,
      question: { priceChangeBp: -1_250, elasticityHundredths: 100 },
    });
    expect(parseAddOnQuestion({ priceChange: "+200", elasticity: "0" })).toEqual({
      ok: true,
      question: { priceChangeBp: 20_000, elasticityHundredths: 0 },
    });
    expect(parseAddOnQuestion({ priceChange: "-95", elasticity: "11" })).toEqual({
      ok: false,
      fieldErrors: { priceChangeBp: "priceChange", elasticityHundredths: "elasticity" },
    });
    expect(parseAddOnQuestion({ priceChange: "ten", elasticity: "1" })).toEqual({
      ok: false,
      fieldErrors: { priceChangeBp: "priceChange" },
    });
  });
});
