import { createCartLine, createResult } from "@shopify/ui-extensions-tester/checkout";
import { setUpExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { storefrontPlan, storefrontProduct } from "../support/storefront-selling-plans";
import { orchardAnswering, settledAfter, storefrontQuery, translatorFor } from "./support";

/**
 * The subscribe-and-save offer under a checkout line, rendered by Shopify's extension tester from
 * the module its shopify.extension.toml names, with Shopify's typed mocks of the checkout API.
 */
const TARGET = "purchase.checkout.cart-line-item.render-after";
const configSearchDir = "extensions/orchard-subscribe-at-checkout";

const plan = storefrontPlan;
const productWith = (plans: ReturnType<typeof plan>[]) => ({ product: storefrontProduct(plans) });
const TWO_PLANS = productWith([
  plan("gid://shopify/SellingPlan/1", "Every month", 10),
  plan("gid://shopify/SellingPlan/2", "Every 2 months", 15),
]);

const oneTimeLine = () => createCartLine({ merchandise: { ...createCartLine().merchandise, sellingPlan: undefined } });

function setUp(options: { product?: unknown; open?: boolean } = {}) {
  const extension = setUpExtension(TARGET, { configSearchDir });
  const storefront = storefrontQuery(options.product ?? TWO_PLANS);
  extension.shopify.query = storefront.query as typeof extension.shopify.query;
  extension.shopify.i18n.translate = translatorFor("orchard-subscribe-at-checkout") as typeof extension.shopify.i18n.translate;
  extension.shopify.i18n.formatNumber = ((n: number) => `${Math.round(n * 100)}%`) as typeof extension.shopify.i18n.formatNumber;
  // A one-time line: Shopify leaves `sellingPlan` undefined (the tester's strict mock needs it said).
  extension.shopify.target.value = oneTimeLine();
  const orchard = orchardAnswering(() => ({ body: { open: options.open ?? true } }));
  extension.fetch = orchard.fetch;
  return Object.assign(extension, { extension, storefront, orchard });
}

const rendered = () => document.body.textContent ?? "";
const button = (label: string) => [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === label)!;

describe("the subscribe-and-save offer at checkout", () => {
  it("offers a one-time line's plans with the best saving, asking Shopify's Storefront API and Orchard with the session token", async () => {
    using setup = setUp();
    await setup.extension.render();
    await waitFor(() => expect(rendered()).toContain("Subscribe and save 15%"));
    expect([...document.body.querySelectorAll("s-option")].map((o) => o.textContent)).toEqual(["Every month", "Every 2 months"]);
    expect(rendered()).toContain("Renews automatically at this price until you cancel");
    expect(setup.storefront.asked[0]!.variables).toEqual({ id: "gid://shopify/Product/1" });
    expect(setup.orchard.requests).toEqual([
      { path: "/api/checkout/subscriptions", authorization: "Bearer mock-session-token", body: undefined },
    ]);
  });

  it("asks once per product, though checkout hands over a new line object on every read", async () => {
    using setup = setUp();
    expect(setup.extension.shopify.target.value).not.toBe(setup.extension.shopify.target.value);
    await setup.extension.render();
    await settledAfter(() => setup.orchard.requests.length === 1 && setup.storefront.asked.length === 1);
    // The same settling as the "shows nothing" cases below: here the offer is there once it ends.
    expect(rendered()).toContain("Subscribe and save 15%");
    // Preact runs effects after the next frame: one more frame, and nothing was asked again.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect([setup.orchard.requests.length, setup.storefront.asked.length]).toEqual([1, 1]);
  });

  it("changes only that line, to the plan chosen, when the shopper subscribes", async () => {
    using setup = setUp();
    const applyCartLinesChange = vi.fn().mockResolvedValue(createResult("applyCartLinesChange"));
    setup.extension.shopify.applyCartLinesChange = applyCartLinesChange;
    await setup.extension.render();
    await waitFor(() => expect(button("Subscribe")).toBeDefined());
    const select = document.body.querySelector("s-select")! as HTMLElement & { value: string };
    select.value = "gid://shopify/SellingPlan/2";
    fireEvent.change(select);
    fireEvent.click(button("Subscribe"));
    await waitFor(() =>
      expect(applyCartLinesChange).toHaveBeenCalledWith({
        type: "updateCartLine",
        id: "gid://shopify/CartLine/1",
        sellingPlanId: "gid://shopify/SellingPlan/2",
      }),
    );
    expect(applyCartLinesChange).toHaveBeenCalledTimes(1);
  });

  it("says so when checkout refuses the change", async () => {
    using setup = setUp();
    setup.extension.shopify.applyCartLinesChange = vi
      .fn()
      .mockResolvedValue(createResult("applyCartLinesChange", { type: "error", message: "Out of stock" }));
    await setup.extension.render();
    await waitFor(() => expect(button("Subscribe")).toBeDefined());
    fireEvent.click(button("Subscribe"));
    await waitFor(() =>
      expect(document.body.querySelector("s-banner")?.textContent).toBe("We couldn't change this item. Please try again."),
    );
  });

  it("goes away, changing nothing, when the shopper says no thanks", async () => {
    using setup = setUp();
    const applyCartLinesChange = vi.fn();
    setup.extension.shopify.applyCartLinesChange = applyCartLinesChange;
    await setup.extension.render();
    await waitFor(() => expect(button("No thanks")).toBeDefined());
    fireEvent.click(button("No thanks"));
    await waitFor(() => expect(rendered()).toBe(""));
    expect(applyCartLinesChange).not.toHaveBeenCalled();
  });

  it.each([
    [
      "the line is already a subscription",
      (s: ReturnType<typeof setUp>) => {
        s.extension.shopify.target.value = createCartLine({
          merchandise: { ...createCartLine().merchandise, sellingPlan: { id: "gid://shopify/SellingPlan/1", recurringDeliveries: true } },
        } as Parameters<typeof createCartLine>[0]);
      },
    ],
    [
      "checkout does not let lines change",
      (s: ReturnType<typeof setUp>) => {
        s.extension.shopify.instructions.value = {
          ...s.extension.shopify.instructions.value,
          lines: { canAddCartLine: true, canRemoveCartLine: true, canUpdateCartLine: false },
        };
      },
    ],
  ])("shows nothing when %s", async (_case, arrange) => {
    using setup = setUp();
    arrange(setup);
    await setup.extension.render();
    await settledAfter(() => setup.orchard.requests.length === 1 && setup.storefront.asked.length === 1);
    expect(rendered()).toBe("");
  });

  it("shows nothing when the product has no recurring plan, or Orchard says the shop takes no new subscribers", async () => {
    {
      using setup = setUp({ product: productWith([]) });
      await setup.extension.render();
      await waitFor(() => expect(setup.storefront.asked).toHaveLength(1));
      expect(rendered()).toBe("");
    }
    {
      using setup = setUp({ open: false });
      await setup.extension.render();
      await settledAfter(() => setup.orchard.requests.length === 1 && setup.storefront.asked.length === 1);
      expect(rendered()).toBe("");
    }
  });

  it("speaks French where the buyer does", async () => {
    using setup = setUp();
    setup.extension.shopify.i18n.translate = translatorFor(
      "orchard-subscribe-at-checkout",
      "fr",
    ) as typeof setup.extension.shopify.i18n.translate;
    await setup.extension.render();
    await waitFor(() => expect(rendered()).toContain("Abonnez-vous et économisez 15%"));
    expect(button("S'abonner")).toBeDefined();
    expect(document.body.querySelector("s-select")!.getAttribute("label")).toBe("Fréquence de livraison");
  });
});
