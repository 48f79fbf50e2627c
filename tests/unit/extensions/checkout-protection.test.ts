import { describe, expect, it } from "vitest";
import {
  protectionChanges,
  protectionFor,
  type Catalog,
  type ProductForProtectionData,
  type ProtectionLine,
} from "../../../extensions/orchard-protection-at-checkout/src/protection";

const catalog: Catalog = {
  offers: [
    {
      id: "o1",
      kind: "protection",
      name: "Accident protection",
      coverage: "",
      termsUrl: "",
      eligibility: { scope: "COLLECTIONS", productIds: [], collectionIds: ["7"], tags: [], excludedProductIds: ["99"] },
      bands: [
        { min: 0, max: 4999, variants: [{ months: 12, term: "1 year", id: "501", price: 499 }] },
        { min: 5000, max: null, variants: [{ months: 12, term: "1 year", id: "502", price: 999 }] },
      ],
    },
  ],
};
const line = (id: string, unitPriceMinor: number, attributes: { key: string; value: string }[] = []): ProtectionLine => ({
  id,
  quantity: 2,
  attributes,
  unitPriceMinor,
  merchandise: { id: "gid://shopify/ProductVariant/10", product: { id: "gid://shopify/Product/1" } },
});
const product = (id = "1", collection = "7"): ProductForProtectionData => ({
  product: { id: `gid://shopify/Product/${id}`, tags: [], collections: { nodes: [{ id: `gid://shopify/Collection/${collection}` }] } },
});

describe("protection at checkout", () => {
  it("offers the band of the line's unit price, at every term, for an eligible product", () => {
    const kettle = line("l1", 12000);
    expect(protectionFor(catalog, kettle, [kettle], product())?.choices).toEqual([{ months: 12, term: "1 year", id: "502", price: 999 }]);
    expect(protectionFor(catalog, line("l2", 4999), [], product())?.choices[0]?.id).toBe("501");
  });

  it("offers nothing for products outside the offer, excluded ones, protection lines and lines already protected", () => {
    expect(protectionFor(catalog, line("l1", 12000), [], product("1", "8"))).toBeNull();
    expect(protectionFor(catalog, line("l1", 12000), [], product("99"))).toBeNull();
    expect(protectionFor(catalog, line("p", 999, [{ key: "_orchard_protects", value: "a" }]), [], product())).toBeNull();
    const linked = line("l1", 12000, [{ key: "_orchard_link", value: "a" }]);
    expect(protectionFor(catalog, linked, [linked, line("p", 999, [{ key: "_orchard_protects", value: "a" }])], product())).toBeNull();
  });

  it("accepting links the product line and adds protection with its quantity", () => {
    expect(protectionChanges(line("l1", 12000, [{ key: "gift", value: "yes" }]), "502", "abc")).toEqual([
      {
        type: "updateCartLine",
        id: "l1",
        attributes: [
          { key: "gift", value: "yes" },
          { key: "_orchard_link", value: "abc" },
        ],
      },
      {
        type: "addCartLine",
        merchandiseId: "gid://shopify/ProductVariant/502",
        quantity: 2,
        attributes: [{ key: "_orchard_protects", value: "abc" }],
      },
    ]);
  });
});
