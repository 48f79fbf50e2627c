import { describe, expect, it } from "vitest";
import { planProductCount } from "../../../app/subscriptions/plan-product-count";

const product = (n: number) => ({ id: `gid://shopify/Product/${n}` });
const variantOf = (n: number) => ({ product: product(n) });

describe("the products a plan is sold on", () => {
  it("counts whole products by Shopify's exact count, beyond the first page", () => {
    expect(
      planProductCount({ productsCount: { count: 250 }, products: { nodes: [1, 2].map(product) }, productVariants: { nodes: [] } }),
    ).toBe(250);
  });

  it("counts a product attached only by some of its variants once, and not again when it is attached whole", () => {
    expect(
      planProductCount({
        productsCount: { count: 1 },
        products: { nodes: [product(1)] },
        productVariants: { nodes: [variantOf(1), variantOf(2), variantOf(2), variantOf(3)] },
      }),
    ).toBe(3);
    expect(planProductCount({ productsCount: { count: 0 }, products: { nodes: [] }, productVariants: { nodes: [variantOf(7)] } })).toBe(1);
  });
});
