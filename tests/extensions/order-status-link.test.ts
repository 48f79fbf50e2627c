import { createCartLine } from "@shopify/ui-extensions-tester/customer-account";
import { setUpExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { translatorFor } from "./support";

/**
 * The order status page's link to the customer's subscriptions, rendered by Shopify's extension
 * tester from the module its shopify.extension.toml names, with Shopify's typed mocks of the
 * order status API.
 */
const TARGET = "customer-account.order-status.block.render";

function setUp(lines: ReturnType<typeof createCartLine>[], locale = "en.default") {
  const extension = setUpExtension(TARGET, { configSearchDir: "extensions/orchard-order-status" });
  extension.shopify.i18n.translate = translatorFor("orchard-order-status", locale) as typeof extension.shopify.i18n.translate;
  extension.shopify.lines.value = lines;
  return extension;
}

const line = (title: string, subtitle: string | undefined, sellingPlan: boolean) => {
  const mock = createCartLine();
  return createCartLine({
    merchandise: { ...mock.merchandise, title, subtitle, sellingPlan: sellingPlan ? { id: "gid://shopify/SellingPlan/1" } : undefined },
  });
};
const rendered = () => document.body.textContent ?? "";

describe("the order status page's subscription link", () => {
  it("names the subscribed items and links to the subscriptions page, in the customer's plural", async () => {
    using extension = setUp([line("Coffee beans", "1 kg", true), line("Mug", undefined, false), line("Tea", undefined, true)]);
    await extension.render();
    await waitFor(() =>
      expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("This order includes 2 subscriptions"),
    );
    expect(rendered()).toContain("Coffee beans – 1 kg");
    expect(rendered()).toContain("Tea");
    expect(rendered()).not.toContain("Mug");
    const link = document.body.querySelector("s-link")!;
    expect(link.getAttribute("href")).toBe("extension://orchard-customer-subscriptions");
    expect(link.textContent).toBe("Manage your subscriptions");
  });

  it("speaks French, singular", async () => {
    using extension = setUp([line("Café", undefined, true)], "fr");
    await extension.render();
    await waitFor(() =>
      expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("Cette commande comprend un abonnement"),
    );
    expect(document.body.querySelector("s-link")!.textContent).toBe("Gérer vos abonnements");
  });

  it("shows nothing on an order without a subscription", async () => {
    using extension = setUp([line("Mug", undefined, false)]);
    await extension.render();
    expect(document.body.querySelector("s-section")).toBeNull();
    expect(rendered()).toBe("");
  });
});
