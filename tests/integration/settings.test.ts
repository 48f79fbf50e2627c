import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/app.settings";
import { action as emailsAction, loader as emailsLoader } from "../../app/routes/app.settings_.emails";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { loadEmailTemplates, loadSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { seedShop } from "../../simulator/seed";
import { adminFetchRequest, createShop, testContext } from "../support/context";

async function installedShop() {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 1, months: 0 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  return shop.domain;
}

const submit = (shop: string, fields: Record<string, string>) =>
  action({
    request: adminFetchRequest("/app/settings", shop, { method: "POST", body: new URLSearchParams(fields) }),
    params: {},
    context: {},
  });

const valid = {
  paymentRetryDays: "2, 5",
  paymentFinalAction: "cancel",
  inventoryRetryDays: "",
  inventoryFinalAction: "pause",
  upcomingOrderDays: "5",
  saveOfferPercent: "0",
  pauseOfferMonths: "3",
  // A discount taken waits two years before it is offered again; every other offer half a year.
  ...Object.fromEntries(["pause", "skip", "frequency", "swap", "freeProduct"].map((kind) => [`offerPeriod.${kind}`, "180"])),
  "offerPeriod.discount": "730",
  missedCycles: "skipAll",
  pausedSubscribers: "kept",
  // The merchant asks two reasons (and "other", always): price, answered by a skip then a pause; going away, by a pause.
  "flow.too_expensive.shown": "on",
  "flow.too_expensive.offer1": "skip",
  "flow.too_expensive.offer2": "pause",
  "flow.going_away.shown": "on",
  "flow.going_away.offer1": "pause",
  // What Shopify's product picker chose, as the form sends it.
  oneTimeProducts: JSON.stringify([{ id: "gid://shopify/Product/7", title: "Mug" }]),
  freeOfferProductId: "gid://shopify/Product/7",
};

describe("subscription settings", () => {
  it("start from the defaults and save what the merchant chose", async () => {
    const shop = await installedShop();
    const page = await loader({ request: adminFetchRequest("/app/settings", shop), params: {}, context: {} });
    expect(page.settings).toEqual(DEFAULT_SETTINGS);
    expect(await submit(shop, valid)).toEqual({ saved: true, errors: {} });
    expect(await loadSettings(shop)).toEqual({
      paymentRetryDays: [2, 5],
      paymentFinalAction: "cancel",
      inventoryRetryDays: [],
      inventoryFinalAction: "pause",
      upcomingOrderDays: 5,
      saveOfferPercent: 0,
      pauseOfferMonths: 3,
      saveOfferPeriods: { pause: 180, skip: 180, frequency: 180, swap: 180, discount: 730, freeProduct: 180 },
      missedCycles: "skipAll",
      cancellationFlow: {
        too_expensive: { shown: true, offers: ["skip", "pause"] },
        too_much_product: { shown: false, offers: [] },
        not_using: { shown: false, offers: [] },
        going_away: { shown: true, offers: ["pause"] },
        quality: { shown: false, offers: [] },
        other: { shown: true, offers: [] },
      },
      oneTimeProducts: [{ id: "gid://shopify/Product/7", title: "Mug" }],
      freeOfferProductId: "gid://shopify/Product/7",
      pausedSubscribers: "kept",
    });
  });

  it("refuse add-on products that are not products, too many or twice the same, and save nothing", async () => {
    const shop = await installedShop();
    const product = (n: number) => ({ id: `gid://shopify/Product/${n}`, title: `Product ${n}` });
    for (const products of [
      "not json",
      JSON.stringify([{ id: "gid://shopify/ProductVariant/1", title: "A variant" }]),
      JSON.stringify([{ id: "gid://shopify/Product/1", title: " " }]),
      JSON.stringify(Array.from({ length: 21 }, (_, n) => product(n))),
      JSON.stringify([product(1), product(1)]),
    ]) {
      expect(await submit(shop, { ...valid, oneTimeProducts: products })).toEqual({ saved: false, errors: { oneTimeProducts: "choice" } });
    }
    expect(await loadSettings(shop)).toEqual(DEFAULT_SETTINGS);
    // The free product given in the cancellation flow is one of the add-ons, or none.
    expect(await submit(shop, { ...valid, freeOfferProductId: "gid://shopify/Product/8" })).toEqual({
      saved: false,
      errors: { freeOfferProductId: "choice" },
    });
  });

  it("refuse an offer chosen twice for one reason, by its field, and save nothing", async () => {
    const shop = await installedShop();
    const result = await submit(shop, { ...valid, "flow.going_away.offer2": "pause" });
    expect(result).toEqual({ saved: false, errors: { "flow.going_away.offer2": "duplicateOffer" } });
    expect(await loadSettings(shop)).toEqual(DEFAULT_SETTINGS);
  });

  it("refuse a form with a bad field, say which, and save nothing", async () => {
    const shop = await installedShop();
    const result = await submit(shop, { ...valid, paymentRetryDays: "5, 2", inventoryFinalAction: "cancel" });
    expect(result).toEqual({ saved: false, errors: { paymentRetryDays: "retryDays", inventoryFinalAction: "finalAction" } });
    expect(await loadSettings(shop)).toEqual(DEFAULT_SETTINGS);
  });
});

describe("the subscription emails' wording", () => {
  const post = (shop: string, fields: Record<string, string>) =>
    emailsAction({
      request: adminFetchRequest("/app/settings/emails", shop, { method: "POST", body: new URLSearchParams(fields) }),
      params: {},
      context: {},
    });

  it("starts from Orchard's wording, saves the merchant's per kind and language, and puts Orchard's back on reset", async () => {
    const shop = await installedShop();
    const page = await emailsLoader({ request: adminFetchRequest("/app/settings/emails", shop), params: {}, context: {} });
    expect(page.templates.resumed.fr.subject).toBe("Votre abonnement {shop} a repris");
    expect(page.edited).toEqual([]);

    const resumed = {
      kind: "resumed",
      locale: "fr",
      intent: "save",
      subject: "De retour chez {shop} !",
      body: "Prochaine livraison le {date}.",
    };
    expect(await post(shop, resumed)).toEqual({ done: "saved", errors: {} });
    expect(await loadEmailTemplates(shop)).toEqual({
      resumed: { fr: { subject: "De retour chez {shop} !", body: "Prochaine livraison le {date}." } },
    });
    // The other settings are untouched, and the English email still reads as Orchard's.
    expect(await loadSettings(shop)).toEqual(DEFAULT_SETTINGS);
    const again = await emailsLoader({ request: adminFetchRequest("/app/settings/emails", shop), params: {}, context: {} });
    expect(again.edited).toEqual(["resumed:fr"]);
    expect(again.templates.resumed.en.subject).toBe("Your {shop} subscription is back");

    expect(await post(shop, { ...resumed, intent: "reset" })).toEqual({ done: "reset", errors: {} });
    expect(await loadEmailTemplates(shop)).toEqual({});
  });

  it("refuses a blank field or an unknown variable, field by field, and an email or language it does not know, saving nothing", async () => {
    const shop = await installedShop();
    expect(await post(shop, { kind: "paused", locale: "en", intent: "save", subject: "", body: "Until {price}" })).toEqual({
      done: null,
      errors: { subject: "required", body: "unknownVariable" },
    });
    for (const fields of [
      { kind: "changed", locale: "en" },
      { kind: "paused", locale: "de" },
      { kind: "paused", locale: "en", intent: "publish" },
    ])
      expect(await post(shop, { intent: "save", subject: "S", body: "B", ...fields })).toEqual({ done: null, errors: {} });
    expect(await loadEmailTemplates(shop)).toEqual({});
  });
});
