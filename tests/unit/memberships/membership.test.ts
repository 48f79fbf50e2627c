import { describe, expect, it } from "vitest";
import {
  currentTiers,
  listChanges,
  membersOfTiers,
  perkTiers,
  subscriptionPerkChanges,
  subscriptionPerks,
  tagChanges,
  validateMembership,
} from "../../../app/memberships/membership";

describe("a membership's form", () => {
  const tier = (name: string, price: string, discount = "", subscriptionDiscount = "", customerTag = "") => ({
    name,
    price,
    interval: "MONTH",
    discount,
    subscriptionDiscount,
    customerTag,
  });

  it("keeps each tier's price in minor units and its discount in basis points", () => {
    expect(
      validateMembership(
        { name: " Coffee Club ", tiers: [tier("Basic", "10"), tier("Premium", "25.50", "12.5", "10", " early-access ")] },
        "USD",
      ),
    ).toEqual({
      membership: {
        name: "Coffee Club",
        tiers: [
          { name: "Basic", priceMinor: 1_000, interval: "MONTH", discountBasisPoints: 0, subscriptionDiscountPercent: 0, customerTag: "" },
          {
            name: "Premium",
            priceMinor: 2_550,
            interval: "MONTH",
            discountBasisPoints: 1_250,
            subscriptionDiscountPercent: 10,
            customerTag: "early-access",
          },
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

  it("takes a whole percent off subscriptions (Shopify's contract discounts are whole) and one tag a tier, without commas", () => {
    expect(
      validateMembership(
        { name: "Club", tiers: [tier("Basic", "5", "", "12.5", "vip, early"), tier("Premium", "9", "", "101", "")] },
        "USD",
      ),
    ).toEqual({
      errors: {
        "tiers.0.subscriptionDiscount": "subscriptionDiscountInvalid",
        "tiers.0.customerTag": "tagInvalid",
        "tiers.1.subscriptionDiscount": "subscriptionDiscountInvalid",
      },
    });
    expect(
      validateMembership({ name: "Club", tiers: [tier("Basic", "5", "", "", "VIP"), tier("Premium", "9", "", "", "vip")] }, "USD"),
    ).toEqual({
      errors: { "tiers.1.customerTag": "tagTaken" },
    });
  });
});

describe("a tier's tag", () => {
  it("goes on members who came and off those who left", () => {
    expect(tagChanges({ tag: "vip", customers: ["ada", "bo"] }, { tag: "vip", customers: ["bo", "cy"] })).toEqual({
      add: { tag: "vip", customers: ["cy"] },
      remove: { tag: "vip", customers: ["ada"] },
    });
  });

  it("comes off everyone who carried it when renamed or cleared, and goes on under its new name", () => {
    expect(tagChanges({ tag: "vip", customers: ["ada", "bo"] }, { tag: "insiders", customers: ["bo"] })).toEqual({
      add: { tag: "insiders", customers: ["bo"] },
      remove: { tag: "vip", customers: ["ada", "bo"] },
    });
    expect(tagChanges({ tag: "vip", customers: ["ada"] }, { tag: "", customers: ["ada"] })).toEqual({
      add: { tag: "", customers: [] },
      remove: { tag: "vip", customers: ["ada"] },
    });
    expect(tagChanges({ tag: "", customers: [] }, { tag: "", customers: ["ada"] })).toEqual({
      add: { tag: "", customers: [] },
      remove: { tag: "", customers: [] },
    });
  });
});

describe("a tier's discount on the member's own subscriptions", () => {
  const tiers = [
    { position: 1, name: "Basic", subscriptionDiscountPercent: 0 },
    { position: 2, name: "Premium", subscriptionDiscountPercent: 10 },
  ];
  const perks = new Map([
    ["ada", 2],
    ["bo", 1],
  ]);
  const contracts = [
    { id: "ada-coffee", customerId: "ada" },
    { id: "ada-tea", customerId: "ada" },
    { id: "bo-coffee", customerId: "bo" },
    { id: "cy-coffee", customerId: "cy" },
  ];

  it("goes on each contract of a member whose tier has one, titled by membership, tier and percent", () => {
    const premium = { title: "Club · Premium: 10 %", percent: 10 };
    expect(subscriptionPerks("Club", tiers, perks, contracts)).toEqual(
      new Map([
        ["ada-coffee", premium],
        ["ada-tea", premium],
      ]),
    );
  });

  it("changes only where the title differs: added, replaced on a change of tier or percent, taken off when gone", () => {
    const wanted = new Map([
      ["ada-coffee", { title: "Club · Premium: 10 %", percent: 10 }],
      ["ada-tea", { title: "Club · Premium: 10 %", percent: 10 }],
    ]);
    const current = new Map([
      ["ada-coffee", "Club · Premium: 10 %"],
      ["ada-tea", "Club · Premium: 5 %"],
      ["bo-coffee", "Club · Basic: 5 %"],
    ]);
    expect(subscriptionPerkChanges(current, wanted)).toEqual([
      { contractId: "ada-tea", removeTitle: "Club · Premium: 5 %", add: { title: "Club · Premium: 10 %", percent: 10 } },
      { contractId: "bo-coffee", removeTitle: "Club · Basic: 5 %", add: null },
    ]);
  });
});

describe("who gets which tier's perks", () => {
  const tiers = [
    { id: "basic", position: 1, sellingPlanId: "plan-basic" },
    { id: "premium", position: 2, sellingPlanId: "plan-premium" },
  ];

  it("counts each member once, in the highest tier they hold, and nobody without an active line or redacted", () => {
    const [ada, bo, cy] = [1, 2, 3].map((id) => `gid://shopify/Customer/${id}`);
    const held = currentTiers(tiers, [
      { customerId: ada!, sellingPlanId: "plan-basic" },
      { customerId: ada!, sellingPlanId: "plan-premium" },
      { customerId: bo!, sellingPlanId: "plan-basic" },
      { customerId: cy!, sellingPlanId: "plan-coffee" },
      { customerId: null, sellingPlanId: "plan-premium" },
      { customerId: "redacted:5f1c", sellingPlanId: "plan-premium" },
    ]);
    expect(held).toEqual(
      new Map([
        [ada, 2],
        [bo, 1],
      ]),
    );
    expect(membersOfTiers(tiers, held)).toEqual(
      new Map([
        ["basic", [bo]],
        ["premium", [ada]],
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
