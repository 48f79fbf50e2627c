import { describe, expect, it } from "vitest";
import { cancellationReport } from "../../../app/retention/cancellations";

describe("the cancellation report", () => {
  it("counts reasons, each offer shown and taken with the MRR it kept, and flows saved against flows that showed an offer", () => {
    const report = cancellationReport([
      // Contract a: shown a pause and a skip, took the pause (its record of being shown became "accepted").
      { contractId: "a", reason: "too_much", offer: "pause", outcome: "accepted", mrrKeptMinor: 2500 },
      { contractId: "a", reason: "too_much", offer: "skip", outcome: "offered", mrrKeptMinor: null },
      // Contract b: shown two offers, declined both, cancelled: one lost flow, not two.
      { contractId: "b", reason: "too_much", offer: "pause", outcome: "declined", mrrKeptMinor: null },
      { contractId: "b", reason: "too_much", offer: "discount", outcome: "declined", mrrKeptMinor: null },
      { contractId: "b", reason: "too_much", offer: null, outcome: "cancelled", mrrKeptMinor: null },
      // Contract c: cancelled by the merchant, no offer shown.
      { contractId: "c", reason: "going_away", offer: null, outcome: "cancelled", mrrKeptMinor: null },
      // Contract d: took a discount; contract e, in another currency, took one too (its MRR not counted).
      { contractId: "d", reason: "too_much", offer: "discount", outcome: "accepted", mrrKeptMinor: 4000 },
      { contractId: "e", reason: "too_much", offer: "discount", outcome: "accepted", mrrKeptMinor: null },
    ]);
    expect(report.reasons).toEqual([
      { reason: "going_away", count: 1 },
      { reason: "too_much", count: 1 },
    ]);
    expect(report.offers).toEqual([
      { offer: "discount", shown: 3, accepted: 2, acceptance: { numerator: 2, denominator: 3 }, mrrKeptMinor: 4000 },
      { offer: "pause", shown: 2, accepted: 1, acceptance: { numerator: 1, denominator: 2 }, mrrKeptMinor: 2500 },
      { offer: "skip", shown: 1, accepted: 0, acceptance: { numerator: 0, denominator: 1 }, mrrKeptMinor: 0 },
    ]);
    // Saved a, d and e; lost b. c never saw an offer.
    expect(report.saveRate).toEqual({ numerator: 3, denominator: 4 });
  });
});
