import { describe, expect, it } from "vitest";
import type { OrderWebhook } from "../../../app/orders/order-webhook";
import { BackwardHistoryReader } from "../../../app/backfill/bulk-history";

/** The file's lines fed as the import feeds them, last first; what each completes, gathered. */
function readBulkHistory(fileLines: string[]) {
  const reader = new BackwardHistoryReader();
  const history = { orders: [] as OrderWebhook[], contractIds: [] as string[], unreadable: 0 };
  for (const line of [...fileLines].reverse()) {
    const item = reader.read(line);
    if (!item) continue;
    if ("order" in item) history.orders.unshift(item.order);
    else if ("contractId" in item) history.contractIds.unshift(item.contractId);
    else history.unreadable += item.unreadable;
  }
  return { ...history, unreadable: history.unreadable + reader.orphanLines };
}

const order = {
  id: "gid://shopify/Order/10",
  name: "#1001",
  createdAt: "2026-03-01T10:00:00Z",
  processedAt: "2026-03-01T10:00:00Z",
  updatedAt: "2026-03-05T09:00:00Z",
  cancelledAt: null,
  displayFinancialStatus: "PARTIALLY_REFUNDED",
  currencyCode: "EUR",
  customer: { id: "gid://shopify/Customer/7" },
};
const line = (id: number, quantity: number, refundableQuantity: number, sellingPlanId: string | null) => ({
  __parentId: "gid://shopify/Order/10",
  id: `gid://shopify/LineItem/${id}`,
  title: "Beans",
  quantity,
  refundableQuantity,
  originalUnitPriceSet: { shopMoney: { amount: "12.50" } },
  totalDiscountSet: { shopMoney: { amount: "1.00" } },
  sellingPlan: sellingPlanId ? { sellingPlanId } : null,
  variant: { id: "gid://shopify/ProductVariant/3" },
  product: { id: "gid://shopify/Product/2" },
});

describe("reading a bulk operation's history file", () => {
  it("puts each order together with its lines, wherever after it they are in the file, as the orders/paid payload has it", () => {
    // Shopify lists nested objects after their parent, not always right after it.
    const lines = [
      JSON.stringify(order),
      JSON.stringify(line(21, 2, 2, "gid://shopify/SellingPlan/5")),
      JSON.stringify({ id: "gid://shopify/SubscriptionContract/4" }),
      JSON.stringify(line(22, 3, 1, null)),
      "",
    ];
    const history = readBulkHistory(lines);
    expect(history.contractIds).toEqual(["gid://shopify/SubscriptionContract/4"]);
    expect(history.unreadable).toBe(0);
    expect(history.orders).toHaveLength(1);
    expect(history.orders[0]).toMatchObject({
      admin_graphql_api_id: "gid://shopify/Order/10",
      financial_status: "partially_refunded",
      currency: "EUR",
      customer: { admin_graphql_api_id: "gid://shopify/Customer/7" },
      line_items: [
        { id: "21", variant_id: "3", product_id: "2", quantity: 2, price: "12.50", total_discount: "1.00", selling_plan_id: "5" },
        { id: "22", quantity: 3, selling_plan_id: null },
      ],
      // Two of line 22's three units were refunded.
      refunds: [{ refund_line_items: [{ line_item_id: "22", quantity: 2 }] }],
    });
  });

  it("counts lines that are not what was asked for, and order lines with no order before them, and leaves them out", () => {
    const history = readBulkHistory([
      "{not json",
      JSON.stringify(line(20, 1, 1, null)),
      JSON.stringify({ id: "gid://shopify/Order/1", name: 5 }),
      JSON.stringify(order),
    ]);
    expect(history.unreadable).toBe(3);
    expect(history.orders.map((o) => o.admin_graphql_api_id)).toEqual(["gid://shopify/Order/10"]);
  });
});
