import { describe, expect, it } from "vitest";
import { referralFigures } from "../../../app/referrals/figures";
import { validateProgram } from "../../../app/referrals/program";
import { isInviteDue, nextCreditBatch, referralCodeFrom, referralOutcome } from "../../../app/referrals/referrals";

describe("the referral program's form", () => {
  const draft = { enabled: true, renewalsBeforeInvite: "2", friendDiscount: "15.5", credit: "10", maxCreditsPerRenewal: "2" };

  it("keeps whole numbers, basis points and minor units", () => {
    expect(validateProgram(draft, "USD")).toEqual({
      program: { enabled: true, renewalsBeforeInvite: 2, friendDiscountBasisPoints: 1_550, creditMinor: 1_000, maxCreditsPerRenewal: 2 },
    });
    expect(validateProgram({ ...draft, credit: "1000" }, "JPY")).toMatchObject({ program: { creditMinor: 1_000 } });
  });

  it("refuses each field outside its bounds with its own message", () => {
    expect(
      validateProgram({ ...draft, renewalsBeforeInvite: "25", friendDiscount: "0", credit: "0", maxCreditsPerRenewal: "0" }, "USD"),
    ).toEqual({
      errors: {
        renewalsBeforeInvite: "renewalsInvalid",
        friendDiscount: "discountInvalid",
        credit: "creditInvalid",
        maxCreditsPerRenewal: "capInvalid",
      },
    });
    expect(validateProgram({ ...draft, credit: "10.005", renewalsBeforeInvite: "1.5" }, "USD")).toEqual({
      errors: { credit: "creditInvalid", renewalsBeforeInvite: "renewalsInvalid" },
    });
    expect(validateProgram({ ...draft, credit: "10.5" }, "JPY")).toEqual({ errors: { credit: "creditInvalid" } });
  });
});

describe("referrals", () => {
  it("makes readable codes from random bytes", () => {
    expect(referralCodeFrom(new Uint8Array([0, 1, 2, 30, 31, 62, 255, 100]))).toBe("FRIEND-234Z2299");
    expect(referralCodeFrom(new Uint8Array(8).fill(7))).toMatch(/^FRIEND-[2-9A-HJKMNP-Z]{8}$/);
  });

  it("invites an active subscriber once enough renewals are paid", () => {
    expect([isInviteDue(1, 2, "ACTIVE"), isInviteDue(2, 2, "ACTIVE"), isInviteDue(5, 2, "PAUSED")]).toEqual([false, true, false]);
  });

  it("credits a friend who subscribes, once, and never the referrer's own use", () => {
    const referrer = { customerId: "gid://shopify/Customer/1", email: "Ada@Example.com" };
    const friend = { customerId: "gid://shopify/Customer/2", email: "bo@example.com", subscribed: true };
    expect(referralOutcome(friend, referrer, false)).toBe("converted");
    expect(referralOutcome({ ...friend, subscribed: false }, referrer, false)).toBe("notSubscribed");
    expect(referralOutcome(friend, referrer, true)).toBe("alreadyReferred");
    expect(referralOutcome({ ...friend, customerId: referrer.customerId }, referrer, false)).toBe("selfReferral");
    // A guest checkout with the referrer's email is the referrer too.
    expect(referralOutcome({ customerId: null, email: " ada@example.COM", subscribed: true }, referrer, false)).toBe("selfReferral");
  });

  it("puts the oldest waiting credits on the next renewal, up to the cap, and nothing while a batch waits", () => {
    const waiting = [
      { id: "a", amountMinor: 500 },
      { id: "b", amountMinor: 500 },
      { id: "c", amountMinor: 700 },
    ];
    expect(nextCreditBatch(waiting, 2, false)).toEqual({ credits: waiting.slice(0, 2), amountMinor: 1_000 });
    expect(nextCreditBatch(waiting, 1, false)).toEqual({ credits: waiting.slice(0, 1), amountMinor: 500 });
    expect(nextCreditBatch(waiting, 5, true)).toBeNull();
    expect(nextCreditBatch([], 5, false)).toBeNull();
  });
});

describe("referral figures", () => {
  it("count friends' orders, conversions, their revenue and the share of new MRR, worked by hand", () => {
    const figures = referralFigures(
      4,
      [
        { outcome: "converted", orderId: "o1", revenueMinor: 2_400 },
        { outcome: "converted", orderId: "o2", revenueMinor: 1_600 },
        { outcome: "notSubscribed", orderId: "o3", revenueMinor: 900 },
        // Refused referrals are not friends' orders.
        { outcome: "selfReferral", orderId: "o4", revenueMinor: 5_000 },
      ],
      [
        { originOrderId: "o1", startMrrMinor: 3_000 },
        { originOrderId: "o2", startMrrMinor: 1_000 },
        { originOrderId: "x", startMrrMinor: 4_000 },
        { originOrderId: null, startMrrMinor: 2_000 },
      ],
    );
    // 2 of 3 friends' orders subscribed; revenue 2,400 + 1,600 + 900 = 4,900; new MRR 10,000, of it 4,000 referred.
    expect(figures).toEqual({
      invited: 4,
      referrals: 3,
      converted: 2,
      conversionRate: 2 / 3,
      revenueMinor: 4_900,
      newMrrMinor: 10_000,
      referredNewMrrMinor: 4_000,
      newMrrShare: 0.4,
    });
    expect(referralFigures(0, [], []).newMrrShare).toBeNull();
  });
});
