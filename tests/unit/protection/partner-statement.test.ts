import { describe, expect, it } from "vitest";
import { monthOf, monthWindow, partnerStatement, shareOf, type StatementRegistration } from "../../../app/protection/partner-statement";

const NEW_YORK = "America/New_York";

const sold = (id: string, orderedAt: string, priceMinor: number, patch: Partial<StatementRegistration> = {}): StatementRegistration => ({
  id,
  orderName: `#${id}`,
  orderedAt: new Date(orderedAt),
  offerName: "Premium support",
  protectedTitle: "Espresso machine",
  termMonths: 12,
  priceMinor,
  currencyCode: "USD",
  partnerShareBasisPoints: 2_500,
  status: "active",
  endedBy: null,
  endedAt: null,
  ...patch,
});

describe("a partner's monthly statement", () => {
  it("runs from midnight on the 1st to midnight on the next 1st in the shop's time zone", () => {
    // New York is UTC−4 until 1 November 2026 (DST ends), UTC−5 after.
    expect(monthWindow("2026-11", NEW_YORK)).toEqual({
      start: new Date("2026-11-01T04:00:00Z"),
      end: new Date("2026-12-01T05:00:00Z"),
    });
    expect(monthWindow("2026-12", "UTC").end).toEqual(new Date("2027-01-01T00:00:00Z"));
    expect(monthOf(new Date("2026-12-01T04:59:59Z"), NEW_YORK)).toBe("2026-11");
    expect(monthOf(new Date("2026-12-01T05:00:00Z"), NEW_YORK, -1)).toBe("2026-11");
    expect(monthOf(new Date("2026-01-15T12:00:00Z"), "UTC", -1)).toBe("2025-12");
  });

  it("rounds each line's share half up to a cent", () => {
    // 25 % of $19.99 = 499.75¢ → 500¢; 12.5 % of $10.02 = 125.25¢ → 125¢; of $10.04 = 125.5¢ → 126¢.
    expect([shareOf(1_999, 2_500), shareOf(1_002, 1_250), shareOf(1_004, 1_250), shareOf(-1_004, 1_250), shareOf(999, 0)]).toEqual([
      500, 125, 126, -126, 0,
    ]);
  });

  it("counts the month's sales, less what was refunded or cancelled in it, at the share each was sold under", () => {
    const registrations = [
      // Sold 31 October, 23:30 in New York: October's, though already November in UTC.
      sold("1001", "2026-11-01T03:30:00Z", 1_999),
      sold("1002", "2026-11-03T15:00:00Z", 1_999),
      // Sold in November, refunded in November: a sale and its reversal.
      sold("1003", "2026-11-10T15:00:00Z", 2_999, { status: "refunded", endedBy: "refund:9", endedAt: new Date("2026-11-12T15:00:00Z") }),
      // Sold in October under a 10 % share, its order cancelled in November: only the reversal, at 10 %.
      sold("1000", "2026-10-20T15:00:00Z", 1_004, {
        partnerShareBasisPoints: 1_000,
        status: "cancelled",
        endedBy: "order-cancelled",
        endedAt: new Date("2026-11-05T15:00:00Z"),
      }),
      // The protected item came back but the add-on was kept: the sale stands.
      sold("1004", "2026-11-20T15:00:00Z", 999, { status: "cancelled", endedBy: "refund:10", endedAt: new Date("2026-11-22T15:00:00Z") }),
      // Sold in another market's currency.
      sold("1005", "2026-11-25T15:00:00Z", 1_500, { currencyCode: "EUR" }),
      // Sold 1 December, 00:30 in New York: December's.
      sold("1006", "2026-12-01T05:30:00Z", 1_999),
    ];
    const statement = partnerStatement("2026-11", NEW_YORK, registrations, [
      { id: "c1", orderName: "#1002", reason: "defect", status: "open", createdAt: new Date("2026-11-30T15:00:00Z") },
      { id: "c2", orderName: "#1001", reason: "defect", status: "open", createdAt: new Date("2026-12-02T15:00:00Z") },
    ]);
    expect(statement.lines.map((l) => [l.kind, l.orderName, l.amountMinor, l.shareMinor, l.currencyCode])).toEqual([
      ["sale", "#1002", 1_999, 500, "USD"],
      ["reversal", "#1000", -1_004, -100, "USD"],
      ["sale", "#1003", 2_999, 750, "USD"],
      ["reversal", "#1003", -2_999, -750, "USD"],
      ["sale", "#1004", 999, 250, "USD"],
      ["sale", "#1005", 1_500, 375, "EUR"],
    ]);
    // By hand: USD sales 1,999 + 2,999 + 999 = 5,997; reversals 1,004 + 2,999 = 4,003; net 1,994;
    // share 500 + 750 + 250 − 100 − 750 = 650.
    expect(statement.totals).toEqual([
      { currencyCode: "EUR", sold: 1, reversed: 0, salesMinor: 1_500, reversalsMinor: 0, netMinor: 1_500, shareMinor: 375 },
      { currencyCode: "USD", sold: 3, reversed: 2, salesMinor: 5_997, reversalsMinor: -4_003, netMinor: 1_994, shareMinor: 650 },
    ]);
    expect(statement.claims.map((c) => c.id)).toEqual(["c1"]);
  });

  it("is empty for a month with nothing in it", () => {
    expect(partnerStatement("2026-09", "UTC", [sold("1", "2026-11-03T15:00:00Z", 100)], [])).toEqual({
      month: "2026-09",
      lines: [],
      totals: [],
      claims: [],
    });
  });
});
