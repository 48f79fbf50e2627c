import { describe, expect, it } from "vitest";
import { contractMrrMinor, monthlyRecurringMinor } from "../../../app/subscriptions/mrr";

describe("a subscription's MRR", () => {
  it("is a monthly plan's charge", () => {
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 2000, billingInterval: "MONTH", billingIntervalCount: 1 })).toBe(2000);
  });

  it("spreads a charge every two months over both", () => {
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 3000, billingInterval: "MONTH", billingIntervalCount: 2 })).toBe(1500);
  });

  it("counts a weekly plan as 52 charges a year, twelve months a year", () => {
    // $10 a week: 10 × 52 ÷ 12 = 43.333… → $43.33.
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 1000, billingInterval: "WEEK", billingIntervalCount: 1 })).toBe(4333);
    // Every two weeks: 10 × 26 ÷ 12 = 21.666… → $21.67, rounded half up.
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 1000, billingInterval: "WEEK", billingIntervalCount: 2 })).toBe(2167);
  });

  it("spreads a prepaid term over the months it pays for", () => {
    // Three monthly deliveries paid at once, $27: $9 a month.
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 2700, billingInterval: "MONTH", billingIntervalCount: 3 })).toBe(900);
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 12000, billingInterval: "YEAR", billingIntervalCount: 1 })).toBe(1000);
  });

  it("counts a daily plan as 365 charges a year", () => {
    // $1 a day: 365 ÷ 12 = 30.4166… → $30.42.
    expect(monthlyRecurringMinor({ amountPerBillingMinor: 100, billingInterval: "DAY", billingIntervalCount: 1 })).toBe(3042);
  });
});

describe("a mirrored contract's MRR", () => {
  const contract = {
    status: "ACTIVE",
    billingInterval: "MONTH",
    billingIntervalCount: 1,
    lines: [
      { unitPriceMinor: 1800, quantity: 2, oneTimeCycle: null },
      // A one-time item rides on the next order only: not recurring.
      { unitPriceMinor: 900, quantity: 1, oneTimeCycle: 3 },
    ],
  };

  it("adds up the recurring lines", () => {
    expect(contractMrrMinor(contract)).toBe(3600);
  });

  it("is nothing while paused or after it ended", () => {
    expect(contractMrrMinor({ ...contract, status: "PAUSED" })).toBe(0);
    expect(contractMrrMinor({ ...contract, status: "CANCELLED" })).toBe(0);
  });
});
