import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { action as createOffer } from "../../app/routes/app.protection.new";
import { action as editOffer } from "../../app/routes/app.protection.$id";
import { action as registrationAction, loader as registrationLoader } from "../../app/routes/app.protection.registrations.$id";
import { loader as exportLoader } from "../../app/routes/app.protection.registrations.export";
import { loader as registrationsLoader } from "../../app/routes/app.protection.registrations._index";
import { db } from "../../app/db.server";
import { FixedClock, replaceClock } from "../../app/clock";
import { formatMoneyMinor } from "../../app/money";
import { action as createPartner } from "../../app/routes/app.protection.partners.new";
import { action as editPartner } from "../../app/routes/app.protection.partners.$id";
import { loader as statementLoader } from "../../app/routes/app.protection.partners.$id_.statement";
import { loader as statementExport } from "../../app/routes/app.protection.partners.$id_.statement.export";
import { monthOf, shareOf } from "../../app/protection/partner-statement";
import { statementFor } from "../../app/protection/partners.server";
import { loader as whatIfLoader } from "../../app/routes/app.retention.what-if";
import { acceptGrowthPlan } from "../support/app-plan";
import { emptyOfferDraft, type OfferDraft } from "../../app/protection/offer";
import { completeCheckout } from "../../simulator/checkout";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { fulfilOrder, refundLines } from "../../simulator/orders";
import { loader as checkoutCatalog } from "../../app/routes/api.checkout.protection";
import { issueCustomerAccountToken } from "../../simulator/session-token";
import { adminFetchRequest, createShop, TEST_API_KEY, TEST_API_SECRET, testContext, postForm } from "../support/context";
import { settle } from "../support/subscriptions";

const threeBands = (): OfferDraft => ({
  ...emptyOfferDraft(),
  name: "Accident protection",
  coverage: "Drops, spills and cracked screens.",
  provider: "Orchard Demo Co.",
  termsUrl: "https://example.com/protection-terms",
  termMonths: [12, 24],
  bands: [
    { min: "0", max: "49.99", prices: { "12": "4.99", "24": "7.99" } },
    { min: "50", max: "149.99", prices: { "12": "9.99", "24": "14.99" } },
    { min: "150", max: "", prices: { "12": "19.99", "24": "29.99" } },
  ],
});

async function installedShop() {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 2, months: 0 });
  shop.ianaTimezone = "UTC";
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  return shop;
}

describe("protection offers", () => {
  it("create one Shopify product with a variant per term and band, not shipped, hidden from search, on the Online Store, and publish the storefront catalog", async () => {
    const shop = await installedShop();
    expect(await postForm(createOffer, "/app/protection/new", shop.domain, { offer: JSON.stringify(threeBands()) })).toEqual({
      redirect: "/app/protection?saved=1",
    });
    const product = [...shop.products.values()].find((p) => p.tags.includes("orchard-protection"))!;
    // Shopify will not add a variant of a product that is not on the Online Store to a cart.
    expect(product).toMatchObject({
      title: "Accident protection",
      productType: "Protection",
      status: "ACTIVE",
      publishedOnlineStore: true,
    });
    expect(product.options.map((o) => o.name)).toEqual(["Term", "Product price"]);
    expect(product.variants.map((v) => [v.title, v.priceMinor])).toEqual([
      ["1 year / $0.00–$49.99", 499],
      ["1 year / $50.00–$149.99", 999],
      ["1 year / $150.00 and above", 1999],
      ["2 years / $0.00–$49.99", 799],
      ["2 years / $50.00–$149.99", 1499],
      ["2 years / $150.00 and above", 2999],
    ]);
    expect(product.variants.every((v) => !v.requiresShipping && v.taxable)).toBe(true);
    expect(product.metafields).toContainEqual(expect.objectContaining({ namespace: "seo", key: "hidden", value: "1" }));
    expect([...shop.collections.values()].some((c) => c.productIds.includes(product.id))).toBe(false);
    const catalog = JSON.parse(shop.appMetafields.find((m) => m.namespace === "protection" && m.key === "offers")!.value);
    expect(catalog.offers[0].bands[1]).toEqual({
      min: 5000,
      max: 14999,
      variants: [
        { months: 12, term: "1 year", id: String(product.variants[1]!.id), price: 999 },
        { months: 24, term: "2 years", id: String(product.variants[4]!.id), price: 1499 },
      ],
    });

    // Editing keeps the variants whose term and band did not change (carts holding them stay valid).
    const offer = (await db().protectionOffer.findFirst({ where: { shop: shop.domain } }))!;
    const kept = product.variants[0]!.id;
    const edited = {
      ...threeBands(),
      termMonths: [12, 24, 36],
      bands: threeBands().bands.map((b) => ({ ...b, prices: { ...b.prices, "36": "39.99" } })),
    };
    expect(
      await postForm(editOffer, `/app/protection/${offer.id}`, shop.domain, { offer: JSON.stringify(edited) }, { id: offer.id }),
    ).toEqual({
      redirect: "/app/protection?saved=1",
    });
    expect(shop.products.get(product.id)!.variants).toHaveLength(9);
    expect(shop.products.get(product.id)!.variants[0]!.id).toBe(kept);
  });

  it("give a single-band offer's variants the term alone: themes print every option on the cart line, and one band says nothing", async () => {
    const shop = await installedShop();
    const oneBand = { ...threeBands(), bands: [{ min: "0", max: "", prices: { "12": "4.99", "24": "7.99" } }] };
    await postForm(createOffer, "/app/protection/new", shop.domain, { offer: JSON.stringify(oneBand) });
    const product = [...shop.products.values()].find((p) => p.tags.includes("orchard-protection"))!;
    expect(product.options.map((o) => o.name)).toEqual(["Term"]);
    expect(product.variants.map((v) => v.title)).toEqual(["1 year", "2 years"]);

    // A second band brings the price option back; the first band's variants keep their ids.
    const offer = (await db().protectionOffer.findFirst({ where: { shop: shop.domain } }))!;
    const kept = product.variants.map((v) => v.id);
    await postForm(editOffer, `/app/protection/${offer.id}`, shop.domain, { offer: JSON.stringify(threeBands()) }, { id: offer.id });
    const edited = shop.products.get(product.id)!;
    expect(edited.options.map((o) => o.name)).toEqual(["Term", "Product price"]);
    expect(edited.variants.map((v) => v.title)).toContain("1 year / $0.00–$49.99");
    expect(kept.every((id) => edited.variants.some((v) => v.id === id))).toBe(true);
  });

  it("serve the checkout extension the catalog of the shop its session token names, and refuse a forged token", async () => {
    const shop = await installedShop();
    await postForm(createOffer, "/app/protection/new", shop.domain, { offer: JSON.stringify(threeBands()) });
    const fromCheckout = (secret: string) =>
      new Request("https://orchard.example.com/api/checkout/protection", {
        headers: {
          authorization: `Bearer ${issueCustomerAccountToken({ shop: shop.domain, apiKey: TEST_API_KEY, secret, customerId: null, nowSeconds: Math.floor(Date.now() / 1000) })}`,
          origin: "https://extensions.shopifycdn.com",
        },
      });
    const response = await checkoutCatalog({ request: fromCheckout(TEST_API_SECRET), params: {}, context: {} });
    expect(response.status).toBe(200);
    const catalog = await response.json();
    expect(catalog.offers.map((o: { name: string }) => o.name)).toEqual(["Accident protection"]);
    await expect(checkoutCatalog({ request: fromCheckout("not-the-app-secret"), params: {}, context: {} })).rejects.toMatchObject({
      status: 401,
    });
  });

  it("refuse an offer with more variants than Shopify allows, per field, and create nothing", async () => {
    const shop = await installedShop();
    const bands = Array.from({ length: 410 }, (_, i) => ({
      min: `${i * 10}`,
      max: `${i * 10 + 9}.99`,
      prices: { "12": "1", "24": "2", "36": "3", "48": "4", "60": "5" },
    }));
    const result = await postForm(createOffer, "/app/protection/new", shop.domain, {
      offer: JSON.stringify({ ...threeBands(), termMonths: [12, 24, 36, 48, 60], bands }),
    });
    expect(result).toEqual({ ok: false, fieldErrors: { bands: "tooManyVariants" }, shopifyErrors: [] });
    expect([...shop.products.values()].some((p) => p.tags.includes("orchard-protection"))).toBe(false);
    expect(await db().protectionOffer.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await postForm(createOffer, "/app/protection/new", shop.domain, { offer: "{not json" })).toEqual({
      formInvalid: true,
      fieldErrors: {},
      shopifyErrors: [],
    });
  });
});

/**
 * An order of `quantity` kettles, each with two years of the shop's add-on: a new shop with the
 * three-band protection offer unless given a shop (with its offer) or the offer to create.
 */
async function protectedOrder(quantity: number, given: { shop?: ShopRecord; offer?: OfferDraft } = {}) {
  const { simulator } = testContext();
  const shop = given.shop ?? (await installedShop());
  if ((await db().protectionOffer.count({ where: { shop: shop.domain } })) === 0) {
    await postForm(createOffer, "/app/protection/new", shop.domain, { offer: JSON.stringify(given.offer ?? threeBands()) });
  }
  const kettle = [...shop.products.values()].find((p) => p.variants[0]!.priceMinor >= 5000 && !p.tags.includes("orchard-protection"))!;
  const protection = [...shop.products.values()].find((p) => p.tags.includes("orchard-protection"))!;
  const bandVariant = protection.variants.find(
    (v) => v.title.startsWith("2 years") && v.priceMinor === (kettle.variants[0]!.priceMinor >= 15000 ? 2999 : 1499),
  )!;
  const { order } = await completeCheckout(simulator, shop, {
    email: `protected@${shop.domain.replace(".myshopify.com", "")}.example`,
    lines: [
      { variantId: kettle.variants[0]!.id, quantity, sellingPlanId: null, properties: { _orchard_link: "L1" } },
      { variantId: bandVariant.id, quantity, sellingPlanId: null, properties: { _orchard_protects: "L1", Protects: kettle.title } },
    ],
  });
  await settle();
  return { shop, order, kettle, bandVariant };
}

describe("protection registrations", () => {
  it("register one row per protected unit, with the price paid and two years of cover; a repeated webhook adds nothing", async () => {
    const { shop, order, kettle, bandVariant } = await protectedOrder(2);
    const rows = await db().protectionRegistration.findMany({ where: { shop: shop.domain }, orderBy: { unit: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      orderName: `#${order.number}`,
      unit: 1,
      priceMinor: bandVariant.priceMinor,
      termMonths: 24,
      protectedVariantId: String(kettle.variants[0]!.id),
      startBasis: "order",
      status: "active",
    });
    const expected = new Date(order.createdAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 2);
    expect(rows[0]!.expiresAt).toEqual(expected);

    const { simulator } = testContext();
    await simulator.webhooks.send(shop.domain, "orders/paid", (await import("../../simulator/webhook-payloads")).orderPayload(shop, order));
    await settle();
    expect(await db().protectionRegistration.count({ where: { shop: shop.domain } })).toBe(2);
  });

  it("start cover at fulfilment, end one unit with a refund, and follow an approved claim", async () => {
    const { simulator } = testContext();
    const { shop, order } = await protectedOrder(2);
    await simulator.setFlowWorkflow(shop, "claim-filed", true);
    simulator.clock.advance(3 * 86_400_000);
    await fulfilOrder(simulator, shop, order);
    const protectionLine = order.lines[1]!;
    await refundLines(simulator, shop, order, [{ lineId: protectionLine.id, quantity: 1 }]);
    await settle();
    const rows = await db().protectionRegistration.findMany({ where: { shop: shop.domain }, orderBy: { unit: "asc" } });
    expect(rows.map((r) => [r.unit, r.status, r.startBasis])).toEqual([
      [1, "active", "fulfilment"],
      [2, "refunded", "fulfilment"],
    ]);
    expect(rows[0]!.startsAt).toEqual(order.fulfilledAt);

    const request = (fields: Record<string, string>) =>
      registrationAction({
        request: adminFetchRequest(`/app/protection/registrations/${rows[0]!.id}`, shop.domain, {
          method: "POST",
          body: new URLSearchParams(fields),
        }),
        params: { id: rows[0]!.id },
        context: {},
      });
    expect(await request({ reason: "theft", photosUrl: "http://insecure.example", notes: "" })).toEqual({
      done: null,
      errors: { photosUrl: "photosUrl", notes: "notes" },
    });
    expect(await request({ reason: "accidental_damage", photosUrl: "https://photos.example/1", notes: "Dropped on tiles." })).toEqual({
      done: "filed",
      errors: {},
    });
    const claim = (await db().protectionClaim.findFirst({ where: { registrationId: rows[0]!.id } }))!;
    // The merchant's Shopify Flow workflow hears of the claim once, with the order and the customer.
    await settle();
    expect(shop.flowTriggerRuns.map((run) => [run.handle, run.payload])).toEqual([
      ["claim-filed", { customer_id: order.customerId, order_id: order.id, "claim reason": "accidental_damage" }],
    ]);
    expect(await request({ intent: "decide", claimId: claim.id, decision: "approved", note: "" })).toEqual({ done: "decided", errors: {} });
    expect(await request({ intent: "decide", claimId: claim.id, decision: "denied", note: "" })).toEqual({ done: "notOpen", errors: {} });
    expect((await db().protectionRegistration.findUnique({ where: { id: rows[0]!.id } }))!.status).toBe("claimed");

    // Another shop sees none of it.
    const other = await installedShop();
    await expect(
      registrationLoader({
        request: adminFetchRequest(`/app/protection/registrations/${rows[0]!.id}`, other.domain),
        params: { id: rows[0]!.id },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });

    const csv = await (
      await exportLoader({
        request: adminFetchRequest("/app/protection/registrations/export?status=claimed", shop.domain),
        params: {},
        context: {},
      })
    ).text();
    expect(csv.split("\r\n")[0]).toBe(
      '"Order","Unit","Ordered","Customer","Email","Protected item","Offer","Term (months)","Price paid","Currency","Cover starts","Cover ends","Status"',
    );
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(csv).toContain(',"Claimed"\r\n');
  });

  it("project the add-ons' revenue at another price from what they sold, on the what-if page", async () => {
    const { shop, bandVariant } = await protectedOrder(2);
    await acceptGrowthPlan(shop.domain);
    const page = await whatIfLoader({
      request: adminFetchRequest("/app/retention/what-if?addOnPrice=10&addOnElasticity=1", shop.domain),
      params: {},
      context: {},
    });
    if (page.locked) throw new Error("what-if pricing is locked for this shop");
    expect(page.addOns.history).toMatchObject({ soldUnits: 2, revenueMinor: 2 * bandVariant.priceMinor });
    // 10 % dearer, elasticity 1: 90 % of the buyers at 110 % of the price, a third of the three months' revenue a month.
    expect(page.addOns.projection![0]).toEqual({
      month: 1,
      baselineMinor: Math.round((2 * bandVariant.priceMinor) / 3),
      projectedMinor: Math.round((2 * bandVariant.priceMinor * 1.1 * 0.9) / 3),
    });
    const refused = await whatIfLoader({
      request: adminFetchRequest("/app/retention/what-if?addOnPrice=-95&addOnElasticity=1", shop.domain),
      params: {},
      context: {},
    });
    expect(!refused.locked && refused.addOns).toMatchObject({ fieldErrors: { priceChangeBp: "priceChange" }, projection: null });
  });

  it("find registrations by order, email or item, whatever the case, and take % and _ as themselves", async () => {
    const { shop, order, kettle } = await protectedOrder(1);
    const found = async (query: string) => {
      const page = await registrationsLoader({
        request: adminFetchRequest(`/app/protection/registrations?query=${encodeURIComponent(query)}`, shop.domain),
        params: {},
        context: {},
      });
      return page.registrations.length;
    };
    const email = `PROTECTED@${shop.domain.replace(".myshopify.com", "").toUpperCase()}.EXAMPLE`;
    expect([
      await found(`#${order.number}`),
      await found(email),
      await found(kettle.title.toLowerCase()),
      await found("%"),
      await found("_"),
    ]).toEqual([1, 1, 1, 0, 0]);
  });

  it("cancel the cover of a cancelled order", async () => {
    const { simulator } = testContext();
    const { shop, order } = await protectedOrder(1);
    const { cancelOrder } = await import("../../simulator/orders");
    await cancelOrder(simulator, shop, order);
    await settle();
    expect((await db().protectionRegistration.findMany({ where: { shop: shop.domain } })).map((r) => r.status)).toEqual(["cancelled"]);
  });
});

describe("add-ons provided by partners", () => {
  const partnerFields = {
    name: "Fixit Services",
    revenueShare: "25",
    statementEmail: "statements@fixit.example",
    claimsEmail: "claims@fixit.example",
    routeClaims: "on",
    locale: "en",
  };

  async function shopWithPartner() {
    const shop = await installedShop();
    expect(await postForm(createPartner, "/app/protection/partners/new", shop.domain, partnerFields)).toEqual({
      redirect: "/app/protection/partners?saved=1",
    });
    const partner = (await db().partner.findFirst({ where: { shop: shop.domain } }))!;
    const support: OfferDraft = { ...threeBands(), kind: "premium_support", name: "Premium support", provider: "", partnerId: partner.id };
    return { shop, partner, support };
  }

  it("refuse a share outside 0–100 %, per field, and save nothing", async () => {
    const shop = await installedShop();
    for (const revenueShare of ["101", "-5", "abc"]) {
      expect(await postForm(createPartner, "/app/protection/partners/new", shop.domain, { ...partnerFields, revenueShare })).toEqual({
        errors: { revenueShare: "shareInvalid" },
        fields: { ...partnerFields, revenueShare, routeClaims: true },
      });
    }
    expect(
      await postForm(createPartner, "/app/protection/partners/new", shop.domain, { ...partnerFields, routeClaims: "on", claimsEmail: "" }),
    ).toMatchObject({
      errors: { claimsEmail: "claimsEmailRequired" },
    });
    expect(await db().partner.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("refuse another shop's partner on an offer, and create nothing in Shopify", async () => {
    const { partner } = await shopWithPartner();
    const shop = await installedShop();
    expect(
      await postForm(createOffer, "/app/protection/new", shop.domain, {
        offer: JSON.stringify({ ...threeBands(), partnerId: partner.id }),
      }),
    ).toEqual({ ok: false, fieldErrors: { partnerId: "partnerUnknown" }, shopifyErrors: [] });
    expect([...shop.products.values()].some((p) => p.tags.includes("orchard-protection"))).toBe(false);
    await expect(
      statementLoader({
        request: adminFetchRequest(`/app/protection/partners/${partner.id}/statement`, shop.domain),
        params: { id: partner.id },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("sell premium support in the shopper's words, keep each sale's share, and account for it month by month", async () => {
    const { shop, partner, support } = await shopWithPartner();
    const { order, bandVariant } = await protectedOrder(1, { shop, offer: support });
    const product = [...shop.products.values()].find((p) => p.tags.includes("orchard-protection"))!;
    expect(product.productType).toBe("Premium support");
    const catalog = JSON.parse(shop.appMetafields.find((m) => m.namespace === "protection" && m.key === "offers")!.value);
    // No provider typed: the storefront names the partner.
    expect(catalog.offers[0]).toMatchObject({ kind: "premium_support", name: "Premium support", provider: "Fixit Services" });

    // The share changes: what was sold keeps 25 %, what sells next takes 50 %.
    await postForm(
      editPartner,
      `/app/protection/partners/${partner.id}`,
      shop.domain,
      { ...partnerFields, revenueShare: "50" },
      { id: partner.id },
    );
    const second = await protectedOrder(1, { shop });
    const rows = await db().protectionRegistration.findMany({ where: { shop: shop.domain }, orderBy: { orderedAt: "asc" } });
    expect(rows.map((r) => [r.partnerId, r.partnerShareBasisPoints])).toEqual([
      [partner.id, 2_500],
      [partner.id, 5_000],
    ]);
    await refundLines(testContext().simulator, shop, second.order, [{ lineId: second.order.lines[1]!.id, quantity: 1 }]);
    await settle();

    const month = monthOf(new Date(order.createdAt), "UTC");
    const price = bandVariant.priceMinor;
    const statement = await statementFor(shop.domain, partner.id, month);
    expect(statement.totals).toEqual([
      {
        currencyCode: "USD",
        sold: 2,
        reversed: 1,
        salesMinor: 2 * price,
        reversalsMinor: -price,
        netMinor: price,
        shareMinor: shareOf(price, 2_500),
      },
    ]);
    const csv = await (
      await statementExport({
        request: adminFetchRequest(`/app/protection/partners/${partner.id}/statement/export?month=${month}`, shop.domain),
        params: { id: partner.id },
        context: {},
      })
    ).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(csv.split("\r\n")[0]).toBe('"Date","Entry","Order","Add-on","Item","Term (months)","Amount","Partner\'s share","Currency"');
    expect(csv).toContain(`"Reversal","#${second.order.number}","Premium support"`);

    // A claim on it goes to the partner, once.
    const registration = rows[0]!;
    await registrationAction({
      request: adminFetchRequest(`/app/protection/registrations/${registration.id}`, shop.domain, {
        method: "POST",
        body: new URLSearchParams({ reason: "malfunction", photosUrl: "", notes: "It stopped heating." }),
      }),
      params: { id: registration.id },
      context: {},
    });
    await settle();
    const mailbox = testContext().simulator.mailbox;
    const [claimEmail, ...more] = mailbox.to("claims@fixit.example");
    expect(more).toEqual([]);
    expect(claimEmail!.subject).toBe(`${shop.name}: a claim on order #${order.number}`);
    expect(claimEmail!.text).toContain("It stopped heating.");

    // When the month has ended in the shop's zone the partner gets its statement, once.
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    const restore = replaceClock(new FixedClock(new Date(Date.UTC(year, monthNumber, 1, 1))));
    try {
      await settle();
      await settle();
    } finally {
      restore();
    }
    const statements = mailbox.to("statements@fixit.example");
    expect(statements).toHaveLength(1);
    expect(statements[0]!.text).toContain(`Your share: ${formatMoneyMinor(shareOf(price, 2_500), "USD", "en")}`);
    expect(await db().partnerStatement.count({ where: { partnerId: partner.id } })).toBe(1);
  });
});
