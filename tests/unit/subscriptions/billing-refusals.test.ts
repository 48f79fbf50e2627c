import { describe, expect, it } from "vitest";
import { refusalOutcome } from "../../../app/subscriptions/billing-refusals";

describe("Shopify refusing a billing attempt", () => {
  it.each([
    [["CONTRACT_UNDER_REVIEW"], "retry"],
    [["PROCESSING_FAILED"], "retry"],
    [["THROTTLED"], "retry"],
    [["BILLING_CYCLE_SKIPPED"], "skipped"],
    [["CONTRACT_PAUSED"], "refused"],
    [["CONTRACT_TERMINATED"], "refused"],
    [["CONTRACT_NOT_FOUND"], "refused"],
    [["ORIGIN_TIME_BEFORE_CONTRACT_CREATION"], "refused"],
    [["ORIGIN_TIME_OUT_OF_RANGE"], "refused"],
    [["CYCLE_INDEX_OUT_OF_RANGE"], "refused"],
    [["CYCLE_START_DATE_OUT_OF_RANGE"], "refused"],
    [["BILLING_CYCLE_CHARGE_BEFORE_EXPECTED_DATE"], "refused"],
    [["UPCOMING_CYCLE_LIMIT_EXCEEDED"], "refused"],
    [["A_CODE_SHOPIFY_ADDS_LATER"], "refused"],
    [["CONTRACT_UNDER_REVIEW", "CONTRACT_PAUSED"], "refused"],
    [[null], "refused"],
    [[], "refused"],
  ])("%j → %s", (codes, outcome) => {
    expect(refusalOutcome(codes)).toBe(outcome);
  });
});
