import { describe, expect, it } from "vitest";
import { orderLinesOf, repeatPurchaseProducts, type OrderLines } from "../../../app/onboarding/repeat-products";
import { orderWebhook } from "../../../app/orders/order-webhook";

const order = (customerId: string | null, ...lines: [string, number][]): OrderLines => ({
  customerId,
  lines: lines.map(([productId, quantity]) => ({ productId, title: `Product ${productId}`, quantity })),
});

describe("products customers buy again", () => {
  it("ranks by customers who bought a product in two orders or more, then by units", () => {
    const orders = [
      order("alice", ["tea", 1], ["mug", 1]),
      order("alice", ["tea", 2]),
      order("bob", ["coffee", 1]),
      order("bob", ["coffee", 1]),
      order("carol", ["coffee", 3]),
      order("carol", ["coffee", 1]),
      order("dave", ["tea", 1]),
      order("dave", ["tea", 1]),
      order("erin", ["mug", 5]),
    ];
    expect(repeatPurchaseProducts(orders)).toEqual([
      { id: "coffee", title: "Product coffee", repeatCustomers: 2, units: 6 },
      { id: "tea", title: "Product tea", repeatCustomers: 2, units: 5 },
    ]);
  });

  it("counts a product twice in one order as one purchase, and guest orders as nobody's", () => {
    expect(repeatPurchaseProducts([order("alice", ["tea", 1], ["tea", 1])])).toEqual([]);
    expect(repeatPurchaseProducts([order(null, ["tea", 1]), order(null, ["tea", 1])])).toEqual([]);
  });

  it("keeps the best few", () => {
    const orders = ["a", "b", "c", "d", "e", "f", "g"].flatMap((product) => [order("x", [product, 1]), order("x", [product, 1])]);
    expect(repeatPurchaseProducts(orders, 3)).toHaveLength(3);
  });

  it("reads an order as the ledger receives it, leaving out lines without a product", () => {
    const order = orderWebhook.parse({
      admin_graphql_api_id: "gid://shopify/Order/1",
      name: "#1001",
      created_at: "2026-11-01T10:00:00Z",
      currency: "USD",
      customer: { admin_graphql_api_id: "gid://shopify/Customer/7" },
      line_items: [
        { id: 1, product_id: 42, title: "Tea", quantity: 2, price: "5.00" },
        { id: 2, product_id: null, title: "Custom item", quantity: 1, price: "1.00" },
      ],
    });
    expect(orderLinesOf(order)).toEqual({
      customerId: "gid://shopify/Customer/7",
      lines: [{ productId: "gid://shopify/Product/42", title: "Tea", quantity: 2 }],
    });
  });
});
