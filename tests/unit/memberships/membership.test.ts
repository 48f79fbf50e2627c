import { describe, expect, it } from "vitest";
import { currentTiers, listChanges, membersOfTiers, perkTiers, validateMembership } from "../../../app/memberships/membership";

describe("a membership's form", () => {
  const tier = (name: string, price: string, discount = "") => ({ name, price, interval: "MONTH", discount });

  it("keeps each tier's price in minor units and its discount in basis points", () => {
    expect(validateMembership({ name: " Coffee Club ", tiers: [tier("Basic", "10"), tier("Premium", "25.50", "12.5")] }, "USD")).toEqual({
      membership: {
        name: "Coffee Club",
        tiers: [
          { name: "Basic", priceMinor: 1_000, interval: "MONTH", discountBasisPoints: 0 },
          { name: "Premium", priceMinor: 2_550, interval: "MONTH", discountBasisPoints: 1_250 },
        ],
      },
    });
  });

  it("refuses too few or too many tiers, and each bad field by its path", () => {
    expect(validateMembership({ name: "Club", tiers: [tier("Only", "5")] }, "USD")).toEqual({ errors: { tiers: "tierCount" } });
    expect(validateMembership({ name: "Club", tiers: Array.from({ length: 6 }, (_, i) => tier(`T${i}`, "5")) }, "USD")).toEqual({
      errors: { tiers: "tierCount" },
    });
    expect(
      validateMembership({ name: "Club", tiers: [tier("Gold", "5.001"), { ...tier("GOLD", "-1", "101"), interval: "DAY" }] }, "USD"),
    ).toEqual({
      errors: {
        "tiers.0.price": "priceInvalid",
        "tiers.1.name": "tierNameTaken",
        "tiers.1.price": "priceInvalid",
        "tiers.1.interval": "intervalInvalid",
        "tiers.1.discount": "discountInvalid",
      },
    });
  });
});

describe("who gets which tier's perks", () => {
  const tiers = [
    { id: "basic", position: 1, sellingPlanId: "plan-basic" },
    { id: "premium", position: 2, sellingPlanId: "plan-premium" },
  ];

  it("counts each member once, in the highest tier they hold, and nobody without an active line", () => {
    const held = currentTiers(tiers, [
      { customerId: "ada", sellingPlanId: "plan-basic" },
      { customerId: "ada", sellingPlanId: "plan-premium" },
      { customerId: "bo", sellingPlanId: "plan-basic" },
      { customerId: "cy", sellingPlanId: "plan-coffee" },
      { customerId: null, sellingPlanId: "plan-premium" },
    ]);
    expect(held).toEqual(
      new Map([
        ["ada", 2],
        ["bo", 1],
      ]),
    );
    expect(membersOfTiers(tiers, held)).toEqual(
      new Map([
        ["basic", ["bo"]],
        ["premium", ["ada"]],
      ]),
    );
  });

  it("gives a member who moved up the perks they paid for until the higher price is paid, and a member who moved down the lower at once", () => {
    const held = new Map([
      ["moved-up", 2],
      ["moved-down", 1],
      ["new", 2],
    ]);
    const paid = new Map([
      ["moved-up", 1],
      ["moved-down", 2],
    ]);
    expect(perkTiers(held, paid)).toEqual(
      new Map([
        ["moved-up", 1],
        ["moved-down", 1],
        ["new", 2],
      ]),
    );
  });

  it("adds and removes only the customers who changed", () => {
    expect(listChanges(["a", "b"], ["b", "c"])).toEqual({ add: ["c"], remove: ["a"] });
    expect(listChanges([], [])).toEqual({ add: [], remove: [] });
  });
});
