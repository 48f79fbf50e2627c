import { describe, expect, it } from "vitest";
import { DEFAULT_SAVE_OFFER_PERIODS, offersStillTaken, storedSaveOfferPeriods } from "../../../app/subscriptions/retention";

const day = 86_400_000;
const now = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * day);

describe("each save offer's period", () => {
  it("keeps an offer from a subscription that took it until its own period has passed, to the millisecond", () => {
    const periods = { ...DEFAULT_SAVE_OFFER_PERIODS, discount: 30, pause: 365 };
    const accepted = [
      { offer: "discount", at: new Date(now.getTime() - 30 * day + 1) },
      { offer: "pause", at: daysAgo(100) },
      { offer: "skip", at: daysAgo(400) },
    ];
    expect(offersStillTaken(accepted, periods, now)).toEqual(new Set(["discount", "pause"]));
    expect(offersStillTaken([{ offer: "discount", at: daysAgo(30) }], periods, now)).toEqual(new Set());
    // The latest time it was taken counts, whatever came before.
    expect(offersStillTaken([...accepted, { offer: "skip", at: daysAgo(2) }], periods, now).has("skip")).toBe(true);
    // An offer Orchard no longer makes is nothing to keep.
    expect(offersStillTaken([{ offer: "gift", at: daysAgo(1) }], periods, now)).toEqual(new Set());
  });

  it("reads the stored periods defensively: an offer without a valid one of its own has the default", () => {
    expect(storedSaveOfferPeriods("")).toEqual(DEFAULT_SAVE_OFFER_PERIODS);
    expect(storedSaveOfferPeriods("[1]")).toEqual(DEFAULT_SAVE_OFFER_PERIODS);
    expect(storedSaveOfferPeriods(JSON.stringify({ discount: 90, pause: 5, skip: "60", swap: 1000, frequency: 45.5, gift: 30 }))).toEqual({
      ...DEFAULT_SAVE_OFFER_PERIODS,
      discount: 90,
    });
  });
});
