import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { action as newPlanAction } from "../../app/routes/app.plans.new";
import { loader as editPlanLoader } from "../../app/routes/app.plans.$id";
import { action as plansAction } from "../../app/routes/app.plans._index";
import { db } from "../../app/db.server";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { createPlan, listPlans, updatePlan } from "../../app/subscriptions/plans.server";
import { emptyDraft } from "../../app/subscriptions/plan-form-data";
import { processInbox } from "../../app/webhooks/inbox.server";
import { TranslationsRegister } from "../../app/subscriptions/plan-translations.queries";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { seedShop } from "../../simulator/seed";
import { gid } from "../../simulator/ids";
import { adminFetchRequest, createShop, testContext, webhookRequest } from "../support/context";
import { orchardDefaultPlan } from "../support/subscriptions";

async function installedShop() {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 2, months: 1 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  return shop;
}

const noProducts = { productIds: [], variantIds: [] };

function planForm(plan: unknown, productIds: unknown = []): FormData {
  const form = new FormData();
  form.set("plan", JSON.stringify(plan));
  form.set("productIds", JSON.stringify(productIds));
  return form;
}

async function post(shop: string, form: FormData) {
  try {
    return await newPlanAction({
      request: adminFetchRequest("/app/plans/new", shop, { method: "POST", body: form }),
      params: {},
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("subscription plans against Shopify's selling plan API", () => {
  it("creates the group with its products in one mutation and mirrors it", async () => {
    const shop = await installedShop();
    const product = [...shop.products.values()][0]!;
    const response = await post(shop.domain, planForm(emptyDraft(), [gid("Product", product.id)]));
    expect((response as Response).status).toBe(302);
    const [group] = [...shop.sellingPlanGroups.values()];
    expect(group).toMatchObject({ name: "Subscribe and save", productIds: [product.id] });
    expect(await listPlans(shop.domain)).toMatchObject([
      { shopifyGroupId: gid("SellingPlanGroup", group!.id), frequencyCount: 2, productCount: 1, status: "active" },
    ]);
  });

  it("refuses invalid fields with per-field codes and sends nothing to Shopify", async () => {
    const shop = await installedShop();
    const result = await post(shop.domain, planForm({ ...emptyDraft(), name: "", frequencies: [] }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: "required", frequencies: "frequencyCount" } });
    expect(shop.sellingPlanGroups.size).toBe(0);
  });

  it("refuses a body that is not a plan at all", async () => {
    const shop = await installedShop();
    const form = new FormData();
    form.set("plan", "{not json");
    expect(await post(shop.domain, form)).toMatchObject({ formInvalid: true });
    expect(await post(shop.domain, planForm({ ...emptyDraft(), frequencies: "weekly" }))).toMatchObject({ formInvalid: true });
    expect(await post(shop.domain, planForm(emptyDraft(), ["gid://shopify/Order/1"]))).toMatchObject({ formInvalid: true });
    expect(shop.sellingPlanGroups.size).toBe(0);
  });

  it("shows Shopify's userErrors and saves nothing when Shopify refuses the change", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const result = await createPlan(admin, emptyDraft(), { productIds: ["gid://shopify/Product/999999999"], variantIds: [] });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {},
      shopifyErrors: [{ field: "products", message: "Resource list contains invalid ids" }],
    });
    expect(shop.sellingPlanGroups.size).toBe(0);
    expect(await db().subscriptionPlan.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("shows a plan deleted in Shopify as deleted, and never recreates it", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const created = await createPlan(admin, emptyDraft(), noProducts);
    if (!created.ok) throw new Error("plan not created");
    const groupId = Number(created.id.split("/").pop());
    shop.sellingPlanGroups.delete(groupId);

    const request = webhookRequest({
      shop: shop.domain,
      topic: "selling_plan_groups/delete",
      payload: { admin_graphql_api_id: created.id, id: groupId },
      webhookId: randomUUID(),
    });
    expect((await webhookAction({ request, params: {}, context: {} })).status).toBe(200);
    await processInbox();

    const [plan] = await listPlans(shop.domain);
    expect(plan!.status).toBe("deleted");
    const page = await editPlanLoader({
      request: adminFetchRequest(`/app/plans/${plan!.id}`, shop.domain),
      params: { id: plan!.id },
      context: {},
    });
    expect(page.loaded).toBeNull();
    expect(shop.sellingPlanGroups.size).toBe(0);
  });

  it("follows a group changed in Shopify from its update webhook, which names no products, reading the group again", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const [first, second] = [...shop.products.values()];
    const created = await createPlan(admin, emptyDraft(), { productIds: [gid("Product", first!.id)], variantIds: [] });
    if (!created.ok) throw new Error("plan not created");
    const group = shop.sellingPlanGroups.get(Number(created.id.split("/").pop()))!;
    // Shopify's payload as its subscriptions reference app's fixtures show it: the group and its plans, no products.
    const payload = {
      id: group.id,
      admin_graphql_api_id: created.id,
      admin_graphql_api_app: null,
      name: group.name,
      merchant_code: group.merchantCode,
      options: group.options,
      selling_plans: group.sellingPlans.map((plan) => ({ name: plan.name, options: plan.options, description: plan.description })),
    };
    const deliver = async (body: unknown) => {
      const request = webhookRequest({ shop: shop.domain, topic: "selling_plan_groups/update", payload: body, webhookId: randomUUID() });
      expect((await webhookAction({ request, params: {}, context: {} })).status).toBe(200);
      await processInbox();
    };
    const stale = { ...payload, name: "An older name" };

    // In Shopify's admin: renamed, and sold on one variant of a second product as well.
    group.name = "Coffee club";
    group.variantIds = [second!.variants[0]!.id];
    await deliver({ ...payload, name: "Coffee club" });
    expect((await listPlans(shop.domain))[0]).toMatchObject({
      name: "Coffee club",
      productCount: 2,
      frequencyCount: group.sellingPlans.length,
    });

    // An older delivery arriving late changes nothing: what Shopify has now is what counts.
    await deliver(stale);
    expect((await listPlans(shop.domain))[0]).toMatchObject({ name: "Coffee club", productCount: 2 });
  });

  it("does not show one shop's plan to another shop", async () => {
    const owner = await installedShop();
    const created = await createPlan(await backgroundAdmin(owner.domain), emptyDraft(), noProducts);
    expect(created.ok).toBe(true);
    const [plan] = await listPlans(owner.domain);
    const other = await installedShop();
    const response = await editPlanLoader({
      request: adminFetchRequest(`/app/plans/${plan!.id}`, other.domain),
      params: { id: plan!.id },
      context: {},
    }).catch((r: Response) => r);
    expect((response as Response).status).toBe(404);
  });
});

describe("syncing plans with Shopify", () => {
  it("follows renames and deletions made in Shopify without recreating anything", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const kept = await createPlan(admin, { ...emptyDraft(), name: "Kept" }, noProducts);
    const gone = await createPlan(admin, { ...emptyDraft(), name: "Gone" }, noProducts);
    if (!kept.ok || !gone.ok) throw new Error("plans not created");
    shop.sellingPlanGroups.get(Number(kept.id.split("/").pop()))!.name = "Renamed in Shopify";
    shop.sellingPlanGroups.delete(Number(gone.id.split("/").pop()));

    const form = new FormData();
    form.set("intent", "sync");
    expect(
      await plansAction({ request: adminFetchRequest("/app/plans", shop.domain, { method: "POST", body: form }), params: {}, context: {} }),
    ).toEqual({ synced: true });

    const plans = await listPlans(shop.domain);
    expect(plans.map((p) => [p.name, p.status]).sort()).toEqual([
      ["Gone", "deleted"],
      ["Renamed in Shopify", "active"],
    ]);
    expect(shop.sellingPlanGroups.size).toBe(1);
  });
});

describe("plan text in the shopper's language", () => {
  it("registers French translations of every frequency with Shopify, which the French storefront shows", async () => {
    const shop = await installedShop();
    const product = [...shop.products.values()][0]!;
    const group = await orchardDefaultPlan(shop, product);
    const french = shop.translations.get(gid("SellingPlan", group.sellingPlans[0]!.id))?.get("fr");
    expect(french?.get("name")?.value).toBe("Livraison toutes les 2 semaines · Économisez 10\u00a0%");
    expect(french?.get("option1")?.value).toBe("2 semaines");

    const { simulator } = testContext();
    const store = shop.domain.replace(".myshopify.com", "");
    const page = await (await fetch(`${simulator.url}/storefront/${store}/products/${product.handle}?locale=fr`)).text();
    expect(page).toContain("Livraison toutes les 2 semaines · Économisez 10\u00a0%");
    expect(page).toContain("Options d'achat");
  });

  it("still creates the plan, untranslated, in a store that has not yet approved read_locales", async () => {
    const shop = await installedShop();
    for (const grant of shop.accessTokens.values()) grant.scope = grant.scope.replace(",read_locales", "");
    const product = [...shop.products.values()][0]!;
    const group = await orchardDefaultPlan(shop, product);
    expect(group.sellingPlans[0]!.name).toBe("Deliver every 2 weeks · Save 10%");
    expect(shop.translations.get(gid("SellingPlan", group.sellingPlans[0]!.id))).toBeUndefined();
  });

  it("refuses a translation of content that has changed since (stale digest)", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const created = await createPlan(admin, emptyDraft(), noProducts);
    if (!created.ok) throw new Error("plan not created");
    const planId = gid("SellingPlan", shop.sellingPlanGroups.get(Number(created.id.split("/").pop()))!.sellingPlans[0]!.id);
    const error = await admin
      .request(TranslationsRegister, {
        resourceId: planId,
        translations: [{ locale: "fr", key: "name", value: "Ancien", translatableContentDigest: "0".repeat(64) }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ userErrors: [{ code: "INVALID_TRANSLATABLE_CONTENT" }] });
  });
});

describe("product search where the resource picker is unavailable", () => {
  it("finds the shop's products by title, and only the shop's", async () => {
    const shop = await installedShop();
    const { loader } = await import("../../app/routes/app.plans.products");
    const result = await loader({
      request: adminFetchRequest("/app/plans/products?query=house%20blend", shop.domain),
      params: {},
      context: {},
    });
    expect(result.products.map((p) => p.title)).toEqual(["House Blend Coffee Beans"]);
    expect(result.products[0]!.id).toBe(
      gid("Product", [...shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!.id),
    );
  });
});

describe("what a plan applies to", () => {
  it("attaches single variants, switches to whole products, and shows a product deleted in Shopify", async () => {
    const shop = await installedShop();
    const admin = await backgroundAdmin(shop.domain);
    const [coffee, tea] = [...shop.products.values()];
    const created = await createPlan(admin, emptyDraft(), { productIds: [], variantIds: [gid("ProductVariant", coffee!.variants[1]!.id)] });
    if (!created.ok) throw new Error("plan not created");
    const group = shop.sellingPlanGroups.get(Number(created.id.split("/").pop()))!;
    expect(group).toMatchObject({ productIds: [], variantIds: [coffee!.variants[1]!.id] });

    const [plan] = await listPlans(shop.domain);
    expect(
      await updatePlan(admin, created.id, emptyDraft(), {
        productIds: [gid("Product", coffee!.id), gid("Product", tea!.id)],
        variantIds: [],
      }),
    ).toEqual({
      ok: true,
      id: created.id,
    });
    expect(shop.sellingPlanGroups.get(group.id)).toMatchObject({ productIds: [coffee!.id, tea!.id], variantIds: [] });
    expect((await listPlans(shop.domain))[0]).toMatchObject({ productCount: 2 });

    // Shopify deletes a product: it leaves every selling plan group without a word.
    shop.products.delete(tea!.id);
    shop.sellingPlanGroups.get(group.id)!.productIds = [coffee!.id];
    const page = await editPlanLoader({
      request: adminFetchRequest(`/app/plans/${plan!.id}`, shop.domain),
      params: { id: plan!.id },
      context: {},
    });
    expect(page.loaded?.products.map((p) => p.title)).toEqual([coffee!.title]);
    expect(page.loaded?.deletedProducts).toEqual([{ id: gid("Product", tea!.id), title: tea!.title }]);
  });
});
