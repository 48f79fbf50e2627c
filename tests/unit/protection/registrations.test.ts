import { describe, expect, it } from "vitest";
import {
  canFileClaim,
  displayStatus,
  endedByRefund,
  registrationsForOrder,
  type OrderLine,
  type RegistrationState,
} from "../../../app/protection/registrations";

const line = (id: string, variantId: string, quantity: number, properties: Record<string, string> = {}, priceMinor = 12000): OrderLine => ({
  id,
  variantId,
  productId: `p${variantId}`,
  title: `Product ${variantId}`,
  variantTitle: "Default",
  quantity,
  priceMinor,
  properties: Object.entries(properties).map(([name, value]) => ({ name, value })),
});
const protectionVariants = new Map([
  ["900", { offerId: "offer-1", termMonths: 24, partnerId: "partner-1", partnerShareBasisPoints: 2500 }],
]);
const ordered = new Date("2026-02-28T15:00:00Z");

describe("registrations for an order", () => {
  it("registers one row per protected unit, linked to its product line, with the price paid and the term's end in the shop's zone", () => {
    const lines = [
      line("1", "10", 2, { _orchard_link: "abc" }),
      line("2", "900", 2, { _orchard_protects: "abc" }, 1299),
      line("3", "11", 1),
    ];
    const registrations = registrationsForOrder(lines, protectionVariants, ordered, "America/New_York");
    expect(registrations).toHaveLength(2);
    expect(registrations.map((r) => r.unit)).toEqual([1, 2]);
    expect(registrations[0]).toMatchObject({
      offerId: "offer-1",
      // The partner's share as agreed when sold, kept with what it sold.
      partnerId: "partner-1",
      partnerShareBasisPoints: 2500,
      orderLineId: "2",
      protectionVariantId: "900",
      protectedLineId: "1",
      protectedVariantId: "10",
      protectedTitle: "Product 10 – Default",
      priceMinor: 1299,
      termMonths: 24,
      startsAt: ordered,
      // 28 February 2026, 10:00 in New York, two years on: 28 February 2028, same local time.
      expiresAt: new Date("2028-02-28T15:00:00Z"),
    });
  });

  it("still registers a protection line whose product is not in the order, with no protected item", () => {
    const registrations = registrationsForOrder([line("2", "900", 1, { _orchard_protects: "gone" })], protectionVariants, ordered, "UTC");
    expect(registrations).toEqual([expect.objectContaining({ protectedLineId: null, protectedTitle: null, unit: 1 })]);
    expect(registrationsForOrder([line("2", "900", 1)], protectionVariants, ordered, "UTC")[0]?.protectedLineId).toBeNull();
  });

  it("registers nothing for an order without protection", () => {
    expect(registrationsForOrder([line("1", "10", 3)], protectionVariants, ordered, "UTC")).toEqual([]);
  });
});

describe("refunds", () => {
  const registrations: RegistrationState[] = [
    { id: "a", orderLineId: "2", protectedLineId: "1", unit: 1, status: "active" },
    { id: "b", orderLineId: "2", protectedLineId: "1", unit: 2, status: "active" },
    { id: "c", orderLineId: "2", protectedLineId: "1", unit: 3, status: "refunded" },
  ];

  it("a refunded unit of protection ends one registration of that line, the last unit first", () => {
    expect(endedByRefund(registrations, [{ lineId: "2", quantity: 1 }])).toEqual([{ id: "b", status: "refunded" }]);
  });

  it("a returned protected item cancels the cover of as many units; ended registrations are not counted again", () => {
    expect(endedByRefund(registrations, [{ lineId: "1", quantity: 5 }])).toEqual([
      { id: "b", status: "cancelled" },
      { id: "a", status: "cancelled" },
    ]);
    expect(
      endedByRefund(registrations, [
        { lineId: "2", quantity: 1 },
        { lineId: "1", quantity: 1 },
      ]),
    ).toEqual([
      { id: "b", status: "refunded" },
      { id: "a", status: "cancelled" },
    ]);
  });
});

describe("status", () => {
  const startsAt = new Date("2026-01-01T00:00:00Z");
  const expiresAt = new Date("2027-01-01T00:00:00Z");
  it("shows active cover past its end as expired, and only cover in force takes a claim", () => {
    expect(displayStatus({ status: "active", expiresAt }, new Date("2026-12-31T23:59:59Z"))).toBe("active");
    expect(displayStatus({ status: "active", expiresAt }, expiresAt)).toBe("expired");
    expect(displayStatus({ status: "refunded", expiresAt }, expiresAt)).toBe("refunded");
    expect(canFileClaim({ status: "active", startsAt, expiresAt }, new Date("2026-06-01T00:00:00Z"))).toBe(true);
    expect(canFileClaim({ status: "claimed", startsAt, expiresAt }, new Date("2026-06-01T00:00:00Z"))).toBe(false);
    expect(canFileClaim({ status: "active", startsAt, expiresAt }, new Date("2027-06-01T00:00:00Z"))).toBe(false);
  });
});
