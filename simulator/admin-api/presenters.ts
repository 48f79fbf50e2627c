import type { BulkRunContext } from "./bulk-operations";
import { connection, type ConnectionArgs } from "./connection";
import { gid, parseGid } from "../ids";
import { presentPaymentMethod } from "../payment-methods";
import { orderUpdatedAt, refundedQuantity } from "../webhook-payloads";
import { decimalFromMinor } from "../../app/money";
import {
  onSale,
  type BulkOperationRecord,
  type MetafieldRecord,
  type CollectionRecord,
  type ContractRecord,
  type CustomerRecord,
  type MailingAddressRecord,
  type OrderRecord,
  type PricingPolicyRecord,
  type ProductRecord,
  type SellingPlanGroupRecord,
  type SellingPlanRecord,
  type ShopRecord,
  type Store,
  type VariantRecord,
} from "../store";

/**
 * Records as GraphQL objects. Fields with arguments, and fields that cost work to compute (other
 * records, counts), are functions, which graphql-js's default resolver calls only when the query
 * asks for them; __typename lets it resolve Node and other interfaces.
 */
export interface ResolverContext {
  store: Store;
  shop: ShopRecord;
  /** The calling token's access scopes (every scope when not given: a bulk operation's own run). */
  scopes?: ReadonlySet<string>;
  now: Date;
  /** Webhooks the request caused, sent once it has been answered (as Shopify does, asynchronously). */
  events: { topic: string; payload: unknown }[];
  /** What a bulk operation needs to run on after the request has been answered. */
  bulk: BulkRunContext;
  /** Where a completed bulk operation's file is downloaded. */
  bulkFileUrl: (operation: BulkOperationRecord) => string;
}

const money = (shop: ShopRecord, minor: number) => ({ amount: decimalFromMinor(minor), currencyCode: shop.currencyCode });
const moneyBag = (shop: ShopRecord, minor: number) => ({ shopMoney: money(shop, minor), presentmentMoney: money(shop, minor) });

/**
 * Shopify's search syntax, the part Orchard uses: free text and field:value terms, ANDed, and range
 * terms (field:>=value, with dates quoted as Shopify requires) compared as dates.
 */
export function matchesQuery(query: string | null | undefined, fields: Record<string, string | string[] | undefined>): boolean {
  if (!query?.trim()) return true;
  const terms = query.match(/(\w+:)?("[^"]*"|\S+)/g) ?? [];
  return terms.every((term) => {
    const [, key, raw] = /^(?:(\w+):)?(.*)$/.exec(term)!;
    const range = key ? /^(>=|<=|>|<)(['"])(.+)\2$/.exec(raw!) : null;
    if (range) {
      const [, comparator, , bound] = range;
      const limit = Date.parse(bound!);
      if (Number.isNaN(limit)) return false;
      return [fields[key!]].flat().some((value) => {
        const at = value === undefined ? Number.NaN : Date.parse(value);
        if (Number.isNaN(at)) return false;
        return comparator === ">=" ? at >= limit : comparator === "<=" ? at <= limit : comparator === ">" ? at > limit : at < limit;
      });
    }
    const needle = raw!.replace(/^"|"$/g, "").replace(/\*/g, "").toLowerCase();
    const haystacks = key ? [fields[key]].flat() : Object.values(fields).flat();
    return haystacks.some((value) => value?.toLowerCase().includes(needle));
  });
}

export function presentVariant(shop: ShopRecord, product: ProductRecord, variant: VariantRecord) {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    price: decimalFromMinor(variant.priceMinor),
    inventoryQuantity: variant.inventoryQuantity,
    position: variant.position,
    availableForSale: product.status === "ACTIVE" && (variant.inventoryQuantity > 0 || variant.inventoryPolicy === "CONTINUE"),
    selectedOptions: product.options.map((option, index) => ({ name: option.name, value: variant.optionValues[index] ?? "" })),
    taxable: variant.taxable,
    inventoryPolicy: variant.inventoryPolicy,
    inventoryItem: {
      id: gid("InventoryItem", variant.id),
      sku: variant.sku,
      requiresShipping: variant.requiresShipping,
      tracked: variant.tracked,
    },
    product: () => presentProduct(shop, product),
    // The groups that sell this variant: its product's, or its own (a group may take single variants).
    sellingPlanGroups: (args: ConnectionArgs, context: ResolverContext) =>
      connection(
        context.store
          .groupsFor(shop, product.id)
          .filter((group) => group.productIds.includes(product.id) || group.variantIds.includes(variant.id))
          .map((group) => presentSellingPlanGroup(context.store, shop, group)),
        args,
      ),
  };
}

/** A metafield's id: the same number for the same owner, namespace and key (FNV-1a). */
function stableNumber(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

export function presentMetafield(ownerGid: string, metafield: MetafieldRecord) {
  return {
    __typename: "Metafield",
    id: gid("Metafield", stableNumber(`${ownerGid}|${metafield.namespace}|${metafield.key}`)),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: metafield.type === "json" ? JSON.parse(metafield.value) : metafield.value,
    updatedAt: metafield.updatedAt.toISOString(),
  };
}

/** The metafield(namespace:, key:) field every HasMetafields owner has. */
const metafieldField = (ownerGid: string, metafields: MetafieldRecord[]) => (args: { namespace?: string; key: string }) => {
  const found = metafields.find((m) => m.key === args.key && m.namespace === (args.namespace ?? "$app"));
  return found ? presentMetafield(ownerGid, found) : null;
};

export function presentAppInstallation(shop: ShopRecord) {
  const id = gid("AppInstallation", shop.appInstallationId);
  return { __typename: "AppInstallation", id, metafield: metafieldField(id, shop.appMetafields) };
}

export function presentProduct(shop: ShopRecord, product: ProductRecord) {
  return {
    __typename: "Product",
    id: gid("Product", product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.handle,
    descriptionHtml: product.descriptionHtml,
    description: product.descriptionHtml.replace(/<[^>]+>/g, ""),
    status: product.status,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    totalInventory: product.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
    requiresSellingPlan: product.requiresSellingPlan,
    onlineStoreUrl: onSale(product) ? `https://${shop.domain}/products/${product.handle}` : null,
    priceRangeV2: {
      minVariantPrice: money(shop, Math.min(...product.variants.map((v) => v.priceMinor))),
      maxVariantPrice: money(shop, Math.max(...product.variants.map((v) => v.priceMinor))),
    },
    variantsCount: { count: product.variants.length, precision: "EXACT" },
    hasOnlyDefaultVariant: product.variants.length === 1 && product.variants[0]!.optionValues[0] === "Default Title",
    options: () =>
      product.options.map((option, index) => ({
        id: gid("ProductOption", `${product.id}${index}`),
        name: option.name,
        position: index + 1,
        values: option.values,
      })),
    metafield: metafieldField(gid("Product", product.id), product.metafields),
    variants: (args: ConnectionArgs) =>
      connection(
        product.variants.map((v) => presentVariant(shop, product, v)),
        args,
      ),
    collections: (args: ConnectionArgs) =>
      connection(
        [...shop.collections.values()].filter((c) => c.productIds.includes(product.id)).map((c) => presentCollection(shop, c)),
        args,
      ),
    sellingPlanGroups: (args: ConnectionArgs, context: ResolverContext) =>
      connection(
        context.store.groupsFor(shop, product.id).map((group) => presentSellingPlanGroup(context.store, shop, group)),
        args,
      ),
  };
}

export function presentCollection(shop: ShopRecord, collection: CollectionRecord) {
  const products = () => collection.productIds.map((id) => shop.products.get(id)).filter((p): p is ProductRecord => Boolean(p));
  return {
    __typename: "Collection",
    id: gid("Collection", collection.id),
    legacyResourceId: String(collection.id),
    title: collection.title,
    handle: collection.handle,
    productsCount: () => ({ count: products().length, precision: "EXACT" }),
    products: (args: ConnectionArgs) =>
      connection(
        products().map((p) => presentProduct(shop, p)),
        args,
      ),
  };
}

export function presentCustomer(shop: ShopRecord, customer: CustomerRecord) {
  return {
    __typename: "Customer",
    id: gid("Customer", customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    // Shopify's: the name, or failing one the email (the simulator keeps no phone).
    displayName: [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || "",
    email: customer.email,
    defaultEmailAddress: customer.email
      ? {
          emailAddress: customer.email,
          marketingState: customer.marketingState,
          marketingOptInLevel: "SINGLE_OPT_IN",
          marketingUpdatedAt: customer.createdAt.toISOString(),
          validFormat: true,
        }
      : null,
    locale: customer.locale,
    tags: customer.tags,
    createdAt: customer.createdAt.toISOString(),
    emailMarketingConsent: {
      marketingState: customer.marketingState,
      marketingOptInLevel: "SINGLE_OPT_IN",
      consentUpdatedAt: customer.createdAt.toISOString(),
    },
    numberOfOrders: () => String([...shop.orders.values()].filter((o) => o.customerId === customer.id).length),
    // Revoked cards only when asked for (showRevoked), as Shopify lists them.
    paymentMethods: (args: ConnectionArgs & { showRevoked?: boolean | null }) =>
      connection(
        [...shop.paymentMethods.values()]
          .filter((method) => method.customerId === customer.id && (args.showRevoked || !method.revokedAt))
          .map((method) => presentPaymentMethod(gid("CustomerPaymentMethod", method.id), method.card, method.revokedAt)),
        args,
      ),
    subscriptionContracts: (args: ConnectionArgs) =>
      connection(
        [...shop.contracts.values()]
          .filter((contract) => contract.customerId === customer.id)
          .map((contract) => presentContract(shop, contract)),
        args,
      ),
  };
}

function planName(shop: ShopRecord, sellingPlanId: number): string {
  for (const group of shop.sellingPlanGroups.values()) {
    const plan = group.sellingPlans.find((p) => p.id === sellingPlanId);
    if (plan) return plan.name;
  }
  return "";
}

const countryNames = new Intl.DisplayNames("en", { type: "region" });

/** Shopify's MailingAddress, with the country's English name beside its code. */
function presentMailingAddress(id: number, address: MailingAddressRecord) {
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const country = countryNames.of(address.countryCode) ?? address.countryCode;
  return {
    __typename: "MailingAddress",
    id: gid("MailingAddress", id),
    ...address,
    name,
    provinceCode: address.province || null,
    country,
    countryCodeV2: address.countryCode,
    formatted: (args: { withName?: boolean }) =>
      [args.withName ? name : "", address.address1, address.address2, `${address.city} ${address.province} ${address.zip}`.trim(), country]
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean),
  };
}

export function presentOrder(shop: ShopRecord, order: OrderRecord) {
  const totalMinor = order.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
  const customer = order.customerId ? shop.customers.get(order.customerId) : undefined;
  return {
    __typename: "Order",
    id: gid("Order", order.id),
    legacyResourceId: String(order.id),
    name: `#${order.number}`,
    email: order.email,
    createdAt: order.createdAt.toISOString(),
    processedAt: order.createdAt.toISOString(),
    updatedAt: orderUpdatedAt(order).toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    currencyCode: order.currencyCode,
    displayFinancialStatus: order.financialStatus,
    totalPriceSet: moneyBag(shop, totalMinor),
    currentTotalPriceSet: moneyBag(shop, order.financialStatus === "REFUNDED" ? 0 : totalMinor),
    customer: () => (customer ? presentCustomer(shop, customer) : null),
    shippingAddress: order.shippingAddress && presentMailingAddress(order.id, order.shippingAddress),
    lineItems: (args: ConnectionArgs) =>
      connection(
        order.lines.map((line) => {
          const found = shop.products.get(line.productId);
          const variant = found?.variants.find((v) => v.id === line.variantId);
          return {
            __typename: "LineItem",
            id: gid("LineItem", line.id),
            title: line.title,
            variantTitle: line.variantTitle,
            sku: line.sku,
            quantity: line.quantity,
            // The simulator's orders are never edited: only refunds take units off.
            currentQuantity: line.quantity - refundedQuantity(order, line.id),
            refundableQuantity: line.quantity - refundedQuantity(order, line.id),
            originalUnitPriceSet: moneyBag(shop, line.priceMinor),
            // Discount codes are recorded, not priced (docs/simulator.md): no line carries a discount.
            totalDiscountSet: moneyBag(shop, 0),
            sellingPlan:
              line.sellingPlanId === null
                ? null
                : { sellingPlanId: gid("SellingPlan", line.sellingPlanId), name: planName(shop, line.sellingPlanId) },
            customAttributes: line.properties.map(({ name, value }) => ({ key: name, value })),
            product: found ? presentProduct(shop, found) : null,
            variant: found && variant ? presentVariant(shop, found, variant) : null,
          };
        }),
        args,
      ),
  };
}

export function presentShop(store: Store, shop: ShopRecord) {
  return {
    __typename: "Shop",
    id: gid("Shop", shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.domain,
    ianaTimezone: shop.ianaTimezone,
    currencyCode: shop.currencyCode,
    plan: { displayName: shop.plan, partnerDevelopment: shop.partnerDevelopment, shopifyPlus: shop.plan === "plus" },
    // Shopify's shop.url is the online store's address; the simulator's online store is served here.
    url: store.origin ? `${store.origin}/storefront/${shop.domain.replace(/\.myshopify\.com$/, "")}` : `https://${shop.domain}`,
  };
}

export function presentContract(shop: ShopRecord, contract: ContractRecord) {
  const customer = shop.customers.get(contract.customerId);
  const order = contract.originOrderId === null ? undefined : shop.orders.get(contract.originOrderId);
  const anchors = (policy: { anchors: { type: string; day: number; month: number | null }[] }) =>
    policy.anchors.map((anchor) => ({ ...anchor, cutoffDay: null }));
  return {
    __typename: "SubscriptionContract",
    id: gid("SubscriptionContract", contract.id),
    status: contract.status,
    currencyCode: contract.currencyCode,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
    revisionId: String(contract.revisionId),
    nextBillingDate: contract.nextBillingDate.toISOString(),
    customAttributes: contract.customAttributes,
    customer: () => (customer ? presentCustomer(shop, customer) : null),
    customerPaymentMethod: () =>
      presentPaymentMethod(
        gid("CustomerPaymentMethod", contract.paymentMethodId),
        contract.paymentCard,
        shop.paymentMethods.get(contract.paymentMethodId)?.revokedAt ?? null,
      ),
    deliveryMethod: {
      __typename: "SubscriptionDeliveryMethodShipping",
      address: presentMailingAddress(contract.id, contract.deliveryAddress),
      shippingOption: {
        __typename: "SubscriptionDeliveryMethodShippingOption",
        title: "Standard",
        presentmentTitle: "Standard",
        code: "standard",
        description: null,
      },
    },
    originOrder: () => (order ? presentOrder(shop, order) : null),
    billingPolicy: { ...contract.billingPolicy, anchors: anchors(contract.billingPolicy) },
    deliveryPolicy: { ...contract.deliveryPolicy, anchors: anchors(contract.deliveryPolicy) },
    deliveryPrice: money(shop, 0),
    discounts: (args: ConnectionArgs) =>
      connection(
        contract.discounts.map((discount) => ({
          __typename: "SubscriptionManualDiscount",
          id: gid("SubscriptionManualDiscount", discount.id),
          title: discount.title,
          type: "MANUAL",
          targetType: "LINE_ITEM",
          rejectionReason: null,
          usageCount: discount.usageCount,
          recurringCycleLimit: discount.recurringCycleLimit,
          value:
            discount.percentage !== null
              ? { __typename: "SubscriptionDiscountPercentageValue", percentage: discount.percentage }
              : {
                  __typename: "SubscriptionDiscountFixedAmountValue",
                  amount: money(shop, discount.amountMinor ?? 0),
                  appliesOnEachItem: discount.appliesOnEachItem,
                },
          entitledLines: { all: true, lines: (lineArgs: ConnectionArgs) => connection([], lineArgs) },
        })),
        args,
      ),
    linesCount: { count: contract.lines.length, precision: "EXACT" },
    lines: (args: ConnectionArgs) =>
      connection(
        contract.lines.map((line) => ({
          __typename: "SubscriptionLine",
          id: gid("SubscriptionLine", line.id),
          title: line.title,
          variantTitle: line.variantTitle,
          quantity: line.quantity,
          productId: gid("Product", line.productId),
          variantId: gid("ProductVariant", line.variantId),
          sellingPlanId: line.sellingPlanId ? gid("SellingPlan", line.sellingPlanId) : null,
          sellingPlanName: line.sellingPlanName,
          currentPrice: money(shop, line.currentPriceMinor),
          lineDiscountedPrice: money(shop, line.currentPriceMinor * line.quantity),
          pricingPolicy: line.pricingPolicy && {
            basePrice: money(shop, line.pricingPolicy.basePriceMinor),
            cycleDiscounts: line.pricingPolicy.cycleDiscounts.map((discount) => ({
              afterCycle: discount.afterCycle,
              adjustmentType: discount.adjustmentType,
              adjustmentValue:
                discount.adjustmentType === "PERCENTAGE"
                  ? { __typename: "SellingPlanPricingPolicyPercentageValue", percentage: discount.adjustmentValue / 100 }
                  : { __typename: "MoneyV2", ...money(shop, discount.adjustmentValue) },
              computedPrice: money(shop, discount.computedPriceMinor),
            })),
          },
          requiresShipping: true,
          taxable: true,
          customAttributes: line.customAttributes,
          discountAllocations: [],
        })),
        args,
      ),
  };
}

const percentageOrMoney = (shop: ShopRecord, policy: PricingPolicyRecord) =>
  policy.adjustmentType === "PERCENTAGE"
    ? { __typename: "SellingPlanPricingPolicyPercentageValue", percentage: policy.adjustmentValue / 100 }
    : { __typename: "MoneyV2", amount: decimalFromMinor(policy.adjustmentValue), currencyCode: shop.currencyCode };

export function presentSellingPlan(shop: ShopRecord, plan: SellingPlanRecord, createdAt: Date) {
  return {
    __typename: "SellingPlan",
    id: gid("SellingPlan", plan.id),
    name: plan.name,
    description: plan.description,
    options: plan.options,
    position: plan.position,
    category: "SUBSCRIPTION",
    createdAt: createdAt.toISOString(),
    billingPolicy: {
      __typename: "SellingPlanRecurringBillingPolicy",
      ...plan.billingPolicy,
      anchors: plan.billingPolicy.anchors.map((anchor) => ({ ...anchor, cutoffDay: null })),
      createdAt: createdAt.toISOString(),
    },
    deliveryPolicy: {
      __typename: "SellingPlanRecurringDeliveryPolicy",
      ...plan.deliveryPolicy,
      anchors: plan.deliveryPolicy.anchors.map((anchor) => ({ ...anchor, cutoffDay: null })),
      cutoff: null,
      intent: "FULFILLMENT_BEGIN",
      preAnchorBehavior: "ASAP",
      createdAt: createdAt.toISOString(),
    },
    pricingPolicies: plan.pricingPolicies.map((policy) => ({
      __typename: policy.afterCycle === 0 ? "SellingPlanFixedPricingPolicy" : "SellingPlanRecurringPricingPolicy",
      adjustmentType: policy.adjustmentType,
      adjustmentValue: percentageOrMoney(shop, policy),
      afterCycle: policy.afterCycle,
      createdAt: createdAt.toISOString(),
    })),
  };
}

export function presentSellingPlanGroup(store: Store, shop: ShopRecord, group: SellingPlanGroupRecord) {
  const products = () => group.productIds.map((id) => shop.products.get(id)).filter((p) => p !== undefined);
  const variants = () =>
    group.variantIds.flatMap((id) => {
      const found = store.findVariant(shop, id);
      return found ? [presentVariant(shop, found.product, found.variant)] : [];
    });
  return {
    __typename: "SellingPlanGroup",
    id: gid("SellingPlanGroup", group.id),
    appId: group.appId,
    name: group.name,
    merchantCode: group.merchantCode,
    description: group.description,
    options: group.options,
    position: group.position,
    createdAt: group.createdAt.toISOString(),
    summary: `${group.sellingPlans.length} delivery frequenc${group.sellingPlans.length === 1 ? "y" : "ies"}`,
    productsCount: { count: products().length, precision: "EXACT" },
    productVariantsCount: () => ({ count: group.variantIds.length, precision: "EXACT" }),
    appliesToProduct: ({ productId }: { productId: string }) => group.productIds.includes(parseGid(productId, "Product")?.id ?? -1),
    appliesToProductVariant: ({ productVariantId }: { productVariantId: string }) =>
      group.variantIds.includes(parseGid(productVariantId, "ProductVariant")?.id ?? -1),
    products: (args: ConnectionArgs) =>
      connection(
        products().map((p) => presentProduct(shop, p)),
        args,
      ),
    productVariants: (args: ConnectionArgs) => connection(variants(), args),
    sellingPlans: (args: ConnectionArgs) =>
      connection(
        group.sellingPlans.map((plan) => presentSellingPlan(shop, plan, group.createdAt)),
        args,
      ),
  };
}

export function listGroups(store: Store, shop: ShopRecord, args: ConnectionArgs & { query?: string | null }) {
  const groups = [...shop.sellingPlanGroups.values()]
    .filter((g) => matchesQuery(args.query, { name: g.name, merchant_code: g.merchantCode, app_id: g.appId ?? "" }))
    .sort((a, b) => a.id - b.id);
  return connection(
    groups.map((g) => presentSellingPlanGroup(store, shop, g)),
    args,
  );
}
