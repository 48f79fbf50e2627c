import { createCartLine, createResult } from "@shopify/ui-extensions-tester/checkout";
import { setUpExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import type { Catalog } from "../../extensions/orchard-protection-at-checkout/src/protection";
import { orchardAnswering, settledAfter, storefrontQuery, translatorFor } from "./support";

/**
 * The protection offer under a checkout line, rendered by Shopify's extension tester from the module
 * its shopify.extension.toml names, with Shopify's typed mocks of the checkout API.
 */
const TARGET = "purchase.checkout.cart-line-item.render-after";

const catalog: Catalog = {
  offers: [
    {
      id: "o1",
      kind: "protection",
      name: "Accident protection",
      coverage: "Drops and spills, two years",
      termsUrl: "https://shop.example/terms",
      eligibility: { scope: "ALL", productIds: [], collectionIds: [], tags: [], excludedProductIds: [] },
      bands: [
        { min: 0, max: 4999, variants: [{ months: 12, term: "1 year", id: "501", price: 499 }] },
        {
          min: 5000,
          max: null,
          variants: [
            { months: 12, term: "1 year", id: "502", price: 999 },
            { months: 24, term: "2 years", id: "503", price: 1499 },
          ],
        },
      ],
    },
  ],
};
const PRODUCT = { product: { id: "gid://shopify/Product/1", tags: ["kettle"], collections: { nodes: [] } } };

/** A line of `quantity` units at `unitPrice` (checkout gives amounts as numbers, in the currency's units). */
const lineOf = (unitPrice: number, quantity = 1, attributes: { key: string; value: string }[] = []) =>
  createCartLine({ quantity, attributes, cost: { totalAmount: { amount: unitPrice * quantity, currencyCode: "USD" } } });

function setUp(options: { line?: ReturnType<typeof createCartLine>; status?: number; catalog?: Catalog } = {}) {
  const extension = setUpExtension(TARGET, { configSearchDir: "extensions/orchard-protection-at-checkout" });
  const line = options.line ?? lineOf(60, 2);
  extension.shopify.target.value = line;
  extension.shopify.lines.value = [line];
  extension.shopify.cost.totalAmount.value = { amount: 120, currencyCode: "USD" };
  const storefront = storefrontQuery(PRODUCT);
  extension.shopify.query = storefront.query as typeof extension.shopify.query;
  extension.shopify.i18n.translate = translatorFor("orchard-protection-at-checkout") as typeof extension.shopify.i18n.translate;
  extension.shopify.i18n.formatCurrency = ((amount: number) => `$${amount.toFixed(2)}`) as typeof extension.shopify.i18n.formatCurrency;
  const orchard = orchardAnswering(() => ({ status: options.status ?? 200, body: options.catalog ?? catalog }));
  extension.fetch = orchard.fetch;
  return Object.assign(extension, { storefront, orchard, line });
}

const rendered = () => document.body.textContent ?? "";
const button = (label: string) => [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === label);

async function choose(variantId: string) {
  const list = document.body.querySelector("s-choice-list")! as HTMLElement & { values: string[] };
  list.values = [variantId];
  fireEvent.change(list);
}

describe("the protection offer at checkout", () => {
  it("offers the terms of the line's price band, priced, with nothing chosen until the buyer picks one", async () => {
    using extension = setUp();
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("Accident protection"));
    expect([...document.body.querySelectorAll("s-choice")].map((c) => c.textContent)).toEqual([
      "No protection",
      "1 year of protection, $9.99",
      "2 years of protection, $14.99",
    ]);
    expect(rendered()).toContain("Drops and spills, two years");
    expect(document.body.querySelector("s-link")!.getAttribute("href")).toBe("https://shop.example/terms");
    expect(button("Add protection")!.hasAttribute("disabled")).toBe(true);
    expect(extension.orchard.requests[0]).toMatchObject({ path: "/api/checkout/protection", authorization: "Bearer mock-session-token" });
    expect(extension.storefront.asked[0]!.variables).toEqual({ id: "gid://shopify/Product/1" });
  });

  it("links the line and adds the chosen protection for the same quantity when the buyer accepts", async () => {
    using extension = setUp();
    const applyCartLinesChange = vi.fn().mockResolvedValue(createResult("applyCartLinesChange"));
    extension.shopify.applyCartLinesChange = applyCartLinesChange;
    await extension.render();
    await waitFor(() => expect(button("Add protection")).toBeDefined());
    await choose("503");
    fireEvent.click(button("Add protection")!);
    await waitFor(() => expect(applyCartLinesChange).toHaveBeenCalledTimes(2));
    const [linkLine, addProtection] = applyCartLinesChange.mock.calls.map(([change]) => change);
    expect(linkLine).toMatchObject({ type: "updateCartLine", id: "gid://shopify/CartLine/1" });
    const link = linkLine.attributes.find((a: { key: string }) => a.key === "_orchard_link").value;
    expect(addProtection).toEqual({
      type: "addCartLine",
      merchandiseId: "gid://shopify/ProductVariant/503",
      quantity: 2,
      attributes: [{ key: "_orchard_protects", value: link }],
    });
  });

  it("says so, and adds nothing more, when checkout refuses a change", async () => {
    using extension = setUp();
    const applyCartLinesChange = vi.fn().mockResolvedValue(createResult("applyCartLinesChange", { type: "error", message: "No" }));
    extension.shopify.applyCartLinesChange = applyCartLinesChange;
    await extension.render();
    await waitFor(() => expect(button("Add protection")).toBeDefined());
    await choose("502");
    fireEvent.click(button("Add protection")!);
    await waitFor(() => expect(document.body.querySelector("s-banner")?.textContent).toBe("We couldn't add protection. Please try again."));
    expect(applyCartLinesChange).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["the line is itself protection", () => setUp({ line: lineOf(4.99, 1, [{ key: "_orchard_protects", value: "x" }]) })],
    ["Orchard cannot be reached", () => setUp({ status: 502 })],
    [
      "checkout does not let lines be added",
      () => {
        const extension = setUp();
        extension.shopify.instructions.value = {
          ...extension.shopify.instructions.value,
          lines: { canAddCartLine: false, canRemoveCartLine: true, canUpdateCartLine: true },
        };
        return extension;
      },
    ],
  ])("shows nothing when %s", async (_case, arrange) => {
    using extension = arrange();
    await extension.render();
    await settledAfter(() => extension.orchard.requests.length === 1);
    expect(rendered()).toBe("");
  });

  it("speaks of what a service add-on sells, in the buyer's words", async () => {
    using extension = setUp({ catalog: { offers: [{ ...catalog.offers[0]!, kind: "premium_support", name: "Premium support" }] } });
    await extension.render();
    await waitFor(() => expect(button("Add premium support")).toBeDefined());
    expect([...document.body.querySelectorAll("s-choice")].map((c) => c.textContent)).toEqual([
      "No premium support",
      "1 year of premium support, $9.99",
      "2 years of premium support, $14.99",
    ]);
    expect(document.body.querySelector("s-link")!.textContent).toBe("Premium support terms and conditions");
  });

  it("prices the band from the unit price, whatever the quantity", async () => {
    using extension = setUp({ line: lineOf(30, 3) });
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("1 year of protection, $4.99"));
  });
});
