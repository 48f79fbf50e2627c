import { describe, expect, it } from "vitest";
import {
  availableActions,
  CANCELLATION_REASONS,
  deliveriesPerBilling,
  parseAction,
  planPriceSteps,
  priceAtCycle,
  rescheduleAllowed,
} from "../../../app/subscriptions/contract-actions";
import { askedReasons, DEFAULT_CANCELLATION_FLOW, parseCancellationFlow, saveOffersFor } from "../../../app/subscriptions/retention";

const active = { status: "ACTIVE", inDunning: false, chargeInFlight: false, ordersOwed: 0, reactivated: false };

describe("which actions a subscription offers", () => {
  it("offers the merchant everything but resume on an active subscription", () => {
    expect(availableActions(active, "merchant")).toEqual([
      "pause",
      "skip",
      "unskip",
      "reschedule",
      "changeFrequency",
      "changeQuantity",
      "swapVariant",
      "addOneTime",
      "cancel",
      "billNow",
      "updateAddress",
      "sendPaymentUpdate",
    ]);
  });

  it("keeps charging early with the merchant, and lets the customer swap within their plan", () => {
    expect(availableActions(active, "customer")).not.toContain("billNow");
    expect(availableActions(active, "customer")).toContain("swapVariant");
  });

  it("holds the customer, not the merchant, to the plan's minimum: no skip or cancel while orders are owed", () => {
    const committed = { ...active, ordersOwed: 2 };
    expect(availableActions(committed, "customer")).not.toContain("skip");
    expect(availableActions(committed, "customer")).not.toContain("cancel");
    expect(availableActions(committed, "customer")).toContain("pause");
    expect(availableActions({ ...committed, status: "PAUSED" }, "customer")).toEqual(["resume", "updateAddress", "sendPaymentUpdate"]);
    expect(availableActions(committed, "merchant")).toEqual(expect.arrayContaining(["skip", "cancel"]));
  });

  it("offers only resume, cancel and the delivery and payment details on a paused one, and nothing on an expired or failed one", () => {
    expect(availableActions({ ...active, status: "PAUSED" }, "customer")).toEqual([
      "resume",
      "cancel",
      "updateAddress",
      "sendPaymentUpdate",
    ]);
    for (const status of ["EXPIRED", "FAILED"]) expect(availableActions({ ...active, status }, "merchant")).toEqual([]);
  });

  it("offers a cancelled one a restart, by customer or merchant, once", () => {
    for (const actor of ["customer", "merchant"] as const)
      expect(availableActions({ ...active, status: "CANCELLED" }, actor)).toEqual(["reactivate"]);
    expect(availableActions({ ...active, status: "CANCELLED", reactivated: true }, "customer")).toEqual([]);
  });

  it("does not let a failing order be skipped, moved or charged early while it is retried", () => {
    const actions = availableActions({ ...active, inDunning: true }, "merchant");
    expect(actions).not.toContain("skip");
    expect(actions).not.toContain("reschedule");
    expect(actions).not.toContain("billNow");
    expect(actions).toContain("cancel");
  });

  it("does not skip or charge again an order on its way to Shopify", () => {
    const actions = availableActions({ ...active, chargeInFlight: true }, "merchant");
    expect(actions).not.toContain("skip");
    expect(actions).not.toContain("billNow");
  });
});

describe("action input", () => {
  it("accepts what the forms send and names the fields it refuses", () => {
    expect(parseAction({ action: "changeQuantity", lineId: "l1", quantity: "3" })).toEqual({
      ok: true,
      input: { action: "changeQuantity", lineId: "l1", quantity: 3 },
    });
    expect(parseAction({ action: "changeQuantity", lineId: "l1", quantity: "0" })).toEqual({ ok: false, fields: ["quantity"] });
    expect(parseAction({ action: "changeQuantity", lineId: "l1", quantity: "2.5" })).toEqual({ ok: false, fields: ["quantity"] });
    expect(parseAction({ action: "cancel", reason: "because" })).toEqual({ ok: false, fields: ["reason"] });
    expect(parseAction({ action: "explode" })).toEqual({ ok: false, fields: ["action"] });
    expect(parseAction({ action: "reschedule", date: "12/01/2026" })).toEqual({ ok: false, fields: ["date"] });
  });

  it.each([
    ["2026-11-24", true],
    ["2026-11-23", false],
    ["2026-11-22", false],
    ["2027-11-24", true],
    ["2027-11-25", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
  ])("a reschedule to %s from 2026-11-23 is allowed: %s", (date, allowed) => {
    expect(rescheduleAllowed(date, "2026-11-23")).toBe(allowed);
  });
});

describe("a plan's prices for a subscription's orders", () => {
  const toMinor = (amount: string) => Math.round(Number(amount) * 100);
  const priceAt = (policies: Parameters<typeof planPriceSteps>[0], variantPriceMinor: number, cycle: number) =>
    priceAtCycle(planPriceSteps(policies, variantPriceMinor, toMinor), cycle, variantPriceMinor);

  it("charges the introductory price until the recurring policy's cycle, then that one, rounding half up to the cent", () => {
    const policies = [
      { adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 50 } },
      { afterCycle: 3, adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 12.5 } },
    ];
    expect([0, 1, 2].map((cycle) => priceAt(policies, 1999, cycle))).toEqual([1000, 1000, 1000]);
    // 1,999 × 0.875 = 1,749.125 → 1,749; 2 × 0.875 = 1.75 → 2.
    expect(priceAt(policies, 1999, 3)).toBe(1749);
    expect(priceAt(policies, 2, 7)).toBe(2);
  });

  it("counts the deliveries a billing pays for: prepaid plans charge them all at once", () => {
    const every = (interval: string, intervalCount: number) => ({ interval, intervalCount });
    expect(deliveriesPerBilling(every("MONTH", 3), every("MONTH", 1))).toBe(3);
    expect(deliveriesPerBilling(every("YEAR", 1), every("MONTH", 2))).toBe(6);
    expect(deliveriesPerBilling(every("WEEK", 4), every("WEEK", 2))).toBe(2);
    expect(deliveriesPerBilling(every("WEEK", 2), every("DAY", 7))).toBe(2);
    expect(deliveriesPerBilling(every("WEEK", 2), every("WEEK", 2))).toBe(1);
    // Units that do not divide: paid per delivery.
    expect(deliveriesPerBilling(every("MONTH", 1), every("WEEK", 1))).toBe(1);
  });

  it("uses a fixed policy alone, amounts off and fixed prices, and never goes below zero", () => {
    expect(priceAt([{ adjustmentType: "FIXED_AMOUNT", adjustmentValue: { amount: "2.50" } }], 1600, 4)).toBe(1350);
    expect(priceAt([{ adjustmentType: "FIXED_AMOUNT", adjustmentValue: { amount: "20.00" } }], 1600, 4)).toBe(0);
    expect(priceAt([{ adjustmentType: "PRICE", adjustmentValue: { amount: "9.99" } }], 1600, 4)).toBe(999);
    expect(priceAt([], 1600, 4)).toBe(1600);
  });
});

describe("the cancellation flow's save offers", () => {
  const settings = { saveOfferPercent: 20, pauseOfferMonths: 2, freeOfferProduct: null, cancellationFlow: DEFAULT_CANCELLATION_FLOW };

  it("answers each reason with what fits it, best first", () => {
    expect(saveOffersFor("too_expensive", settings)).toEqual([
      { kind: "discount", percent: 20 },
      { kind: "frequency" },
      { kind: "pause", months: 2 },
    ]);
    expect(saveOffersFor("too_much_product", settings)).toEqual([{ kind: "frequency" }, { kind: "skip" }, { kind: "pause", months: 2 }]);
    expect(saveOffersFor("going_away", settings)[0]).toEqual({ kind: "pause", months: 2 });
  });

  it("offers no discount when the merchant set none", () => {
    expect(saveOffersFor("quality", { ...settings, saveOfferPercent: 0 })).toEqual([]);
    expect(saveOffersFor("too_expensive", { ...settings, saveOfferPercent: 0 }).map((o) => o.kind)).toEqual(["frequency", "pause"]);
  });

  it("offers a swap, and a free product only once the merchant chose which", () => {
    const flow = { ...DEFAULT_CANCELLATION_FLOW, not_using: { shown: true, offers: ["swap", "freeProduct"] as const } };
    const shaped = { ...settings, cancellationFlow: { ...flow, not_using: { shown: true, offers: [...flow.not_using.offers] } } };
    expect(saveOffersFor("not_using", shaped)).toEqual([{ kind: "swap" }]);
    const mug = { id: "gid://shopify/Product/7", title: "Mug" };
    expect(saveOffersFor("not_using", { ...shaped, freeOfferProduct: mug })).toEqual([
      { kind: "swap" },
      { kind: "freeProduct", productId: mug.id, title: "Mug" },
    ]);
  });

  it("follows the flow the merchant shaped: the reasons asked, each reason's offers in their order", () => {
    const form = new FormData();
    form.set("flow.too_expensive.shown", "on");
    form.set("flow.too_expensive.offer1", "skip");
    form.set("flow.too_expensive.offer2", "");
    form.set("flow.too_expensive.offer3", "discount");
    form.set("flow.quality.offer1", "pause");
    const parsed = parseCancellationFlow(form);
    if (!parsed.ok) throw new Error("refused");
    expect(saveOffersFor("too_expensive", { ...settings, cancellationFlow: parsed.flow })).toEqual([
      { kind: "skip" },
      { kind: "discount", percent: 20 },
    ]);
    // Unticked reasons are not asked; "other" always is, so every customer has an answer to give.
    expect(askedReasons(parsed.flow)).toEqual(["too_expensive", "other"]);
    expect(askedReasons(DEFAULT_CANCELLATION_FLOW)).toEqual(CANCELLATION_REASONS);
  });

  it("refuses an offer chosen twice for one reason, or one it does not know, by the field's name", () => {
    const form = new FormData();
    form.set("flow.going_away.offer1", "pause");
    form.set("flow.going_away.offer2", "pause");
    form.set("flow.other.offer1", "refund");
    expect(parseCancellationFlow(form)).toEqual({ ok: false, fields: ["flow.going_away.offer2", "flow.other.offer1"] });
  });
});
