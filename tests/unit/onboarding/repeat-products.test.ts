import { describe, expect, it } from "vitest";
import { repeatPurchaseProducts, type OrderLines } from "../../../app/onboarding/repeat-products";

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
});
