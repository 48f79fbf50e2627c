import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { validatePlan, type FieldErrors, type PlanDraft } from "./plan-draft";
import { draftFromShopify, sellingPlanGroupInput } from "./plan-to-shopify";
import { registerPlanTranslations, shopLanguages, shopperText } from "./plan-translations.server";
import {
  PlanAddProducts,
  PlanCreate,
  PlanDelete,
  PlanDetail,
  PlanRemoveProducts,
  PlanUpdate,
  ProductSearch,
} from "./selling-plan-groups.queries";

/**
 * Subscription plans: Orchard's view of the selling plan groups it created. Shopify holds the truth;
 * the SubscriptionPlan rows mirror it for lists and reconciliation.
 */
export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; fieldErrors: FieldErrors; shopifyErrors: { field: string; message: string }[] };

async function currencyOf(shop: string): Promise<string> {
  return (await findShop(shop))?.currencyCode ?? "USD";
}

export async function listPlans(shop: string, search = "") {
  return db().subscriptionPlan.findMany({
    where: { shop, ...(search ? { name: { contains: search } } : {}) },
    orderBy: { createdAt: "desc" },
  });
}

async function mirror(shop: string, groupId: string, draft: PlanDraft, productCount: number) {
  const data = {
    name: draft.name,
    merchantCode: draft.merchantCode,
    frequencyCount: draft.frequencies.length,
    productCount,
    status: "active",
  };
  await db().subscriptionPlan.upsert({
    where: { shop_shopifyGroupId: { shop, shopifyGroupId: groupId } },
    create: { shop, shopifyGroupId: groupId, ...data },
    update: data,
  });
}

function refused(error: unknown): SaveResult {
  if (!(error instanceof ShopifyUserErrors)) throw error;
  return {
    ok: false,
    fieldErrors: {},
    shopifyErrors: error.userErrors.map((e) => ({ field: (e.field ?? []).join("."), message: e.message })),
  };
}

export async function createPlan(admin: AdminClient, draft: PlanDraft, productIds: string[]): Promise<SaveResult> {
  const fieldErrors = validatePlan(draft);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, shopifyErrors: [] };
  try {
    const [languages, currencyCode] = await Promise.all([shopLanguages(admin), currencyOf(admin.shop)]);
    const input = sellingPlanGroupInput(draft, shopperText(languages, currencyCode));
    // Group and products in one mutation: Shopify creates both or neither.
    const { sellingPlanGroupCreate } = await admin.request(PlanCreate, { input, resources: { productIds } });
    const group = sellingPlanGroupCreate!.sellingPlanGroup!;
    await mirror(admin.shop, group.id, draft, group.productsCount?.count ?? productIds.length);
    await registerPlanTranslations(admin, group.id, draft, languages, currencyCode);
    return { ok: true, id: group.id };
  } catch (error) {
    return refused(error);
  }
}

export async function updatePlan(admin: AdminClient, id: string, draft: PlanDraft, productIds: string[]): Promise<SaveResult> {
  const fieldErrors = validatePlan(draft);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, shopifyErrors: [] };
  try {
    const { sellingPlanGroup: current } = await admin.request(PlanDetail, { id });
    if (!current) return { ok: false, fieldErrors: {}, shopifyErrors: [{ field: "", message: "not found" }] };
    const existingPlanIds = current.sellingPlans.nodes.map((p) => p.id);
    const [languages, currencyCode] = await Promise.all([shopLanguages(admin), currencyOf(admin.shop)]);
    await admin.request(PlanUpdate, { id, input: sellingPlanGroupInput(draft, shopperText(languages, currencyCode), existingPlanIds) });
    const attached = new Set(current.products.nodes.map((p) => p.id));
    const toAdd = productIds.filter((p) => !attached.has(p));
    const toRemove = [...attached].filter((p) => !productIds.includes(p));
    if (toAdd.length) await admin.request(PlanAddProducts, { id, productIds: toAdd });
    if (toRemove.length) await admin.request(PlanRemoveProducts, { id, productIds: toRemove });
    await mirror(admin.shop, id, draft, productIds.length);
    await registerPlanTranslations(admin, id, draft, languages, currencyCode);
    return { ok: true, id };
  } catch (error) {
    return refused(error);
  }
}

export async function loadPlan(admin: AdminClient, id: string) {
  const { sellingPlanGroup } = await admin.request(PlanDetail, { id });
  if (!sellingPlanGroup) return null;
  return { draft: draftFromShopify(sellingPlanGroup), products: sellingPlanGroup.products.nodes };
}

/** Deletes in Shopify, then forgets the mirror rows; a group already gone in Shopify is forgotten too. */
export async function deletePlans(admin: AdminClient, planIds: string[]): Promise<number> {
  const plans = await db().subscriptionPlan.findMany({ where: { shop: admin.shop, id: { in: planIds } } });
  for (const plan of plans) {
    if (plan.status === "active") {
      try {
        await admin.request(PlanDelete, { id: plan.shopifyGroupId });
      } catch (error) {
        if (!(error instanceof ShopifyUserErrors) || !error.userErrors.some((e) => e.code === "GROUP_DOES_NOT_EXIST")) throw error;
      }
    }
    await db().subscriptionPlan.delete({ where: { id: plan.id } });
  }
  return plans.length;
}

export async function findPlan(shop: string, id: string) {
  return db().subscriptionPlan.findFirst({ where: { shop, id } });
}

export async function searchProducts(admin: AdminClient, search: string) {
  const { products } = await admin.request(ProductSearch, {
    query: search.trim() ? `title:*${search.trim().replace(/[^\p{L}\p{N} -]/gu, "")}*` : null,
  });
  return products.nodes.map((p) => ({ id: p.id, title: p.title, status: p.status, price: p.priceRangeV2.minVariantPrice.amount }));
}

/**
 * Reconciles every mirrored plan with Shopify (the merchant's "Sync", or after missed webhooks):
 * a group gone from Shopify is marked deleted, never recreated; the others take Shopify's values.
 */
export async function syncPlans(admin: AdminClient): Promise<void> {
  const plans = await db().subscriptionPlan.findMany({ where: { shop: admin.shop, status: "active" } });
  for (const plan of plans) {
    const { sellingPlanGroup } = await admin.request(PlanDetail, { id: plan.shopifyGroupId });
    await db().subscriptionPlan.update({
      where: { id: plan.id },
      data: sellingPlanGroup
        ? {
            name: sellingPlanGroup.name,
            frequencyCount: sellingPlanGroup.sellingPlans.nodes.length,
            productCount: sellingPlanGroup.products.nodes.length,
          }
        : { status: "deleted" },
    });
  }
}

/** selling_plan_groups/delete: the merchant or another app deleted the group in Shopify. */
export async function markPlanDeleted(shop: string, groupId: string): Promise<void> {
  await db().subscriptionPlan.updateMany({ where: { shop, shopifyGroupId: groupId }, data: { status: "deleted" } });
}

/** selling_plan_groups/update: follow the name and the product count Shopify now has. */
export async function refreshPlanFromWebhook(
  shop: string,
  groupId: string,
  name: string,
  productCount: number,
  frequencyCount: number,
): Promise<void> {
  await db().subscriptionPlan.updateMany({
    where: { shop, shopifyGroupId: groupId, status: "active" },
    data: { name, productCount, frequencyCount },
  });
}
