import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { planProductCount } from "./plan-product-count";
import { validatePlan, type Attachments, type FieldErrors, type PlanDraft } from "./plan-draft";
import { draftFromShopify, formPathOf, sellingPlanGroupInput } from "./plan-to-shopify";
import { registerPlanTranslations, shopLanguages, shopperText } from "./plan-translations.server";
import {
  PlanAddProducts,
  PlanAddVariants,
  PlanCreate,
  PlanDelete,
  PlanDetail,
  PlanSummary,
  PlanRemoveProducts,
  PlanRemoveVariants,
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

/** Mirrors the group as Shopify now has it, remembering which products Orchard attached. */
async function mirror(admin: AdminClient, groupId: string, draft: PlanDraft) {
  const { sellingPlanGroup } = await admin.request(PlanDetail, { id: groupId });
  const products = sellingPlanGroup?.products.nodes ?? [];
  const shop = admin.shop;
  const data = {
    name: draft.name,
    merchantCode: draft.merchantCode,
    frequencyCount: draft.frequencies.length,
    productCount: sellingPlanGroup ? planProductCount(sellingPlanGroup) : 0,
    attachedProducts: JSON.stringify(products.map(({ id, title }) => ({ id, title }))),
    status: "active",
  };
  await db().subscriptionPlan.upsert({
    where: { shop_shopifyGroupId: { shop, shopifyGroupId: groupId } },
    create: { shop, shopifyGroupId: groupId, ...data },
    update: data,
  });
}

/** Shopify refused the change: its messages, each placed on the form field it concerns where there is one. */
function refused(error: unknown, draft: PlanDraft): SaveResult {
  if (!(error instanceof ShopifyUserErrors)) throw error;
  return {
    ok: false,
    fieldErrors: {},
    shopifyErrors: error.userErrors.map((e) => ({ field: formPathOf(e.field, draft) ?? (e.field ?? []).join("."), message: e.message })),
  };
}

export async function createPlan(admin: AdminClient, draft: PlanDraft, attachments: Attachments): Promise<SaveResult> {
  const fieldErrors = validatePlan(draft);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, shopifyErrors: [] };
  try {
    const [languages, currencyCode] = await Promise.all([shopLanguages(admin), currencyOf(admin.shop)]);
    const input = sellingPlanGroupInput(draft, shopperText(languages, currencyCode));
    // Group, products and variants in one mutation: Shopify creates all or nothing.
    const resources = { productIds: attachments.productIds, productVariantIds: attachments.variantIds };
    const { sellingPlanGroupCreate } = await admin.request(PlanCreate, { input, resources });
    const group = sellingPlanGroupCreate!.sellingPlanGroup!;
    await mirror(admin, group.id, draft);
    await registerPlanTranslations(admin, group.id, draft, languages, currencyCode);
    return { ok: true, id: group.id };
  } catch (error) {
    return refused(error, draft);
  }
}

export async function updatePlan(admin: AdminClient, id: string, draft: PlanDraft, attachments: Attachments): Promise<SaveResult> {
  const fieldErrors = validatePlan(draft);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, shopifyErrors: [] };
  try {
    const { sellingPlanGroup: current } = await admin.request(PlanDetail, { id });
    if (!current) return { ok: false, fieldErrors: {}, shopifyErrors: [{ field: "", message: "not found" }] };
    const existingPlanIds = current.sellingPlans.nodes.map((p) => p.id);
    const [languages, currencyCode] = await Promise.all([shopLanguages(admin), currencyOf(admin.shop)]);
    await admin.request(PlanUpdate, { id, input: sellingPlanGroupInput(draft, shopperText(languages, currencyCode), existingPlanIds) });
    const products = difference(
      current.products.nodes.map((p) => p.id),
      attachments.productIds,
    );
    const variants = difference(
      current.productVariants.nodes.map((v) => v.id),
      attachments.variantIds,
    );
    if (products.added.length) await admin.request(PlanAddProducts, { id, productIds: products.added });
    if (products.removed.length) await admin.request(PlanRemoveProducts, { id, productIds: products.removed });
    if (variants.added.length) await admin.request(PlanAddVariants, { id, variantIds: variants.added });
    if (variants.removed.length) await admin.request(PlanRemoveVariants, { id, variantIds: variants.removed });
    await mirror(admin, id, draft);
    await registerPlanTranslations(admin, id, draft, languages, currencyCode);
    return { ok: true, id };
  } catch (error) {
    return refused(error, draft);
  }
}

function difference(current: string[], wanted: string[]) {
  return { added: wanted.filter((id) => !current.includes(id)), removed: current.filter((id) => !wanted.includes(id)) };
}

/** The plan as the merchant edits it, with the products Orchard attached that Shopify has since deleted. */
export async function loadPlan(admin: AdminClient, plan: { shopifyGroupId: string; attachedProducts: string }) {
  const { sellingPlanGroup } = await admin.request(PlanDetail, { id: plan.shopifyGroupId });
  if (!sellingPlanGroup) return null;
  const current = new Set(sellingPlanGroup.products.nodes.map((p) => p.id));
  const attached = JSON.parse(plan.attachedProducts) as { id: string; title: string }[];
  return {
    draft: draftFromShopify(sellingPlanGroup),
    products: sellingPlanGroup.products.nodes,
    variants: sellingPlanGroup.productVariants.nodes.map((v) => ({
      id: v.id,
      title: `${v.product.title} – ${v.title}`,
      status: v.product.status,
    })),
    deletedProducts: attached.filter((p) => !current.has(p.id)),
  };
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
  const plans = await db().subscriptionPlan.findMany({ where: { shop: admin.shop, status: "active" }, select: { shopifyGroupId: true } });
  for (const plan of plans) await refreshPlan(admin, plan.shopifyGroupId);
}

/** selling_plan_groups/delete: the merchant or another app deleted the group in Shopify. */
export async function markPlanDeleted(shop: string, groupId: string): Promise<void> {
  await db().subscriptionPlan.updateMany({ where: { shop, shopifyGroupId: groupId }, data: { status: "deleted" } });
}

/**
 * A plan takes the group's name, products and frequencies as Shopify has them now (on
 * selling_plan_groups/update, whose payload carries no products, and on a sync): reading the
 * current state makes a late or repeated delivery harmless. A group Shopify no longer has is deleted.
 */
export async function refreshPlan(admin: AdminClient, groupId: string): Promise<void> {
  const { sellingPlanGroup } = await admin.request(PlanSummary, { id: groupId });
  if (!sellingPlanGroup) return markPlanDeleted(admin.shop, groupId);
  await db().subscriptionPlan.updateMany({
    where: { shop: admin.shop, shopifyGroupId: groupId, status: "active" },
    data: {
      name: sellingPlanGroup.name,
      productCount: planProductCount(sellingPlanGroup),
      frequencyCount: sellingPlanGroup.sellingPlans.nodes.length,
    },
  });
}
