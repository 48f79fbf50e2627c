import fc from "fast-check";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, describe, expect, it } from "vitest";
import { action as createOffer } from "../../app/routes/app.protection.new";
import { action as editOffer } from "../../app/routes/app.protection.$id";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { db } from "../../app/db.server";
import { emptyOfferDraft, type OfferDraft } from "../../app/protection/offer";
import { subscriptionsPage } from "../../app/self-service/portal-page";
import type { PortalSubscription } from "../../app/self-service/self-service.server";
import { seedShop } from "../../simulator/seed";
import { adminFetchRequest, createShop, testContext } from "../support/context";
import { orchardDefaultPlan } from "../support/subscriptions";

/**
 * Text from outside (a merchant's offer, Shopify's product and plan names) rendered by Orchard's
 * storefront blocks in Dawn and by the customer's subscriptions page, fuzzed with markup, Liquid
 * and quotes: the page must hold exactly the active content (scripts, event handlers, javascript:
 * URLs) it holds with plain text, and show the text as it was typed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const generated = new Map<string, number>();
afterAll(() => {
  for (const [surface, inputs] of generated)
    console.log(`fuzz (${process.env.TEST_DATABASE ?? "sqlite"}), ${surface}: ${inputs} generated inputs`);
});
const count = (surface: string) => generated.set(surface, (generated.get(surface) ?? 0) + 1);

const payloads = [
  `"><img src=x onerror="window.__xss=1">`,
  `</script><script>window.__xss=1</script>`,
  `{{ shop.name }}{% render 'x' %}`,
  `' onmouseover='window.__xss=1`,
  `<a href="javascript:window.__xss=1">x</a>`,
  `&lt;b&gt; &amp; &#60;`,
  `<style>*{display:none}</style>`,
];
/** Printable text with markup, Liquid and quotes in it, as a form or Shopify would keep it. */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...payloads), fc.string({ unit: fc.constantFrom(..."<>\"'&{}%/= abcé"), maxLength: 12 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join(" ").replace(/\s+/g, " ").trim())
  .filter((text) => text.length > 0 && text.length <= 80);

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

/** Every element of the page, in document order, as a browser's parser reads it. */
function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) found.push(node);
    const template = "content" in node ? [node.content] : [];
    for (const child of [...("childNodes" in node ? node.childNodes : []), ...template]) walk(child);
  };
  walk(parse(html));
  return found;
}
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value ?? null;
const textOf = (element: Element | undefined): string | null => {
  if (!element) return null;
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text" && "value" in node) parts.push(node.value);
    for (const child of "childNodes" in node ? node.childNodes : []) walk(child);
  };
  walk(element);
  return parts.join("").trim();
};
const withClass = (elements: Element[], name: string) => elements.find((e) => (attribute(e, "class") ?? "").split(/\s+/).includes(name));

/** What can run in a page: each script (by type and source), each event handler attribute, each javascript: URL. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const element of elementsOf(html)) {
    if (element.tagName === "script") found.push(`script ${attribute(element, "type") ?? ""} ${attribute(element, "src") ?? "inline"}`);
    for (const { name, value } of element.attrs) {
      if (name.startsWith("on")) found.push(`${element.tagName} ${name}`);
      if (/^\s*javascript:/i.test(value)) found.push(`${element.tagName} ${name} javascript:`);
    }
  }
  return found.sort();
}

const offer = (name: string, coverage: string, provider: string): OfferDraft => ({
  ...emptyOfferDraft(),
  name,
  coverage,
  provider,
  termsUrl: "https://example.com/protection-terms",
  termMonths: [12],
  bands: [{ min: "0", max: "", prices: { "12": "9.99" } }],
});

async function post(action: typeof createOffer, path: string, shop: string, draft: OfferDraft, params = {}) {
  const request = adminFetchRequest(path, shop, { method: "POST", body: new URLSearchParams({ offer: JSON.stringify(draft) }) });
  const outcome = await action({ request, params, context: {} }).catch((thrown: unknown) => thrown);
  expect(outcome instanceof Response && outcome.status === 302, JSON.stringify(outcome)).toBe(true);
}

describe("hostile text in what Orchard renders", () => {
  it("the product page in Dawn, with the subscribe-and-save and protection blocks", { timeout: 300_000 }, async () => {
    const { simulator } = testContext();
    // A Plus shop: each save of the offer rewrites its product in Shopify, and a standard shop's
    // bucket would have the test wait out throttling most of the time.
    const { shop } = createShop({}, { plan: "plus" });
    seedShop(simulator.store, shop, new Date(), { customers: 2, months: 0 });
    await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    const product = [...shop.products.values()].find((p) => !p.tags.includes("orchard-protection"))!;
    const group = await orchardDefaultPlan(shop, product);
    const simulatedGroup = shop.sellingPlanGroups.get(Number(group.id))!;
    await post(createOffer, "/app/protection/new", shop.domain, offer("Accident protection", "Drops and spills.", "Orchard Co."));
    const offerId = (await db().protectionOffer.findFirst({ where: { shop: shop.domain } }))!.id;
    const page = async () =>
      (await fetch(`${simulator.url}/storefront/${shop.domain.replace(".myshopify.com", "")}/products/${product.handle}`)).text();
    const plain = activeContent(await page());

    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, hostileText, async (title, planName, offerName, coverage) => {
        count("storefront blocks in Dawn");
        product.title = title;
        simulatedGroup.sellingPlans[0]!.name = planName;
        await post(editOffer, `/app/protection/${offerId}`, shop.domain, offer(offerName, coverage, "Orchard Co."), { id: offerId });
        const html = await page();
        expect(activeContent(html)).toEqual(plain);
        // Shown as typed: the protection block's legend and coverage, and the product's title where the block keeps it.
        const elements = elementsOf(html);
        expect(textOf(withClass(elements, "orchard-protection__legend"))).toBe(offerName.trim());
        expect(textOf(withClass(elements, "orchard-protection__coverage"))).toBe(coverage.trim());
        const block = elements.find((e) => attribute(e, "data-orchard-protection") !== null);
        expect(block && attribute(block, "data-orchard-product-title")).toBe(title);
        expect(html).toContain("data-orchard-subscribe");
      }),
      { numRuns: RUNS },
    );
  });

  it("the customer's subscriptions page (app proxy), before Shopify renders it as Liquid", async () => {
    const subscription = (title: string, planName: string, variantTitle: string): PortalSubscription => ({
      id: "gid://shopify/SubscriptionContract/1",
      status: "ACTIVE",
      timeZone: "UTC",
      currencyCode: "USD",
      planName,
      nextOrderAt: "2027-01-01T00:00:00.000Z",
      nextOrderAmountMinor: 1299,
      cancelledAt: null,
      resumeAt: null,
      firstOrderAfterPause: null,
      startedAt: "2026-12-01T00:00:00.000Z",
      upcomingOrders: [
        { cycle: 3, date: "2027-01-01T00:00:00.000Z", skipped: false, amountMinor: 1299 },
        { cycle: 4, date: "2027-02-01T00:00:00.000Z", skipped: true, amountMinor: 1299 },
      ],
      // The address is the customer's own typing: as hostile as any product title.
      deliveryAddress: {
        firstName: title,
        lastName: planName,
        address1: variantTitle,
        address2: title,
        city: planName,
        province: variantTitle,
        zip: title,
        countryCode: "FR",
      },
      paymentMethod: { kind: "card", brand: "Visa", lastDigits: "4242", expiryMonth: 12, expiryYear: 2030 },
      cardExpiresBeforeNextOrder: false,
      pastOrders: [{ date: "2026-12-01T00:00:00.000Z", status: "paid", amountMinor: 1299 }],
      items: [{ id: "line-1", title, quantity: 1, unitPriceMinor: 1299, oneTime: false }],
      actions: [
        "skip",
        "pause",
        "reschedule",
        "changeFrequency",
        "changeQuantity",
        "addOneTime",
        "cancel",
        "updateAddress",
        "sendPaymentUpdate",
        "swapVariant",
      ],
      ordersOwed: 0,
      cancellationReasons: ["too_expensive", "other"],
      plans: [
        { id: "gid://shopify/SellingPlan/1", name: planName, current: true },
        { id: "gid://shopify/SellingPlan/2", name: `${planName} (2)`, current: false },
      ],
      variants: [{ id: "gid://shopify/ProductVariant/1", title: variantTitle, priceMinor: 1299 }],
      swapVariants: [
        { id: "gid://shopify/ProductVariant/1", title: variantTitle, price: "$12.99" },
        { id: "gid://shopify/ProductVariant/2", title: `${variantTitle} (2)`, price: "$13.99" },
      ],
      referral: {
        code: "FRIEND-ABCD2345",
        link: "https://shop.example/discount/FRIEND-ABCD2345?redirect=/",
        friendDiscountBasisPoints: 2000,
        creditMinor: 1000,
        currencyCode: "USD",
        friends: 2,
      },
      membership: false,
    });
    const render = (s: PortalSubscription) =>
      subscriptionsPage({ locale: "en", prefix: "/apps/orchard", token: "t", link: (path) => `/apps/orchard${path}` }, [s], {
        done: null,
        error: null,
      });
    const plain = activeContent(render(subscription("Coffee", "Every month", "250 g")));
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (title, planName, variantTitle) => {
        count("customer's subscriptions page");
        const html = render(subscription(title, planName, variantTitle));
        expect(activeContent(html)).toEqual(plain);
        // Nothing for Shopify's Liquid to run: braces and percent signs arrive as character references.
        expect(html).not.toMatch(/\{\{|\{%/);
        const elements = elementsOf(html);
        expect(textOf(elements.find((e) => e.tagName === "h2"))).toBe(planName.trim());
        expect(textOf(elements.find((e) => e.tagName === "li"))).toContain(title.trim());
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
