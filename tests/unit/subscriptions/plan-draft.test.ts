import { describe, expect, it } from "vitest";
import {
  parseMoney,
  parsePercentage,
  priceOnOrder,
  validatePlan,
  type FrequencyDraft,
  type PlanDraft,
} from "../../../app/subscriptions/plan-draft";
import { sellingPlanGroupInput, draftFromShopify, formPathOf } from "../../../app/subscriptions/plan-to-shopify";
import { frequencyName } from "../../../app/subscriptions/plan-text";
import { messagesByLocale } from "../../../app/i18n/i18n";

const frequency = (patch: Partial<FrequencyDraft> = {}): FrequencyDraft => ({
  interval: "WEEK",
  intervalCount: 2,
  deliveriesPerBilling: 1,
  discount: { type: "PERCENTAGE", value: "10" },
  intro: null,
  anchorDay: null,
  ...patch,
});
const plan = (patch: Partial<PlanDraft> = {}): PlanDraft => ({
  name: "Subscribe and save",
  merchantCode: "",
  description: "",
  optionsLabel: "Delivery every",
  frequencies: [frequency()],
  minCycles: null,
  maxCycles: null,
  ...patch,
});
const text = { messages: messagesByLocale.en, locale: "en", currencyCode: "USD" };

describe("plan rules", () => {
  it("accepts a sensible plan", () => {
    expect(validatePlan(plan())).toEqual({});
  });

  it.each([
    [{ name: "  " }, { name: "required" }],
    [{ optionsLabel: "" }, { optionsLabel: "required" }],
    [{ frequencies: [] }, { frequencies: "frequencyCount" }],
    [
      { frequencies: Array.from({ length: 32 }, (_, i) => frequency({ intervalCount: (i % 30) + 1, interval: i < 30 ? "DAY" : "WEEK" })) },
      { frequencies: "frequencyCount" },
    ],
    [{ frequencies: [frequency({ intervalCount: 0 })] }, { "frequencies.0.intervalCount": "intervalCount" }],
    [{ frequencies: [frequency({ interval: "MONTH", intervalCount: 37 })] }, { "frequencies.0.intervalCount": "intervalCount" }],
    [{ frequencies: [frequency({ intervalCount: 1.5 })] }, { "frequencies.0.intervalCount": "intervalCount" }],
    [{ frequencies: [frequency({ deliveriesPerBilling: 13 })] }, { "frequencies.0.deliveriesPerBilling": "deliveriesPerBilling" }],
    [{ frequencies: [frequency({ discount: { type: "PERCENTAGE", value: "100.5" } })] }, { "frequencies.0.discount": "percentage" }],
    [{ frequencies: [frequency({ discount: { type: "FIXED_AMOUNT", value: "2.505" } })] }, { "frequencies.0.discount": "amount" }],
    [{ frequencies: [frequency(), frequency()] }, { "frequencies.1.intervalCount": "duplicateFrequency" }],
    [
      { frequencies: [frequency({ intro: { orders: 0, discount: { type: "PERCENTAGE", value: "20" } } })] },
      { "frequencies.0.intro.orders": "introOrders" },
    ],
    [{ minCycles: 6, maxCycles: 3 }, { maxCycles: "maxBelowMin" }],
    [{ minCycles: 0 }, { minCycles: "cycles" }],
    [{ frequencies: [frequency({ interval: "DAY", anchorDay: 1 })] }, { "frequencies.0.anchorDay": "anchorDay" }],
    [{ frequencies: [frequency({ interval: "MONTH", intervalCount: 1, anchorDay: 32 })] }, { "frequencies.0.anchorDay": "anchorDay" }],
    [{ frequencies: [frequency({ anchorDay: 8 })] }, { "frequencies.0.anchorDay": "anchorDay" }],
  ] as [Partial<PlanDraft>, Record<string, string>][])("refuses %j with %j", (patch, errors) => {
    expect(validatePlan(plan(patch))).toEqual(errors);
  });

  it("reads money and percentages exactly, never through floats", () => {
    expect(parseMoney("2.5")).toBe(250);
    expect(parseMoney("0,99")).toBe(99);
    expect(parseMoney("1.005")).toBeNull();
    expect(parseMoney("-1")).toBeNull();
    expect(parsePercentage("12.5")).toBe(1250);
    expect(parsePercentage("100")).toBe(10_000);
    expect(parsePercentage("100.01")).toBeNull();
  });

  it("prices each order, intro offer first", () => {
    const intro = frequency({ intro: { orders: 1, discount: { type: "PERCENTAGE", value: "20" } } });
    expect(priceOnOrder(intro, 1600, 1)).toBe(1280);
    expect(priceOnOrder(intro, 1600, 2)).toBe(1440);
    expect(priceOnOrder(frequency({ discount: { type: "FIXED_AMOUNT", value: "20" } }), 1600)).toBe(0);
    expect(priceOnOrder(frequency({ discount: { type: "PRICE", value: "12.00" } }), 1600)).toBe(1200);
    expect(priceOnOrder(frequency({ discount: { type: "PERCENTAGE", value: "33.33" } }), 999)).toBe(666);
  });
});

describe("what shoppers read", () => {
  it("says on which day an anchored frequency delivers", () => {
    expect(frequencyName(messagesByLocale.en, frequency({ interval: "MONTH", intervalCount: 1, anchorDay: 1 }), "USD", "en")).toBe(
      "Deliver every month on day 1 · Save 10%",
    );
    expect(frequencyName(messagesByLocale.fr, frequency({ anchorDay: 1 }), "EUR", "fr")).toBe(
      "Livraison toutes les 2 semaines le lundi · Économisez 10\u00a0%",
    );
  });

  it("names each frequency in the shopper's language", () => {
    expect(frequencyName(messagesByLocale.en, frequency(), "USD", "en")).toBe("Deliver every 2 weeks · Save 10%");
    expect(
      frequencyName(messagesByLocale.en, frequency({ interval: "MONTH", intervalCount: 1, deliveriesPerBilling: 3 }), "USD", "en"),
    ).toBe("Deliver every month · Prepay 3 deliveries · Save 10%");
    expect(
      frequencyName(messagesByLocale.en, frequency({ intro: { orders: 1, discount: { type: "PERCENTAGE", value: "20" } } }), "USD", "en"),
    ).toBe("Deliver every 2 weeks · 20% off the first order · Save 10%");
    expect(frequencyName(messagesByLocale.fr, frequency({ discount: { type: "PRICE", value: "12" } }), "EUR", "fr")).toBe(
      "Livraison toutes les 2 semaines · 12,00\u00a0€ par livraison",
    );
  });
});

describe("the plan as Shopify's SellingPlanGroupInput", () => {
  it("bills prepaid frequencies every N deliveries and puts an intro offer first", () => {
    const input = sellingPlanGroupInput(
      plan({
        minCycles: 2,
        frequencies: [
          frequency({
            interval: "MONTH",
            intervalCount: 1,
            deliveriesPerBilling: 3,
            intro: { orders: 1, discount: { type: "PERCENTAGE", value: "20" } },
          }),
        ],
      }),
      text,
    );
    expect(input.options).toEqual(["Delivery every"]);
    expect(input.sellingPlansToCreate![0]).toMatchObject({
      options: ["month ×3"],
      billingPolicy: { recurring: { interval: "MONTH", intervalCount: 3, minCycles: 2, maxCycles: null } },
      deliveryPolicy: { recurring: { interval: "MONTH", intervalCount: 1 } },
      pricingPolicies: [
        { fixed: { adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 20 } } },
        { recurring: { adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 10 }, afterCycle: 1 } },
      ],
    });
  });

  it("anchors billing and delivery to the same day, as Shopify requires", () => {
    const input = sellingPlanGroupInput(plan({ frequencies: [frequency({ interval: "MONTH", intervalCount: 1, anchorDay: 15 })] }), text);
    const created = input.sellingPlansToCreate![0]!;
    expect(created.billingPolicy!.recurring!.anchors).toEqual([{ type: "MONTHDAY", day: 15 }]);
    expect(created.deliveryPolicy!.recurring!.anchors).toEqual([{ type: "MONTHDAY", day: 15 }]);
  });

  it("updates kept frequencies, creates new ones and deletes the rest", () => {
    const input = sellingPlanGroupInput(
      plan({ frequencies: [frequency({ id: "gid://shopify/SellingPlan/1" }), frequency({ intervalCount: 4 })] }),
      text,
      ["gid://shopify/SellingPlan/1", "gid://shopify/SellingPlan/2"],
    );
    expect(input.sellingPlansToUpdate!.map((p) => p.id)).toEqual(["gid://shopify/SellingPlan/1"]);
    expect(input.sellingPlansToCreate).toHaveLength(1);
    expect(input.sellingPlansToDelete).toEqual(["gid://shopify/SellingPlan/2"]);
  });

  it("reads back what it wrote", () => {
    const written = sellingPlanGroupInput(
      plan({
        frequencies: [frequency({ deliveriesPerBilling: 2, intro: { orders: 2, discount: { type: "FIXED_AMOUNT", value: "3.00" } } })],
      }),
      text,
    );
    const created = written.sellingPlansToCreate![0]!;
    const fixed = created.pricingPolicies![0]!.fixed!;
    const recurring = created.pricingPolicies![1]!.recurring!;
    const draft = draftFromShopify({
      id: "gid://shopify/SellingPlanGroup/9",
      name: written.name!,
      merchantCode: "",
      description: "",
      options: written.options!,
      products: { nodes: [] },
      sellingPlans: {
        nodes: [
          {
            id: "gid://shopify/SellingPlan/10",
            billingPolicy: { interval: "WEEK", intervalCount: 4, minCycles: null, maxCycles: null },
            deliveryPolicy: { interval: "WEEK", intervalCount: 2, anchors: [{ type: "WEEKDAY", day: 5 }] },
            pricingPolicies: [
              { adjustmentType: fixed.adjustmentType!, adjustmentValue: { amount: fixed.adjustmentValue!.fixedValue! } },
              {
                afterCycle: recurring.afterCycle,
                adjustmentType: recurring.adjustmentType!,
                adjustmentValue: { percentage: recurring.adjustmentValue!.percentage! },
              },
            ],
          },
        ],
      },
    } as never);
    expect(draft.frequencies[0]).toEqual({
      id: "gid://shopify/SellingPlan/10",
      interval: "WEEK",
      intervalCount: 2,
      deliveriesPerBilling: 2,
      discount: { type: "PERCENTAGE", value: "10" },
      intro: { orders: 2, discount: { type: "FIXED_AMOUNT", value: "3.00" } },
      anchorDay: 5,
    });
  });
});

describe("Shopify's userErrors placed on the plan form", () => {
  const draft = plan({
    frequencies: [frequency({ id: "gid://shopify/SellingPlan/1" }), frequency({ intervalCount: 4 }), frequency({ intervalCount: 6 })],
  });
  it.each([
    [["input", "name"], "name"],
    [["input", "options"], "optionsLabel"],
    [["input", "sellingPlansToUpdate", "0", "pricingPolicies", "0"], "frequencies.0.discount"],
    [["input", "sellingPlansToCreate", "1", "billingPolicy"], "frequencies.2.intervalCount"],
    [["input", "sellingPlansToCreate", "0", "billingPolicy", "recurring", "anchors", "0"], "frequencies.1.anchorDay"],
    [["resources"], "products"],
    [["input", "sellingPlansToCreate", "7"], null],
    [["input"], null],
    [null, null],
  ] as [string[] | null, string | null][])("%j → %s", (field, path) => {
    expect(formPathOf(field, draft)).toBe(path);
  });
});
