import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { loader as newPlanLoader } from "../../app/routes/app.plans.new";
import { action as createOffer } from "../../app/routes/app.protection.new";
import { action as guideVisibility } from "../../app/routes/app.setup-guide";
import { recordUninstall } from "../../app/shops/shops.server";
import { emptyOfferDraft, type OfferDraft } from "../../app/protection/offer";
import { saveRule } from "../../app/reminders/admin.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { adminFetchRequest, createShop, TEST_API_KEY, testContext } from "../support/context";
import { operationEnded } from "../support/bulk-operations";
import { orchardDefaultPlan, settle } from "../support/subscriptions";
import { db } from "../../app/db.server";

const guideOf = async (shop: string) =>
  (await dashboardLoader({ request: adminFetchRequest("/app", shop), params: {}, context: {} })).setup;
const doneSteps = async (shop: string) => (await guideOf(shop)).steps.filter((step) => step.done).map((step) => step.id);

/** A shop that has just installed Orchard: products and customers, no plan, nothing on its theme. */
function freshShop() {
  const { simulator } = testContext();
  const { shop } = createShop({}, { orchardBlocksInTheme: false });
  seedShop(simulator.store, shop, new Date(), { customers: 6, months: 0 });
  return shop;
}

const storefrontProductPage = async (shop: ShopRecord, handle: string) => {
  const { simulator } = testContext();
  return (await fetch(`${simulator.url}/storefront/${shop.domain.replace(".myshopify.com", "")}/products/${handle}`)).text();
};

/** The merchant follows the guide's theme editor link in the admin and saves. */
async function addBlockThroughDeepLink(shop: ShopRecord, link: string) {
  const { simulator } = testContext();
  // App Bridge opens shopify://admin/… inside the merchant's admin.
  const editor = `${simulator.url}/store/${shop.domain.replace(".myshopify.com", "")}/${link.slice("shopify://admin/".length)}`;
  const preview = await fetch(editor);
  expect(preview.status).toBe(200);
  expect(await preview.text()).toContain("is added in this preview");
  const saved = await fetch(editor, { method: "POST", redirect: "manual" });
  expect(saved.status).toBe(303);
}

const oneBandOffer: OfferDraft = {
  ...emptyOfferDraft(),
  name: "Accident protection",
  coverage: "Drops and spills.",
  provider: "Orchard Demo Co.",
  termsUrl: "https://example.com/protection-terms",
  termMonths: [12],
  bands: [{ min: "0", max: "", prices: { "12": "4.99" } }],
};

describe("the setup guide", () => {
  it("takes a fresh install to a live offer, each step done from the shop's real state", async () => {
    const shop = freshShop();
    const guide = await guideOf(shop.domain);
    expect(guide.finished).toBe(false);
    expect(guide.steps.map((s) => [s.id, s.done])).toEqual([
      ["plan", false],
      ["theme", false],
      ["reminders", false],
      ["protection", false],
      ["accountLink", false],
    ]);
    expect(guide.themeEditorLinks["subscribe-and-save"]).toBe(
      `shopify://admin/themes/current/editor?template=product&addAppBlockId=${TEST_API_KEY}%2Fsubscribe-and-save&target=mainSection`,
    );

    const coffee = [...shop.products.values()][0]!;
    await orchardDefaultPlan(shop, coffee);
    expect(await doneSteps(shop.domain)).toEqual(["plan"]);
    // A plan alone sells nothing: the theme has no Orchard block yet.
    expect(await storefrontProductPage(shop, coffee.handle)).not.toContain("data-orchard-subscribe");

    await addBlockThroughDeepLink(shop, guide.themeEditorLinks["subscribe-and-save"]);
    expect(await doneSteps(shop.domain)).toEqual(["plan", "theme"]);
    expect(await storefrontProductPage(shop, coffee.handle)).toContain("data-orchard-subscribe");

    await saveRule(shop.domain, null, {
      scope: "product",
      targetId: gid("Product", coffee.id),
      title: coffee.title,
      intervalDays: 30,
      leadDays: 5,
      discountCode: null,
    });
    const done = await guideOf(shop.domain);
    expect(done.steps.filter((s) => s.done).map((s) => s.id)).toEqual(["plan", "theme", "reminders"]);
    // Protection is optional: the guide is finished and leaves the dashboard.
    expect(done.finished).toBe(true);

    // So is the account link, which the deep link switches on among the app embeds.
    await addBlockThroughDeepLink(shop, guide.themeEditorLinks["account-link"]);
    expect(await doneSteps(shop.domain)).toEqual(["plan", "theme", "reminders", "accountLink"]);
  });

  it("sees the block taken off the theme, whatever was clicked before", async () => {
    const { simulator } = testContext();
    const shop = freshShop();
    const guide = await guideOf(shop.domain);
    await addBlockThroughDeepLink(shop, guide.themeEditorLinks["subscribe-and-save"]);
    expect(await doneSteps(shop.domain)).toContain("theme");
    await fetch(`${simulator.url}/_control/shops/${shop.domain}/theme`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ remove: ["subscribe-and-save"] }),
    });
    expect(await doneSteps(shop.domain)).not.toContain("theme");
  });

  it("asks for the protection block and the cart embed once an offer exists, and sees each on the theme", async () => {
    const shop = freshShop();
    const protectionStep = async () => (await guideOf(shop.domain)).steps.find((s) => s.id === "protection")!;
    expect(await protectionStep()).toMatchObject({ configured: false, missingBlocks: [] });
    const created = await createOffer({
      request: adminFetchRequest("/app/protection/new", shop.domain, {
        method: "POST",
        body: new URLSearchParams({ offer: JSON.stringify(oneBandOffer) }),
      }),
      params: {},
      context: {},
    }).catch((thrown: unknown) => thrown);
    expect(created).toBeInstanceOf(Response);
    expect(await protectionStep()).toMatchObject({ done: false, configured: true, missingBlocks: ["protection-offer", "protection-cart"] });

    const { themeEditorLinks } = await guideOf(shop.domain);
    await addBlockThroughDeepLink(shop, themeEditorLinks["protection-offer"]);
    expect(await protectionStep()).toMatchObject({ done: false, missingBlocks: ["protection-cart"] });
    await addBlockThroughDeepLink(shop, themeEditorLinks["protection-cart"]);
    expect(await protectionStep()).toMatchObject({ done: true, missingBlocks: [] });
    const page = await storefrontProductPage(shop, [...shop.products.values()][0]!.handle);
    expect(page).toContain("data-orchard-protects-label");
    expect(page).toContain("data-orchard-protection-cart");
  });

  it("can be hidden before it is done and shown again, and comes back after a re-install", async () => {
    const shop = freshShop();
    const other = freshShop();
    const setVisibility = (visibility: string) =>
      guideVisibility({
        request: adminFetchRequest("/app/setup-guide", shop.domain, { method: "POST", body: new URLSearchParams({ visibility }) }),
        params: {},
        context: {},
      });
    expect((await guideOf(shop.domain)).hidden).toBe(false);
    expect(await setVisibility("hidden")).toEqual({ hidden: true });
    const hidden = await guideOf(shop.domain);
    // Hidden, not forgotten: the steps are still worked out for the summary.
    expect(hidden).toMatchObject({ hidden: true, finished: false });
    expect(hidden.steps).toHaveLength(5);
    expect((await guideOf(other.domain)).hidden).toBe(false);
    const refused = await setVisibility("gone").catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(400);
    expect((await guideOf(shop.domain)).hidden).toBe(true);
    expect(await setVisibility("shown")).toEqual({ hidden: false });
    expect((await guideOf(shop.domain)).hidden).toBe(false);

    await setVisibility("hidden");
    await recordUninstall(shop.domain);
    expect((await guideOf(shop.domain)).hidden).toBe(false);
  });

  it("says it cannot see the theme until the merchant grants read_themes, then sees it (a scopes update)", async () => {
    const { simulator } = testContext();
    const shop = freshShop();
    await guideOf(shop.domain);
    // Installed before read_themes was added to shopify.app.toml: the token does not carry it.
    const before = simulator.appConfig.scopes.replace("read_themes,", "");
    for (const grant of shop.accessTokens.values()) grant.scope = before;
    await db().session.updateMany({ where: { shop: shop.domain }, data: { scope: before } });
    const guide = await guideOf(shop.domain);
    expect(guide.themeReadable).toBe(false);
    expect(guide.steps.find((s) => s.id === "theme")!.done).toBe(false);

    // Shopify asks the merchant for the new scope; on approval the token carries it and Orchard is told.
    await fetch(`${simulator.url}/_control/shops/${shop.domain}/scopes`, { method: "POST", body: "{}" });
    await settle();
    expect((await db().shop.findUniqueOrThrow({ where: { domain: shop.domain } })).scopes).toBe(simulator.appConfig.scopes);
    expect(await db().session.findMany({ where: { shop: shop.domain }, select: { scope: true } })).toEqual([
      { scope: simulator.appConfig.scopes },
    ]);
    expect((await guideOf(shop.domain)).themeReadable).toBe(true);
  });

  it("says checkout shows Orchard's offers on Shopify Plus only, and what works on other plans", async () => {
    expect((await guideOf(freshShop().domain)).checkoutOffers).toBe(false);
    const { shop: plus } = createShop({}, { plan: "plus", orchardBlocksInTheme: false });
    expect((await guideOf(plus.domain)).checkoutOffers).toBe(true);
  });

  it("refuses a deep link to a block the app does not have, as the theme editor does", async () => {
    const { simulator } = testContext();
    const shop = freshShop();
    const handle = shop.domain.replace(".myshopify.com", "");
    const unknown = await fetch(
      `${simulator.url}/store/${handle}/themes/current/editor?template=product&addAppBlockId=${TEST_API_KEY}/no-such-block&target=mainSection`,
    );
    expect(unknown.status).toBe(404);
    const otherApp = await fetch(
      `${simulator.url}/store/${handle}/themes/current/editor?template=product&addAppBlockId=another-app/subscribe-and-save&target=mainSection`,
    );
    expect(otherApp.status).toBe(404);
    expect(shop.theme.productBlocks).toEqual([]);
  });
});

describe("the suggested first plan", () => {
  it("offers every 2, 4 and 8 weeks at 10 % off, on the products customers bought again", async () => {
    const { simulator } = testContext();
    const shop = freshShop();
    const [coffee, tea, mug] = [...shop.products.values()];
    const buy = (email: string, product: typeof coffee) =>
      completeCheckout(simulator, shop, {
        email,
        lines: [{ variantId: product!.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
      });
    for (const email of ["ana@example.com", "ben@example.com"]) {
      await buy(email, tea);
      await buy(email, tea);
    }
    await buy("cy@example.com", coffee);
    await buy("cy@example.com", coffee);
    await buy("dee@example.com", mug);

    const suggested = () =>
      newPlanLoader({ request: adminFetchRequest("/app/plans/new?suggested=1", shop.domain), params: {}, context: {} });
    // Installed a moment ago: the history import is still running, so the latest orders are read.
    const page = await suggested();
    expect(await db().backfill.count({ where: { shop: shop.domain, status: "completed" } })).toBe(0);
    expect(page.products.map((p) => p.title)).toEqual([tea!.title, coffee!.title]);
    // Once the whole history is imported, the suggestion comes from it.
    await operationEnded(shop);
    await settle();
    expect(await db().backfill.count({ where: { shop: shop.domain, status: "completed" } })).toBe(1);
    expect((await suggested()).products.map((p) => p.title)).toEqual([tea!.title, coffee!.title]);
    expect(page.draft.frequencies.map((f) => [f.interval, f.intervalCount, f.discount])).toEqual([
      ["WEEK", 2, { type: "PERCENTAGE", value: "10" }],
      ["WEEK", 4, { type: "PERCENTAGE", value: "10" }],
      ["WEEK", 8, { type: "PERCENTAGE", value: "10" }],
    ]);
    // Without ?suggested the form starts as before, with no products.
    const plain = await newPlanLoader({ request: adminFetchRequest("/app/plans/new", shop.domain), params: {}, context: {} });
    expect(plain.products).toEqual([]);
  });
});
