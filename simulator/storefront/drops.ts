import { planPriceMinor } from "../pricing";
import { gid } from "../ids";
import { translated } from "../admin-api/translations";
import type { ProductRecord, SellingPlanGroupRecord, SellingPlanRecord, ShopRecord, Store } from "../store";

/** The Liquid objects a product page sees (shopify.dev, Liquid objects: product, variant, selling_plan…). */
function sellingPlanDrop(shop: ShopRecord, locale: string, plan: SellingPlanRecord, groupId: number) {
  return {
    id: plan.id,
    name: translated(shop, gid("SellingPlan", plan.id), "name", plan.name, locale),
    description: plan.description,
    group_id: String(groupId),
    recurring_deliveries: true,
    options: plan.options.map((value, index) => ({ name: `Option ${index + 1}`, position: index + 1, value })),
    price_adjustments: plan.pricingPolicies.map((policy, index) => ({
      order_count: policy.afterCycle === 0 ? null : policy.afterCycle,
      position: index + 1,
      value_type: policy.adjustmentType === "PERCENTAGE" ? "percentage" : policy.adjustmentType === "PRICE" ? "price" : "fixed_amount",
      value: policy.adjustmentType === "PERCENTAGE" ? policy.adjustmentValue / 100 : policy.adjustmentValue,
    })),
  };
}

function groupDrop(shop: ShopRecord, locale: string, group: SellingPlanGroupRecord) {
  return {
    id: String(group.id),
    name: translated(shop, gid("SellingPlanGroup", group.id), "name", group.name, locale),
    app_id: group.appId,
    options: group.options.map((name, index) => ({
      name,
      position: index + 1,
      values: group.sellingPlans.map((p) => p.options[index] ?? ""),
    })),
    selling_plans: group.sellingPlans.map((plan) => sellingPlanDrop(shop, locale, plan, group.id)),
  };
}

/** Liquid's app object: the app-data metafields, json ones parsed as `value` (shopify.dev, Liquid objects: app, metafield). */
export function appDrop(shop: ShopRecord) {
  const metafields: Record<string, Record<string, { type: string; value: unknown }>> = {};
  for (const metafield of shop.appMetafields) {
    metafields[metafield.namespace] ??= {};
    metafields[metafield.namespace]![metafield.key] = {
      type: metafield.type,
      value:
        metafield.type === "json"
          ? JSON.parse(metafield.value)
          : metafield.type === "boolean"
            ? metafield.value === "true"
            : metafield.value,
    };
  }
  return { metafields };
}

export function productDrop(
  store: Store,
  shop: ShopRecord,
  product: ProductRecord,
  root: string,
  locale: string,
  // The product URL's ?variant= and ?selling_plan=, which Shopify exposes as the selected variant and plan.
  selected: { variantId?: number; sellingPlanId?: number } = {},
) {
  const groups = store.groupsFor(shop, product.id);
  const variants = product.variants.map((variant) => {
    const plans = groups.filter((g) => g.productIds.includes(product.id) || g.variantIds.includes(variant.id));
    return {
      id: variant.id,
      title: variant.title,
      sku: variant.sku,
      price: variant.priceMinor,
      available: variant.inventoryQuantity > 0,
      selling_plan_allocations: plans.flatMap((group) =>
        group.sellingPlans.map((plan) => ({
          price: planPriceMinor(plan, variant.priceMinor, 1),
          compare_at_price: variant.priceMinor,
          per_delivery_price: planPriceMinor(plan, variant.priceMinor, 1),
          selling_plan_group_id: String(group.id),
          selling_plan: sellingPlanDrop(shop, locale, plan, group.id),
        })),
      ),
    };
  });
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: product.descriptionHtml,
    url: `${root}products/${product.handle}`,
    price: Math.min(...product.variants.map((v) => v.priceMinor)),
    available: variants.some((v) => v.available),
    tags: product.tags,
    collections: [...shop.collections.values()]
      .filter((c) => c.productIds.includes(product.id))
      .map((c) => ({ id: c.id, title: c.title, handle: c.handle })),
    type: product.productType,
    vendor: product.vendor,
    variants,
    selected_variant: variants.find((v) => v.id === selected.variantId) ?? null,
    selected_or_first_available_variant:
      variants.find((v) => v.id === selected.variantId) ?? variants.find((v) => v.available) ?? variants[0],
    selected_selling_plan:
      groups
        .flatMap((group) => group.sellingPlans.map((plan) => ({ plan, group })))
        .filter(({ plan }) => plan.id === selected.sellingPlanId)
        .map(({ plan, group }) => sellingPlanDrop(shop, locale, plan, group.id))[0] ?? null,
    selling_plan_groups: groups.map((group) => groupDrop(shop, locale, group)),
    requires_selling_plan: false,
  };
}
