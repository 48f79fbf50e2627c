import { describe, expect, it } from "vitest";
import { ledgerEntry, type LedgerContext } from "../../../app/retention/order-ledger";
import { orderWebhook } from "../../../app/orders/order-webhook";

const order = (overrides: Record<string, unknown>) =>
  orderWebhook.parse({
    admin_graphql_api_id: "gid://shopify/Order/1",
    name: "#1001",
    created_at: "2026-03-10T09:00:00-05:00",
    currency: "USD",
    line_items: [],
    ...overrides,
  });

const line = (id: number, fields: Record<string, unknown>) => ({
  id,
  variant_id: id * 10,
  product_id: id * 100,
  quantity: 1,
  price: "0.00",
  ...fields,
});

// Product 100 (the mug) is covered by a protection offer from $10; variant 990 is a protection plan.
const context: LedgerContext = {
  protectionVariantIds: new Set(["990"]),
  coveredByProtection: (productId, unitPriceMinor) => productId === "100" && unitPriceMinor >= 1000,
};

describe("an order in the ledger", () => {
  it("splits subscription lines, protection plans and one-off lines, after line discounts", () => {
    const entry = ledgerEntry(
      order({
        line_items: [
          // 2 × $12.50 − $2.00 = $23.00, one-off, 2 units the offer covers.
          line(1, { quantity: 2, price: "12.50", total_discount: "2.00" }),
          // 1 × $13.60 on a selling plan.
          line(2, { price: "13.60", selling_plan_id: 555 }),
          // 2 × $4.99 of protection for the mugs.
          { ...line(99, { quantity: 2, price: "4.99" }), variant_id: 990 },
        ],
      }),
      context,
    );
    expect(entry).toEqual({
      recurringMinor: 1360,
      oneOffMinor: 2300,
      protectionMinor: 998,
      eligibleUnits: 2,
      protectedUnits: 2,
      cancelled: false,
    });
  });

  it("takes refunded units off, with their share of the discount", () => {
    // 3 × $5.00 − $1.50 = $13.50 over 3 units; 1 refunded: 2 kept bring in $13.50 × 2 / 3 = $9.00.
    const entry = ledgerEntry(
      order({
        line_items: [line(1, { quantity: 3, price: "5.00", total_discount: "1.50" })],
        refunds: [{ refund_line_items: [{ line_item_id: 1, quantity: 1 }] }],
      }),
      context,
    );
    expect(entry.oneOffMinor).toBe(900);
    // $5.00 is below the offer's $10 band: none of it was eligible.
    expect(entry.eligibleUnits).toBe(0);
  });

  it("counts a fully refunded line as nothing, and a cancelled order as nothing at all", () => {
    const refunded = ledgerEntry(
      order({
        line_items: [line(1, { quantity: 2, price: "20.00" })],
        refunds: [{ refund_line_items: [{ line_item_id: 1, quantity: 2 }] }],
      }),
      context,
    );
    expect(refunded.oneOffMinor).toBe(0);
    expect(refunded.eligibleUnits).toBe(0);
    const cancelled = ledgerEntry(order({ cancelled_at: "2026-03-11T10:00:00Z", line_items: [line(1, { price: "20.00" })] }), context);
    expect(cancelled).toMatchObject({ oneOffMinor: 0, recurringMinor: 0, cancelled: true });
  });

  it("reads amounts in the currency's own decimals (yen have none)", () => {
    const entry = ledgerEntry(
      order({ currency: "JPY", line_items: [line(2, { quantity: 2, price: "1600", selling_plan_id: "7" })] }),
      context,
    );
    expect(entry.recurringMinor).toBe(3200);
  });
});
