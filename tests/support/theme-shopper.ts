import type { Page, Response } from "playwright-core";
import { expect } from "vitest";
import { TEST_SHOPPER } from "../../simulator/checkout";

/**
 * A shopper on a store running one of Shopify's reference themes, using the theme's own controls:
 * its variant picker, its add to cart button, its cart notification or drawer, its cart page. What
 * differs between Dawn and Horizon is here, so the tests read as what a shopper does.
 */
export type ThemeName = "dawn" | "horizon";

export function themeShopper(page: Page, theme: ThemeName) {
  const addToCartButton = () => page.locator('form[action*="/cart/add"] button[type="submit"]:visible').first();
  // The theme's own request: both themes post their product form's FormData (Orchard's protection
  // line goes as JSON just before it).
  const added = () =>
    page.waitForResponse(
      (response: Response) =>
        /\/cart\/add(\.js)?$/.test(new URL(response.url()).pathname) &&
        /multipart\/form-data/.test(response.request().headers()["content-type"] ?? ""),
    );

  return {
    /** Picks an option value in the theme's variant picker (Dawn's pills, Horizon's buttons). */
    async chooseVariant(value: string): Promise<void> {
      const picker = theme === "dawn" ? page.locator("variant-selects") : page.locator("variant-picker").first();
      await picker.locator("label").filter({ hasText: value }).first().click();
    },

    /** The theme's own add to cart button; resolves once the theme's request to the cart is answered. */
    async addToCart(): Promise<Response> {
      const response = added();
      await addToCartButton().click();
      return response;
    },

    /** Sets the product page's quantity in the theme's own quantity field. */
    async setQuantity(quantity: number): Promise<void> {
      await page.locator('input[name="quantity"]:visible').first().fill(String(quantity));
    },

    /** From the product page: the theme's way to checkout after adding (Dawn's notification, Horizon's cart page). */
    async checkOut(email: string): Promise<void> {
      if (theme === "dawn") {
        // A shopper clicks once the notification has slid in: Dawn focuses it when its transition
        // ends. A click during the slide can miss on a loaded machine, and the page's own footer
        // has an "Email" field (the newsletter) that would then take the address.
        const notification = page.locator("#cart-notification");
        await expect.poll(() => notification.evaluate((element) => element.contains(document.activeElement))).toBe(true);
        await notification.getByRole("button", { name: "Check out" }).click();
      } else {
        await page.goto(new URL("cart", page.url().replace(/products\/.*$/, "")).toString());
        await page
          .getByRole("button", { name: /Check out/i })
          .first()
          .click();
      }
      await page.waitForURL((url) => url.pathname.endsWith("/checkout"));
      await payAtCheckout(page, email);
    },

    /** The cart as Shopify's AJAX API answers it (/cart.js), in this shopper's session. */
    async cart(): Promise<{ items: CartItem[]; item_count: number; total_price: number }> {
      return page.evaluate(async () => (await fetch(`${window.Shopify.routes.root}cart.js`)).json());
    },
  };
}

/** On the checkout page: the shopper's email, the test shopper's address and card, then Pay now. */
export async function payAtCheckout(page: Page, email: string): Promise<void> {
  const { shippingAddress: address, card } = TEST_SHOPPER;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Country/Region").selectOption(address.countryCode);
  await page.getByLabel("First name (optional)").fill(address.firstName);
  await page.getByLabel("Last name").fill(address.lastName);
  await page.getByLabel("Address", { exact: true }).fill(address.address1);
  await page.getByLabel("City").fill(address.city);
  await page.getByLabel("Postal code").fill(address.zip);
  await page.getByLabel("Card number").fill(card.number);
  await page.getByLabel("Expiration date (MM / YY)").fill(card.expiry);
  await page.getByLabel("Name on card").fill(card.name);
  await page.getByRole("button", { name: "Pay now" }).click();
  await page.getByRole("heading", { name: "Thank you!" }).waitFor();
}

export interface CartItem {
  key: string;
  variant_id: number;
  product_title: string;
  quantity: number;
  price: number;
  final_line_price: number;
  properties: Record<string, string>;
  selling_plan_allocation?: { price: number; per_delivery_price: number; selling_plan: { id: number; name: string } };
}

declare global {
  interface Window {
    Shopify: { routes: { root: string } };
  }
}

/**
 * The layout shifts that move anything in the section holding Orchard's blocks, with what moved,
 * so a failure names the element to fix. A block that grows or shrinks after the first paint moves
 * what follows it there; what the theme loads late elsewhere (Horizon's recommendations) is the
 * theme's own, and an element that ends up visually hidden (a 1 px box, as Dawn hides its variant
 * radios) moves where nobody sees it. Each shift names its elements and their boxes before and after.
 */
export async function recordShiftsBesideOrchard(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { shifts: string[] }).shifts = shifts;
    type Source = { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] };
    const box = (rect: DOMRectReadOnly) => `${rect.x},${rect.y} ${rect.width}×${rect.height}`;
    const describe = ({ node, previousRect, currentRect }: Source) =>
      `${node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}` : String(node?.nodeName)} ` +
      `${node instanceof Element ? (node.getAttribute("name") ?? "") : ""} from ${box(previousRect)} to ${box(currentRect)}`;
    const besideOrchard = (node?: Node) =>
      node instanceof Element &&
      Boolean(
        node.closest(".shopify-section")?.querySelector("[data-orchard-subscribe], [data-orchard-protection], [data-orchard-account-link]"),
      );
    const seen = (source: Source) => source.currentRect.width * source.currentRect.height > 1;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[])
        if (!entry.hadRecentInput && entry.sources.some((s) => besideOrchard(s.node) && seen(s)))
          shifts.push(`${entry.value.toFixed(4)}: ${entry.sources.map(describe).join("; ")}`);
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
}
