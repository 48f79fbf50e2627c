import { describe, expect, it } from "vitest";
import { ledgerMonthChanges, repeatBuyer, revenueByMonth, type LedgerRow } from "../../../app/retention/revenue-mix";
import {
  parseAddOnQuestion,
  parseReferralQuestion,
  parseTierQuestion,
  parseWhatIfQuestion,
  projectAddOnRevenue,
  projectMrr,
  projectReferralReward,
} from "../../../app/retention/what-if";

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
    // 10 % off now, 15 % asked about: prices of 9,000 and 8,500 ten-thousandths.
    currentPrice: 9_000,
    proposedPrice: 8_500,
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
    const [first] = projectMrr({ ...input, proposedPrice: 10_000, elasticityHundredths: 1000, months: 1 });
    expect(first).toEqual({ month: 1, baselineMrr: 105_000, projectedMrr: 95_000 });
  });

  it("assumes no churn without history", () => {
    const [first] = projectMrr({ ...input, monthlyChurn: { numerator: 0, denominator: 0 }, proposedPrice: 9_000, months: 1 });
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

describe("what-if for a membership tier's price", () => {
  it("projects the tier's MRR as a plan's, with the price ratio of the two prices", () => {
    // $20.00 → $25.00 with elasticity 1: price × 5/4, volume × 3/4; new MRR 4,000 × 15/16 = 3,750.
    const [first] = projectMrr({
      currentMrrMinor: 40_000,
      newMrrPerMonthMinor: 4_000,
      monthlyChurn: { numerator: 1, denominator: 10 },
      currentPrice: 2_000,
      proposedPrice: 2_500,
      elasticityHundredths: 100,
      months: 1,
    });
    expect(first).toEqual({ month: 1, baselineMrr: 36_000 + 4_000, projectedMrr: 36_000 + 3_750 });
  });

  it("reads a price in the currency's decimals and says which field is wrong", () => {
    expect(parseTierQuestion({ price: "12.50", elasticity: "1.5" }, "USD")).toEqual({
      ok: true,
      question: { proposedPriceMinor: 1_250, elasticityHundredths: 150 },
    });
    expect(parseTierQuestion({ price: "1600", elasticity: "0" }, "JPY")).toEqual({
      ok: true,
      question: { proposedPriceMinor: 1_600, elasticityHundredths: 0 },
    });
    expect(parseTierQuestion({ price: "0", elasticity: "1" }, "USD")).toEqual({ ok: false, fieldErrors: { proposedPriceMinor: "price" } });
    expect(parseTierQuestion({ price: "12.345", elasticity: "11" }, "USD")).toEqual({
      ok: false,
      fieldErrors: { proposedPriceMinor: "price", elasticityHundredths: "elasticity" },
    });
    expect(parseTierQuestion({ price: "16.5", elasticity: "1" }, "JPY")).toEqual({
      ok: false,
      fieldErrors: { proposedPriceMinor: "price" },
    });
  });
});

describe("what-if for the referral reward", () => {
  // 6 friends subscribed through referrals over 3 months, starting at $300.00 MRR: $100.00 and 2 friends a month.
  const history = {
    months: 3,
    converted: 6,
    referredNewMrrMinor: 30_000,
    monthlyChurn: { numerator: 1, denominator: 10 },
    creditMinor: 1_000,
  };

  it("adds up what referrals bring less their credits, worked by hand", () => {
    // A $15.00 credit instead of $10.00, response 1: 1.5 × the friends. Projected: $150.00 new MRR and
    // 3 credits of $15.00 ($45.00) a month; baseline: $100.00 and $20.00.
    // Baseline MRR 10,000 → 19,000 → 27,100; totals 8,000, 25,000, 50,100.
    // Projected MRR 15,000 → 28,500 → 40,650; totals 10,500, 34,500, 70,650.
    expect(projectReferralReward(history, { proposedCreditMinor: 1_500, elasticityHundredths: 100 }, 3)).toEqual([
      { month: 1, baselineMinor: 8_000, projectedMinor: 10_500 },
      { month: 2, baselineMinor: 25_000, projectedMinor: 34_500 },
      { month: 3, baselineMinor: 50_100, projectedMinor: 70_650 },
    ]);
  });

  it("never projects fewer than no referrals, and rounds each month half up", () => {
    // No credit at response 2: 1 − 2 × 1 < 0 → no referred friend, nothing brought, nothing paid.
    const [none] = projectReferralReward(history, { proposedCreditMinor: 0, elasticityHundredths: 200 }, 1);
    expect(none).toEqual({ month: 1, baselineMinor: 8_000, projectedMinor: 0 });
    // One friend over 3 months at $10.00 MRR, a $1.00 credit: 333 a month in, 33 out.
    const thin = { ...history, converted: 1, referredNewMrrMinor: 1_000, creditMinor: 100 };
    const [first] = projectReferralReward(thin, { proposedCreditMinor: 100, elasticityHundredths: 100 }, 1);
    expect(first).toEqual({ month: 1, baselineMinor: 300, projectedMinor: 300 });
  });

  it("reads a credit of zero or more and says which field is wrong", () => {
    expect(parseReferralQuestion({ credit: "0", elasticity: "2" }, "EUR")).toEqual({
      ok: true,
      question: { proposedCreditMinor: 0, elasticityHundredths: 200 },
    });
    expect(parseReferralQuestion({ credit: "-1", elasticity: "x" }, "EUR")).toEqual({
      ok: false,
      fieldErrors: { proposedCreditMinor: "credit", elasticityHundredths: "elasticity" },
    });
  });
});
