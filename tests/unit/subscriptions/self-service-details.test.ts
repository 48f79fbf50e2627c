import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { addressLines, COUNTRY_CODES, countryOptions } from "../../../extensions/shared/addresses";
import { nextScheduled, pauseEnd, type Schedule } from "../../../app/subscriptions/billing-schedule";
import { deliveryAddressFromShopify, parseDeliveryAddress } from "../../../app/subscriptions/delivery-address";
import { discountsFromShopify, orderAmountMinor } from "../../../app/subscriptions/order-preview";
import { cardExpiresBefore, paymentMethodFromShopify } from "../../../app/subscriptions/payment-method";
import { minorUnits } from "../../../app/money";

const schedule = (interval: "DAY" | "WEEK" | "MONTH", intervalCount: number, timeZone = "Europe/Paris"): Schedule => ({
  from: new Date("2026-01-10T09:00:00Z"),
  fromCycle: 0,
  policy: { interval, intervalCount, anchor: null },
  timeZone,
});

describe("how long a pause lasts", () => {
  it("leaves out the chosen number of orders, whenever in the interval the worker resumes it", () => {
    for (const s of [schedule("DAY", 1), schedule("WEEK", 2), schedule("MONTH", 1, "America/New_York")]) {
      const end = pauseEnd(s, 3, { orders: 2 }, new Date("2026-02-01T00:00:00Z"));
      // Orders 3 and 4 are left out; resumed at the end or up to half an interval later, order 5 is next.
      expect(nextScheduled(s, end).cycle).toBe(5);
      const halfLater = new Date(end.getTime() + (nextScheduled(s, end).date.getTime() - end.getTime()) * 0.99);
      expect(nextScheduled(s, halfLater).cycle).toBe(5);
    }
  });

  it("ends a pause until a day at the start of that day in the shop's time zone", () => {
    expect(pauseEnd(schedule("MONTH", 1), 3, { until: "2026-07-14" }, new Date()).toISOString()).toBe("2026-07-13T22:00:00.000Z");
  });

  it("keeps the save offer's months on the shop's calendar", () => {
    const now = new Date("2026-01-31T10:00:00Z");
    expect(pauseEnd(schedule("MONTH", 1, "UTC"), 1, { months: 1 }, now).toISOString()).toBe("2026-02-28T10:00:00.000Z");
  });
});

describe("the next order's amount", () => {
  const toMinor = (amount: string, currency: string) => minorUnits(amount, currency);
  const lines = [
    // An introductory price for the first order, then 18.00.
    {
      unitPriceMinor: 1500,
      quantity: 2,
      cyclePrices: JSON.stringify([
        [0, 1500],
        [1, 1800],
      ]),
      oneTimeCycle: null,
    },
    { unitPriceMinor: 999, quantity: 1, cyclePrices: null, oneTimeCycle: 4 },
  ];

  it("prices each line for the cycle and counts a one-time item only in its own order", () => {
    expect(orderAmountMinor(lines, 3, [])).toBe(3600);
    expect(orderAmountMinor(lines, 4, [])).toBe(3600 + 999);
  });

  it("takes off the discounts still running, each on each unit, rounded half up", () => {
    const discounts = discountsFromShopify(
      [
        {
          title: "Stay with us",
          recurringCycleLimit: 2,
          usageCount: 1,
          value: { __typename: "SubscriptionDiscountPercentageValue", percentage: 15 },
        },
        {
          title: "Used up",
          recurringCycleLimit: 1,
          usageCount: 1,
          value: { __typename: "SubscriptionDiscountPercentageValue", percentage: 50 },
        },
        {
          title: "Loyalty",
          recurringCycleLimit: null,
          usageCount: 7,
          value: { __typename: "SubscriptionDiscountFixedAmountValue", amount: { amount: "1.00", currencyCode: "EUR" } },
        },
      ],
      toMinor,
    );
    expect(discounts.map((d) => [d.title, d.ordersLeft])).toEqual([
      ["Stay with us", 1],
      ["Loyalty", null],
    ]);
    // 18.00 less 15 % is 15.30, less 1.00 is 14.30, for two units.
    expect(orderAmountMinor(lines, 3, discounts)).toBe(2860);
  });

  it("takes a fixed amount off the order (a referral credit) once off the whole, never below nothing", () => {
    const credit = discountsFromShopify(
      [
        {
          title: "Referral credit",
          recurringCycleLimit: 1,
          usageCount: 0,
          value: {
            __typename: "SubscriptionDiscountFixedAmountValue",
            amount: { amount: "5.00", currencyCode: "EUR" },
            appliesOnEachItem: false,
          },
        },
      ],
      toMinor,
    );
    expect(credit).toEqual([{ title: "Referral credit", percentage: null, amountMinor: 500, onEachItem: false, ordersLeft: 1 }]);
    // Two units at 18.00 is 36.00; the credit takes 5.00 off the order, not off each unit.
    expect(orderAmountMinor(lines, 3, credit)).toBe(3100);
    expect(orderAmountMinor([{ unitPriceMinor: 300, quantity: 1, cyclePrices: null, oneTimeCycle: null }], 1, credit)).toBe(0);
  });

  it("counts in the currency's own minor units", () => {
    const yen = discountsFromShopify(
      [
        {
          recurringCycleLimit: null,
          usageCount: 0,
          value: { __typename: "SubscriptionDiscountFixedAmountValue", amount: { amount: "100", currencyCode: "JPY" } },
        },
      ],
      toMinor,
    );
    expect(orderAmountMinor([{ unitPriceMinor: 1200, quantity: 3, cyclePrices: null, oneTimeCycle: null }], 1, yen)).toBe(3300);
  });
});

describe("the delivery address", () => {
  it("reads a shipping method's address and ignores pickup", () => {
    const address = deliveryAddressFromShopify({
      __typename: "SubscriptionDeliveryMethodShipping",
      address: {
        firstName: "Ada",
        lastName: "Shopper",
        address1: "1 Main St",
        address2: null,
        city: "Ottawa",
        province: "ON",
        zip: "K2P 1L4",
        countryCodeV2: "CA",
      },
    });
    expect(address).toMatchObject({ address2: "", countryCode: "CA" });
    expect(addressLines(address!, "en")).toEqual(["Ada Shopper", "1 Main St", "K2P 1L4 Ottawa ON", "Canada"]);
    expect(deliveryAddressFromShopify({ __typename: "SubscriptionDeliveryMethodPickup" })).toBeNull();
  });

  it("names every field a customer must correct and accepts a complete address", () => {
    expect(parseDeliveryAddress({ lastName: " ", address1: "x".repeat(201), city: "Lyon", zip: "69001", countryCode: "France" })).toEqual({
      ok: false,
      fields: ["lastName", "address1", "countryCode"],
    });
    expect(parseDeliveryAddress({ lastName: "Curie", address1: "1 rue Neuve", city: "Lyon", zip: "69001", countryCode: "fr" })).toEqual({
      ok: true,
      address: {
        firstName: "",
        lastName: "Curie",
        address1: "1 rue Neuve",
        address2: "",
        city: "Lyon",
        province: "",
        zip: "69001",
        countryCode: "FR",
      },
    });
  });
});

describe("the payment method", () => {
  it("describes cards and PayPal, and nothing it does not know", () => {
    expect(
      paymentMethodFromShopify({ __typename: "CustomerCreditCard", brand: "Visa", lastDigits: "4242", expiryMonth: 3, expiryYear: 2027 }),
    ).toEqual({ kind: "card", brand: "Visa", lastDigits: "4242", expiryMonth: 3, expiryYear: 2027 });
    expect(paymentMethodFromShopify({ __typename: "CustomerPaypalBillingAgreement", paypalAccountEmail: "ada@example.com" })).toEqual({
      kind: "paypal",
      email: "ada@example.com",
    });
    expect(paymentMethodFromShopify({ __typename: "CustomerFutureInstrument" })).toBeNull();
  });

  it("says a card expires before an order after its expiry month", () => {
    const card = { kind: "card" as const, brand: "Visa", lastDigits: "4242", expiryMonth: 3, expiryYear: 2027 };
    expect(cardExpiresBefore(card, "2027-03-31")).toBe(false);
    expect(cardExpiresBefore(card, "2027-04-01")).toBe(true);
  });
});

describe("the countries an address may name", () => {
  it("are Shopify's CountryCode values, less the unknown region", () => {
    const types = readFileSync(resolve(import.meta.dirname, "../../../app/types/admin.types.d.ts"), "utf8");
    const declaration = /export type CountryCode =([^;]*);/.exec(types)![1]!;
    const schemaCodes = [...declaration.matchAll(/'([A-Z]{2})'/g)].map((m) => m[1]).filter((code) => code !== "ZZ");
    expect(COUNTRY_CODES).toEqual(schemaCodes);
    expect(
      countryOptions("fr")
        .slice(0, 2)
        .map((c) => c.name),
    ).toEqual(["Afghanistan", "Afrique du Sud"]);
  });
});
