import { describe, expect, it } from "vitest";
import { cancellationReport } from "../../../app/retention/cancellations";

describe("the cancellation report", () => {
  it("counts reasons, offers taken, and flows saved against flows that showed an offer", () => {
    const report = cancellationReport([
      // Contract a: shown a pause and a skip, took the pause.
      { contractId: "a", reason: "too_much", offer: "pause", outcome: "offered" },
      { contractId: "a", reason: "too_much", offer: "skip", outcome: "offered" },
      { contractId: "a", reason: "too_much", offer: "pause", outcome: "accepted" },
      // Contract b: shown two offers, declined both, cancelled: one lost flow, not two.
      { contractId: "b", reason: "too_much", offer: "pause", outcome: "declined" },
      { contractId: "b", reason: "too_much", offer: "discount", outcome: "declined" },
      { contractId: "b", reason: "too_much", offer: null, outcome: "cancelled" },
      // Contract c: cancelled by the merchant, no offer shown.
      { contractId: "c", reason: "going_away", offer: null, outcome: "cancelled" },
      // Contract d: took a discount.
      { contractId: "d", reason: "too_much", offer: "discount", outcome: "accepted" },
    ]);
    expect(report.reasons).toEqual([
      { reason: "going_away", count: 1 },
      { reason: "too_much", count: 1 },
    ]);
    expect(report.accepted).toEqual([
      { offer: "discount", count: 1 },
      { offer: "pause", count: 1 },
    ]);
    // Saved a and d; lost b. c never saw an offer.
    expect(report.saveRate).toEqual({ numerator: 2, denominator: 3 });
  });
});
