import { Drop } from "liquidjs";
import { allocationPricing } from "../pricing";
import { gid } from "../ids";
import { translated } from "../admin-api/translations";
import type {
  CartLineRecord,
  CustomerRecord,
  MailingAddressRecord,
  OrderRecord,
  ProductRecord,
  SellingPlanGroupRecord,
  SellingPlanRecord,
  ShopRecord,
  Store,
  VariantRecord,
} from "../store";

/**
 * The Liquid objects a storefront page sees, with the fields shopify.dev documents for them
 * (Liquid objects: product, variant, product_option, product_option_value, selling_plan_group,
 * selling_plan, selling_plan_allocation, cart, line_item, app, customer, order, address). Products
 * here have no media.
 */
function sellingPlanDrop(shop: ShopRecord, locale: string, plan: SellingPlanRecord, groupId: number, selectedPlanId?: number) {
  return {
    id: plan.id,
    name: translated(shop, gid("SellingPlan", plan.id), "name", plan.name, locale),
    description: plan.description,
    group_id: String(groupId),
    recurring_deliveries: true,
    selected: plan.id === selectedPlanId,
    options: plan.options.map((value, index) => ({ name: `Option ${index + 1}`, position: index + 1, value })),
    price_adjustments: [...plan.pricingPolicies]
      .sort((a, b) => a.afterCycle - b.afterCycle)
      .map((policy, index, all) => ({
        // How many orders this adjustment lasts; the last one lasts for the rest of the subscription.
        order_count: index < all.length - 1 ? all[index + 1]!.afterCycle - policy.afterCycle : null,
        position: index + 1,
        value_type: policy.adjustmentType === "PERCENTAGE" ? "percentage" : policy.adjustmentType === "PRICE" ? "price" : "fixed_amount",
        value: policy.adjustmentType === "PERCENTAGE" ? policy.adjustmentValue / 100 : policy.adjustmentValue,
      })),
    checkout_charge: { value_type: "percentage", value: 100 },
  };
}

function allocationDrop(shop: ShopRecord, locale: string, group: SellingPlanGroupRecord, plan: SellingPlanRecord, variantPrice: number) {
  const pricing = allocationPricing(plan, variantPrice);
  return {
    price: pricing.price,
    per_delivery_price: pricing.perDelivery,
    compare_at_price: variantPrice * pricing.deliveries,
    checkout_charge_amount: pricing.price,
    remaining_balance_charge_amount: 0,
    price_adjustments: pricing.adjustments,
    selling_plan_group_id: String(group.id),
    selling_plan: sellingPlanDrop(shop, locale, plan, group.id),
    unit_price: null,
  };
}

function groupDrop(shop: ShopRecord, locale: string, group: SellingPlanGroupRecord, selectedPlanId?: number) {
  return {
    id: String(group.id),
    name: translated(shop, gid("SellingPlanGroup", group.id), "name", group.name, locale),
    app_id: group.appId,
    selected: group.sellingPlans.some((p) => p.id === selectedPlanId),
    options: group.options.map((name, index) => ({
      name,
      position: index + 1,
      values: group.sellingPlans.map((p) => p.options[index] ?? ""),
    })),
    selling_plans: group.sellingPlans.map((plan) => sellingPlanDrop(shop, locale, plan, group.id, selectedPlanId)),
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

/** A product_option_value: prints as its name. */
class OptionValueDrop extends Drop {
  readonly swatch = null;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly available: boolean,
    readonly selected: boolean,
    readonly product_url: string,
    readonly variant: unknown,
  ) {
    super();
  }
  override valueOf(): string {
    return this.name;
  }
  override toString(): string {
    return this.name;
  }
}

/** Option value ids, stable per product, option and value (Shopify's ProductOptionValue ids). */
export const optionValueId = (productId: number, position: number, value: string) =>
  Number(`${productId % 1_000_000}${position}`) * 1000 + ([...value].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 997, 7) % 1000);

export interface SelectedOptions {
  variantId?: number;
  sellingPlanId?: number;
  /** ?option_values=: the ids of the chosen option values, which Dawn's picker sends. */
  optionValueIds?: number[];
}

function variantDrop(
  shop: ShopRecord,
  locale: string,
  product: ProductRecord,
  variant: VariantRecord,
  groups: SellingPlanGroupRecord[],
  root: string,
) {
  const plans = groups.filter((g) => g.productIds.includes(product.id) || g.variantIds.includes(variant.id));
  const options = variant.optionValues;
  return {
    id: variant.id,
    title: variant.title,
    name: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: null,
    price: variant.priceMinor,
    compare_at_price: null,
    available: variant.inventoryQuantity > 0 || variant.inventoryPolicy === "CONTINUE" || !variant.tracked,
    inventory_quantity: variant.inventoryQuantity,
    inventory_management: variant.tracked ? "shopify" : null,
    inventory_policy: variant.inventoryPolicy.toLowerCase(),
    requires_shipping: variant.requiresShipping,
    requires_selling_plan: product.requiresSellingPlan,
    taxable: variant.taxable,
    options,
    option1: options[0] ?? null,
    option2: options[1] ?? null,
    option3: options[2] ?? null,
    quantity_rule: { min: 1, max: null, increment: 1 },
    quantity_price_breaks: [],
    featured_image: null,
    featured_media: null,
    unit_price_measurement: null,
    url: `${root}products/${product.handle}?variant=${variant.id}`,
    selling_plan_allocations: plans.flatMap((group) =>
      group.sellingPlans.map((plan) => allocationDrop(shop, locale, group, plan, variant.priceMinor)),
    ),
  };
}

export function productDrop(
  store: Store,
  shop: ShopRecord,
  product: ProductRecord,
  root: string,
  locale: string,
  selected: SelectedOptions = {},
) {
  const groups = store.groupsFor(shop, product.id);
  const variants = product.variants.map((variant) => variantDrop(shop, locale, product, variant, groups, root));
  const byOptions = selected.optionValueIds?.length
    ? product.variants.find((variant) =>
        variant.optionValues.every((value, index) => selected.optionValueIds!.includes(optionValueId(product.id, index + 1, value))),
      )?.id
    : undefined;
  const chosenId = byOptions ?? selected.variantId;
  const selectedVariant = variants.find((v) => v.id === chosenId) ?? null;
  const current = selectedVariant ?? variants.find((v) => v.available) ?? variants[0]!;
  const url = `${root}products/${product.handle}`;
  const optionsWithValues = product.options.map((option, index) => ({
    name: option.name,
    position: index + 1,
    selected_value: current.options[index],
    values: option.values.map((value) => {
      // The variant this value leads to: the current one with this option changed.
      const wanted = current.options.map((v, i) => (i === index ? value : v));
      const target = variants.find((v) => v.options.every((o, i) => o === wanted[i])) ?? variants.find((v) => v.options[index] === value);
      return new OptionValueDrop(
        optionValueId(product.id, index + 1, value),
        value,
        Boolean(target?.available),
        current.options[index] === value,
        url,
        target ?? null,
      );
    }),
  }));
  const prices = variants.map((v) => v.price);
  const selectedPlan = groups
    .flatMap((group) => group.sellingPlans.map((plan) => ({ plan, group })))
    .find(({ plan }) => plan.id === selected.sellingPlanId);
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: product.descriptionHtml,
    content: product.descriptionHtml,
    url,
    vendor: product.vendor,
    type: product.productType,
    tags: product.tags,
    available: variants.some((v) => v.available),
    price: Math.min(...prices),
    price_min: Math.min(...prices),
    price_max: Math.max(...prices),
    price_varies: Math.min(...prices) !== Math.max(...prices),
    compare_at_price: null,
    compare_at_price_min: 0,
    compare_at_price_max: 0,
    compare_at_price_varies: false,
    collections: [...shop.collections.values()]
      .filter((c) => c.productIds.includes(product.id))
      .map((c) => ({ id: c.id, title: c.title, handle: c.handle })),
    options: product.options.map((o) => o.name),
    options_with_values: optionsWithValues,
    options_by_name: Object.fromEntries(optionsWithValues.map((o) => [o.name.toLowerCase(), o])),
    has_only_default_variant:
      product.options.length === 1 && product.variants.length === 1 && product.variants[0]!.title === "Default Title",
    variants,
    selected_variant: selectedVariant,
    selected_or_first_available_variant: current,
    first_available_variant: variants.find((v) => v.available) ?? null,
    selected_selling_plan: selectedPlan ? sellingPlanDrop(shop, locale, selectedPlan.plan, selectedPlan.group.id) : null,
    selected_selling_plan_allocation: selectedPlan
      ? allocationDrop(shop, locale, selectedPlan.group, selectedPlan.plan, current.price)
      : null,
    selling_plan_groups: groups.map((group) => groupDrop(shop, locale, group, selected.sellingPlanId)),
    requires_selling_plan: product.requiresSellingPlan,
    media: [],
    images: [],
    featured_image: null,
    featured_media: null,
    metafields: {},
    "gift_card?": false,
    "quantity_price_breaks_configured?": false,
  };
}

export interface CartItem {
  key: string;
  id: number;
  variant_id: number;
  product_id: number;
  quantity: number;
  price: number;
  final_line_price: number;
  properties: Record<string, string>;
  selling_plan_allocation?: unknown;
  [field: string]: unknown;
}

/**
 * The cart as /cart.js answers it and Liquid's cart object reads it. Shopify lists the newest line
 * first. A line's price under a plan is what checkout charges now (a prepaid line: every delivery
 * of its term).
 */
export function cartItems(store: Store, shop: ShopRecord, lines: CartLineRecord[], root: string): CartItem[] {
  return lines.flatMap((line) => {
    const found = store.findVariant(shop, line.variantId);
    if (!found) return [];
    const { product, variant } = found;
    const group = line.sellingPlanId
      ? store.groupsFor(shop, product.id).find((g) => g.sellingPlans.some((p) => p.id === line.sellingPlanId))
      : undefined;
    const plan = group?.sellingPlans.find((p) => p.id === line.sellingPlanId);
    const allocation = plan && group ? allocationDrop(shop, "en", group, plan, variant.priceMinor) : undefined;
    const price = allocation ? allocation.price : variant.priceMinor;
    const hasOnlyDefault = product.variants.length === 1 && variant.title === "Default Title";
    return [
      {
        key: line.key,
        id: variant.id,
        variant_id: variant.id,
        product_id: product.id,
        title: hasOnlyDefault ? product.title : `${product.title} - ${variant.title}`,
        product_title: product.title,
        variant_title: hasOnlyDefault ? null : variant.title,
        product_has_only_default_variant: hasOnlyDefault,
        handle: product.handle,
        url: `${root}products/${product.handle}?variant=${variant.id}`,
        sku: variant.sku,
        vendor: product.vendor,
        quantity: line.quantity,
        price,
        original_price: price,
        final_price: price,
        line_price: price * line.quantity,
        original_line_price: price * line.quantity,
        final_line_price: price * line.quantity,
        total_discount: 0,
        discounts: [],
        line_level_discount_allocations: [],
        line_level_total_discount: 0,
        properties: line.properties,
        requires_shipping: variant.requiresShipping,
        gift_card: false,
        image: null,
        featured_image: null,
        unit_price_measurement: null,
        options_with_values: product.options.map((option, index) => ({ name: option.name, value: variant.optionValues[index] })),
        product: {
          id: product.id,
          title: product.title,
          vendor: product.vendor,
          handle: product.handle,
          has_only_default_variant: hasOnlyDefault,
          url: `${root}products/${product.handle}`,
        },
        variant: {
          id: variant.id,
          title: variant.title,
          price: variant.priceMinor,
          available: true,
          quantity_rule: { min: 1, max: null, increment: 1 },
        },
        ...(allocation ? { selling_plan_allocation: allocation } : {}),
      },
    ];
  });
}

/** Liquid's cart: `cart == empty` holds for a cart without lines, as on Shopify. */
export class CartDrop extends Drop {
  readonly item_count: number;
  readonly total_price: number;
  readonly original_total_price: number;
  readonly items_subtotal_price: number;
  readonly total_discount = 0;
  readonly cart_level_discount_applications = [];
  readonly discount_applications = [];
  readonly requires_shipping: boolean;
  readonly note: string | null = null;
  readonly duties_included = false;
  readonly taxes_included = false;
  readonly empty: boolean;

  /** The lines as Liquid has them: each knows its 0-based index (Dawn's cart names its fields by it) and its removal link. */
  readonly items: (CartItem & { index: number; url_to_remove: string })[];

  constructor(
    readonly token: string,
    lines: CartItem[],
    readonly attributes: Record<string, string>,
    readonly currency: { iso_code: string },
    cartUrl: string,
  ) {
    super();
    this.items = lines.map((line, index) => ({ ...line, index, url_to_remove: `${cartUrl}/change?line=${index + 1}&quantity=0` }));
    this.item_count = lines.reduce((sum, item) => sum + item.quantity, 0);
    this.total_price = lines.reduce((sum, item) => sum + item.final_line_price, 0);
    this.original_total_price = this.total_price;
    this.items_subtotal_price = this.total_price;
    this.requires_shipping = lines.some((item) => item.requires_shipping === true);
    this.empty = lines.length === 0;
  }

  override valueOf(): unknown {
    return this.empty ? [] : this;
  }

  /** /cart.js. */
  toJSON() {
    return {
      token: this.token,
      note: this.note,
      attributes: this.attributes,
      original_total_price: this.original_total_price,
      total_price: this.total_price,
      total_discount: 0,
      total_weight: 0,
      item_count: this.item_count,
      items: this.items.map(({ index: _index, url_to_remove: _remove, ...item }) => item),
      requires_shipping: this.requires_shipping,
      currency: this.currency.iso_code,
      items_subtotal_price: this.items_subtotal_price,
      cart_level_discount_applications: [],
    };
  }
}

/** Shopify's address object, as a customer's addresses and an order's shipping address give it. */
function addressDrop(address: MailingAddressRecord) {
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    name: `${address.firstName} ${address.lastName}`.trim(),
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    zip: address.zip,
    country_code: address.countryCode,
    country: /^[A-Z]{2}$/.test(address.countryCode) ? new Intl.DisplayNames("en", { type: "region" }).of(address.countryCode) : "",
  };
}

const FINANCIAL_STATUS_LABELS: Record<OrderRecord["financialStatus"], string> = {
  PAID: "Paid",
  PENDING: "Pending",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partially refunded",
};

/** Shopify's order object as a customer's order history lists it. */
function orderDrop(order: OrderRecord) {
  const refunded = (line: OrderRecord["lines"][number]) =>
    order.refunds.flatMap((r) => r.lines).reduce((sum, r) => sum + (r.lineId === line.id ? r.quantity : 0), 0);
  const total = order.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
  return {
    id: order.id,
    name: `#${order.number}`,
    order_number: order.number,
    customer_url: `/account/orders/${order.id}`,
    created_at: order.createdAt.toISOString(),
    cancelled: order.cancelledAt !== null,
    financial_status: order.financialStatus.toLowerCase(),
    financial_status_label: FINANCIAL_STATUS_LABELS[order.financialStatus],
    fulfillment_status_label: order.fulfilledAt ? "Fulfilled" : "Unfulfilled",
    total_price: total,
    total_net_amount: order.lines.reduce((sum, line) => sum + line.priceMinor * (line.quantity - refunded(line)), 0),
    shipping_address: order.shippingAddress ? addressDrop(order.shippingAddress) : null,
  };
}

/**
 * Shopify's customer object for the signed-in customer: their orders, newest first, and as their
 * address the one their latest order shipped to (the simulator keeps no address book).
 */
export function customerDrop(shop: ShopRecord, customer: CustomerRecord) {
  const orders = [...shop.orders.values()]
    .filter((order) => order.customerId === customer.id)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const address = orders.find((order) => order.shippingAddress)?.shippingAddress;
  const addresses = address ? [addressDrop(address)] : [];
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    name: `${customer.firstName} ${customer.lastName}`.trim(),
    has_account: true,
    tags: [],
    orders: orders.map(orderDrop),
    orders_count: orders.length,
    addresses,
    addresses_count: addresses.length,
    default_address: addresses[0] ?? null,
  };
}
