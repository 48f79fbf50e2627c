import { describe, expect, it } from "vitest";
import { failureKindOf, nextDunningStep, parseRetryDays } from "../../../app/subscriptions/dunning";

const failedAt = new Date("2026-03-06T14:00:00Z");

describe("dunning: what follows a failed charge", () => {
  it("retries on the schedule's days counted from the first failure, then takes the final action", () => {
    const policy = { retryDays: [1, 3, 7], finalAction: "pause" as const };
    expect(nextDunningStep(policy, 0, failedAt, "UTC")).toEqual({ kind: "retry", retry: 1, at: new Date("2026-03-07T14:00:00Z") });
    // Retry 1 failed on day 1: retry 2 is two days later (day 3), retry 3 four days after that (day 7).
    expect(nextDunningStep(policy, 1, new Date("2026-03-07T14:00:00Z"), "UTC")).toEqual({
      kind: "retry",
      retry: 2,
      at: new Date("2026-03-09T14:00:00Z"),
    });
    expect(nextDunningStep(policy, 2, new Date("2026-03-09T14:00:00Z"), "UTC")).toMatchObject({
      retry: 3,
      at: new Date("2026-03-13T14:00:00Z"),
    });
    expect(nextDunningStep(policy, 3, new Date("2026-03-13T14:00:00Z"), "UTC")).toEqual({ kind: "final", action: "pause" });
  });

  it("keeps the shop's wall-clock hour across a DST change", () => {
    // 09:00 in New York on March 6; DST starts March 8: the retry three days later is still 09:00.
    const step = nextDunningStep({ retryDays: [3], finalAction: "skip" }, 0, failedAt, "America/New_York");
    expect(step).toEqual({ kind: "retry", retry: 1, at: new Date("2026-03-09T13:00:00Z") });
  });

  it("with no retries, goes straight to the final action", () => {
    expect(nextDunningStep({ retryDays: [], finalAction: "cancel" }, 0, failedAt, "UTC")).toEqual({ kind: "final", action: "cancel" });
  });

  it("tells out-of-stock failures from payment failures, whatever the case Shopify sends", () => {
    expect(failureKindOf("INSUFFICIENT_INVENTORY")).toBe("inventory");
    expect(failureKindOf("inventory_allocations_not_found")).toBe("inventory");
    expect(failureKindOf("payment_method_declined")).toBe("payment");
    expect(failureKindOf("EXPIRED_PAYMENT_METHOD")).toBe("payment");
    expect(failureKindOf("SOMETHING_NEW")).toBe("payment");
  });

  it.each([
    ["1, 3, 7", [1, 3, 7]],
    ["2", [2]],
    ["", []],
    [" 1,2 ,30 ", [1, 2, 30]],
    ["3, 1", null],
    ["1, 1", null],
    ["0", null],
    ["61", null],
    ["1.5", null],
    ["1, 2, 3, 4, 5, 6, 7", null],
    ["one", null],
  ])("reads the retry schedule %j as %j", (text, expected) => {
    expect(parseRetryDays(text)).toEqual(expected);
  });
});
