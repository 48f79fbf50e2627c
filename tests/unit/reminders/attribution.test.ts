import { describe, expect, it } from "vitest";
import { conversionsOf } from "../../../app/reminders/attribution";

const sentAt = new Date("2026-06-01T10:00:00Z");
const order = (at: string) => ({
  orderedAt: new Date(at),
  lines: [
    { productId: "P1", revenueMinor: 2400 },
    { productId: "P1", revenueMinor: 1200 },
    { productId: "P2", revenueMinor: 500 },
  ],
});

describe("conversions", () => {
  it("count an order of the reminded product within the window, with that product's revenue", () => {
    expect(conversionsOf(order("2026-06-10T10:00:00Z"), [{ id: "R", productId: "P1", sentAt, windowDays: 14 }])).toEqual([
      { reminderId: "R", productId: "P1", revenueMinor: 3600 },
    ]);
  });

  it("do not count an order before the send, after the window, or of another product", () => {
    expect(conversionsOf(order("2026-05-31T10:00:00Z"), [{ id: "R", productId: "P1", sentAt, windowDays: 14 }])).toEqual([]);
    expect(conversionsOf(order("2026-06-15T10:00:01Z"), [{ id: "R", productId: "P1", sentAt, windowDays: 14 }])).toEqual([]);
    expect(conversionsOf(order("2026-06-02T10:00:00Z"), [{ id: "R", productId: "P3", sentAt, windowDays: 14 }])).toEqual([]);
  });

  it("count the reminder whose link started the order, however late", () => {
    expect(
      conversionsOf(order("2026-09-01T10:00:00Z"), [{ id: "R", productId: "P1", sentAt, windowDays: Number.POSITIVE_INFINITY }]),
    ).toHaveLength(1);
  });
});
