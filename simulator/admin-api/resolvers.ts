import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { connection, type ConnectionArgs } from "./connection";
import { metafieldsSet, productSet, productVariantsBulkUpdate, type ProductSetInput } from "./products";
import {
  matchesQuery,
  presentAppInstallation,
  presentMetafield,
  presentVariant,
  presentCollection,
  presentContract,
  presentCustomer,
  presentOrder,
  presentProduct,
  presentShop,
  type ResolverContext,
  listGroups,
  presentSellingPlanGroup,
} from "./presenters";
import { gid, parseGid } from "../ids";
import { applyGroupInput, resolveResources, type GroupInput } from "./selling-plan-groups";
import type { UserError } from "./user-errors";
import type { AppSubscriptionRecord, OrderRecord, SellingPlanGroupRecord } from "../store";
import { presentTranslatableResource, registerTranslations } from "./translations";
import { presentBulkOperation, runBulkQuery } from "./bulk-operations";
import { createBillingAttempt, presentBillingAttempt } from "./billing-attempts";
import {
  appInstallationSubscriptions,
  appSubscriptionWebhook,
  cancelAppSubscription,
  createAppSubscription,
  presentAppSubscription,
  type AppSubscriptionCreateArgs,
} from "./app-subscriptions";
import { listThemes } from "./themes";
import { receiveFlowTrigger } from "../flow";
import { addTags, removeTags } from "./tags";
import {
  createAutomaticBasicDiscount,
  createBasicCodeDiscount,
  findCodeDiscount,
  presentCodeDiscountNode,
  updateAutomaticBasicDiscount,
} from "./discounts";
import { listPublications, publishablePublish } from "./publications";
import {
  addDraftDiscount,
  removeDraftDiscount,
  addDraftLine,
  changeContractStatus,
  commitDraft,
  openDraft,
  removeDraftLine,
  sendPaymentMethodUpdateEmail,
  setNextBillingDate,
  updateDraft,
  updateDraftLine,
  createContractAtomically,
} from "./subscription-contracts";

const emitTo =
  (events: ResolverContext["events"]) =>
  (topic: string, payload: unknown): void => {
    events.push({ topic, payload });
  };
import type { ShopRecord } from "../store";

type Resolver = GraphQLFieldResolver<unknown, ResolverContext, Record<string, unknown>>;
type ListArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

const RECENT_ORDERS_MS = 60 * 86_400_000;

/** Shopify shows an app only the last 60 days of orders unless it holds `read_all_orders`. */
function orderReadable({ scopes, now }: ResolverContext, order: OrderRecord): boolean {
  return !scopes || scopes.has("read_all_orders") || order.createdAt.getTime() >= now.getTime() - RECENT_ORDERS_MS;
}

function findNode(context: ResolverContext, id: unknown): unknown {
  const { store, shop, bulkFileUrl } = context;
  const parsed = parseGid(id);
  if (!parsed) throw new GraphQLError(`Invalid global id '${String(id)}'`, { extensions: { code: "argumentLiteralsIncompatible" } });
  switch (parsed.type) {
    case "Product": {
      const product = shop.products.get(parsed.id);
      return product ? presentProduct(shop, product) : null;
    }
    case "Collection": {
      const collection = shop.collections.get(parsed.id);
      return collection ? presentCollection(shop, collection) : null;
    }
    case "Customer": {
      const customer = shop.customers.get(parsed.id);
      return customer ? presentCustomer(shop, customer) : null;
    }
    case "Order": {
      const order = shop.orders.get(parsed.id);
      return order && orderReadable(context, order) ? presentOrder(shop, order) : null;
    }
    case "SubscriptionContract": {
      const contract = shop.contracts.get(parsed.id);
      return contract ? presentContract(shop, contract) : null;
    }
    case "BulkOperation": {
      const operation = shop.bulkOperations.find((op) => op.id === parsed.id);
      return operation ? presentBulkOperation(operation, bulkFileUrl) : null;
    }
    case "AppSubscription": {
      const subscription = shop.appSubscriptions.find((s) => s.id === parsed.id);
      return subscription ? presentAppSubscription(subscription) : null;
    }
    case "SellingPlanGroup": {
      const group = shop.sellingPlanGroups.get(parsed.id);
      return group ? presentSellingPlanGroup(store, shop, group) : null;
    }
    case "ProductVariant": {
      for (const product of shop.products.values()) {
        const variant = product.variants.find((v) => v.id === parsed.id);
        if (variant)
          return (presentProduct(shop, product).variants({ first: 250 }).nodes as { id: string }[]).find((n) => n.id === id) ?? null;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Shopify's counts stop at `limit` (10,000 unless given; null counts everything). */
const count = (n: number, limit: number | null | undefined) => {
  const cap = limit === undefined ? 10_000 : limit;
  return cap !== null && n > cap ? { count: cap, precision: "AT_LEAST" } : { count: n, precision: "EXACT" };
};

const queryResolvers: Record<string, Resolver> = {
  shopLocales: (_root, args: { published?: boolean }, { shop }) =>
    shop.locales.filter((l) => !args.published || l.published).map((l) => ({ ...l, marketWebPresences: [] })),
  translatableResource: (_root, { resourceId }, { shop }) => presentTranslatableResource(shop, String(resourceId)),
  translatableResourcesByIds: (_root, args, { shop }) =>
    connection(
      (args.resourceIds as string[]).map((id) => presentTranslatableResource(shop, id)).filter((r) => r !== null),
      args as ConnectionArgs,
    ),
  subscriptionBillingAttempt: (_root, { id }, { store, shop }) => {
    const parsed = parseGid(id, "SubscriptionBillingAttempt");
    const attempt = parsed ? shop.billingAttempts.get(parsed.id) : undefined;
    return attempt ? presentBillingAttempt(store, shop, attempt, true) : null;
  },
  subscriptionContract: (_root, { id }, context) => (parseGid(id, "SubscriptionContract") ? findNode(context, id) : null),
  subscriptionContracts: (_root, args: ListArgs, { shop }) =>
    connection(
      [...shop.contracts.values()].sort((a, b) => a.id - b.id).map((contract) => presentContract(shop, contract)),
      args,
    ),
  sellingPlanGroup: (_root, { id }, context) => (parseGid(id, "SellingPlanGroup") ? findNode(context, id) : null),
  sellingPlanGroups: (_root, args: ListArgs, { store, shop }) => listGroups(store, shop, args),
  productsCount: (_root, args: ListArgs & { limit?: number | null }, { shop }) =>
    count(
      [...shop.products.values()].filter((p) => matchesQuery(args.query, { title: p.title, tag: p.tags, status: p.status.toLowerCase() }))
        .length,
      args.limit,
    ),
  collectionsCount: (_root, args: { limit?: number | null }, { shop }) => count(shop.collections.size, args.limit),
  customersCount: (_root, args: { limit?: number | null }, { shop }) => count(shop.customers.size, args.limit),
  ordersCount: (_root, args: { limit?: number | null }, context) =>
    count([...context.shop.orders.values()].filter((order) => orderReadable(context, order)).length, args.limit),
  shop: (_root, _args, { store, shop }) => presentShop(store, shop),
  codeDiscountNodeByCode: (_root, { code }, { shop }) => {
    const discount = findCodeDiscount(shop, String(code));
    return discount ? presentCodeDiscountNode(discount) : null;
  },
  currentBulkOperation: (_root, args: { type?: string }, { shop, bulkFileUrl }) => {
    // The simulator runs bulk queries only; the latest bulk mutation is therefore always none.
    const latest = args.type === "MUTATION" ? undefined : shop.bulkOperations.at(-1);
    return latest ? presentBulkOperation(latest, bulkFileUrl) : null;
  },
  currentAppInstallation: (_root, _args, { shop }) => ({ ...presentAppInstallation(shop), ...appInstallationSubscriptions(shop) }),
  publications: (_root, args, { shop }) => listPublications(shop, args),
  themes: (_root, args, { store, shop }) => listThemes(shop, store.themesDir, args),
  node: (_root, { id }, context) => findNode(context, id),
  nodes: (_root, { ids }, context) => (ids as unknown[]).map((id) => findNode(context, id)),
  product: (_root, { id }, context) => (parseGid(id, "Product") ? findNode(context, id) : null),
  productVariant: (_root, { id }, context) => (parseGid(id, "ProductVariant") ? findNode(context, id) : null),
  collection: (_root, { id }, context) => (parseGid(id, "Collection") ? findNode(context, id) : null),
  customer: (_root, { id }, context) => (parseGid(id, "Customer") ? findNode(context, id) : null),
  order: (_root, { id }, context) => (parseGid(id, "Order") ? findNode(context, id) : null),
  products: (_root, args: ListArgs, { shop }) =>
    connection(
      [...shop.products.values()]
        .filter((p) =>
          matchesQuery(args.query, {
            title: p.title,
            tag: p.tags,
            status: p.status.toLowerCase(),
            product_type: p.productType,
            vendor: p.vendor,
          }),
        )
        .map((p) => presentProduct(shop, p)),
      args,
    ),
  collections: (_root, args: ListArgs, { shop }) =>
    connection(
      [...shop.collections.values()].filter((c) => matchesQuery(args.query, { title: c.title })).map((c) => presentCollection(shop, c)),
      args,
    ),
  customers: (_root, args: ListArgs, { shop }) =>
    connection(
      [...shop.customers.values()]
        .filter((c) => matchesQuery(args.query, { email: c.email, first_name: c.firstName, last_name: c.lastName }))
        .map((c) => presentCustomer(shop, c)),
      args,
    ),
  orders: (_root, args: ListArgs, context) =>
    connection(
      [...context.shop.orders.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .filter(
          (o) =>
            orderReadable(context, o) &&
            matchesQuery(args.query, { name: `#${o.number}`, email: o.email ?? "", processed_at: o.createdAt.toISOString() }),
        )
        .map((o) => presentOrder(context.shop, o)),
      args,
    ),
};

/** selling_plan_groups/* webhook bodies: the group's ids, as Shopify sends them. */
/**
 * selling_plan_groups/create|update as Shopify sends it (Shopify's subscriptions reference app's
 * fixtures): the group and its plans' policies, and no products or variants.
 */
function groupWebhook(group: SellingPlanGroupRecord) {
  return {
    id: group.id,
    admin_graphql_api_id: gid("SellingPlanGroup", group.id),
    admin_graphql_api_app: group.appId,
    name: group.name,
    merchant_code: group.merchantCode,
    options: group.options,
    selling_plans: group.sellingPlans.map((plan) => ({
      name: plan.name,
      options: plan.options,
      description: plan.description,
      billing_policy: {
        interval: plan.billingPolicy.interval.toLowerCase(),
        interval_count: plan.billingPolicy.intervalCount,
        min_cycles: plan.billingPolicy.minCycles,
        max_cycles: plan.billingPolicy.maxCycles,
      },
      delivery_policy: { interval: plan.deliveryPolicy.interval.toLowerCase(), interval_count: plan.deliveryPolicy.intervalCount },
    })),
  };
}

const groupNotFound = (field: string[]): { userErrors: UserError[] } => ({
  userErrors: [{ field, message: "Selling plan group does not exist", code: "GROUP_DOES_NOT_EXIST" }],
});

function existingGroup(shop: ShopRecord, id: unknown): SellingPlanGroupRecord | undefined {
  const parsed = parseGid(id, "SellingPlanGroup");
  return parsed ? shop.sellingPlanGroups.get(parsed.id) : undefined;
}

/**
 * sellingPlanGroupAdd/Remove Products/ProductVariants: the same change to one of a group's two
 * lists, answered in each mutation's own payload shape.
 */
function attachmentChange(kind: "products" | "variants", change: "add" | "remove"): Resolver {
  const argument = kind === "products" ? "productIds" : "productVariantIds";
  const type = kind === "products" ? "Product" : "ProductVariant";
  const removedField = kind === "products" ? "removedProductIds" : "removedProductVariantIds";
  const failed = (userErrors: UserError[]) =>
    change === "add" ? { sellingPlanGroup: null, userErrors } : { [removedField]: null, userErrors };
  return (_root, args, { store, shop, events }) => {
    const current = existingGroup(shop, args.id);
    if (!current) return failed(groupNotFound(["id"]).userErrors);
    const ids = args[argument] as string[];
    const resolved = resolveResources(store, shop, kind === "products" ? ids : [], kind === "variants" ? ids : [], [argument]);
    if ("errors" in resolved) return failed(resolved.errors);
    const given = kind === "products" ? resolved.products : resolved.variants;
    const list = kind === "products" ? current.productIds : current.variantIds;
    const next = change === "add" ? [...new Set([...list, ...given])] : list.filter((id) => !given.includes(id));
    if (kind === "products") current.productIds = next;
    else current.variantIds = next;
    events.push({ topic: "selling_plan_groups/update", payload: groupWebhook(current) });
    return change === "add"
      ? { sellingPlanGroup: presentSellingPlanGroup(store, shop, current), userErrors: [] }
      : { [removedField]: list.filter((id) => given.includes(id)).map((id) => gid(type, id)), userErrors: [] };
  };
}

type Args = Record<string, never>;

export function announceAppSubscriptions(shop: ShopRecord, changed: AppSubscriptionRecord[], events: ResolverContext["events"]): void {
  for (const subscription of changed)
    events.push({ topic: "app_subscriptions/update", payload: appSubscriptionWebhook(shop, subscription) });
}

const mutationResolvers: Record<string, Resolver> = {
  productSet: (_root, args, { store, shop, now }) => {
    // Orchard runs productSet synchronously; the asynchronous operation is not simulated.
    if (args.synchronous === false) throw new GraphQLError("The simulator runs productSet synchronously only (see docs/simulator.md).");
    const { product, userErrors } = productSet(store, shop, args.input as ProductSetInput, now);
    return { product: product ? presentProduct(shop, product) : null, productSetOperation: null, userErrors };
  },
  productVariantsBulkUpdate: (_root, args, { shop }) => {
    const { product, variants, userErrors } = productVariantsBulkUpdate(shop, args.productId, args.variants as Args[]);
    return {
      product: product ? presentProduct(shop, product) : null,
      productVariants: product && variants ? variants.map((v) => presentVariant(shop, product, v)) : null,
      userErrors,
    };
  },
  publishablePublish: (_root, args, { shop }) => publishablePublish(shop, args.id, args.input as { publicationId?: unknown }[]),
  metafieldsSet: (_root, args, { shop, now }) => {
    const { metafields, userErrors } = metafieldsSet(shop, args.metafields as Args[], now);
    return { metafields: metafields?.map((m) => presentMetafield(m.ownerId, m)) ?? null, userErrors };
  },
  subscriptionContractPause: (_root, args, { shop, now, events }) =>
    changeContractStatus(shop, args.subscriptionContractId, "PAUSED", now, emitTo(events)),
  subscriptionContractActivate: (_root, args, { shop, now, events }) =>
    changeContractStatus(shop, args.subscriptionContractId, "ACTIVE", now, emitTo(events)),
  subscriptionContractCancel: (_root, args, { shop, now, events }) =>
    changeContractStatus(shop, args.subscriptionContractId, "CANCELLED", now, emitTo(events)),
  subscriptionContractExpire: (_root, args, { shop, now, events }) =>
    changeContractStatus(shop, args.subscriptionContractId, "EXPIRED", now, emitTo(events)),
  subscriptionContractSetNextBillingDate: (_root, args, { shop, now, events }) =>
    setNextBillingDate(shop, args.contractId, args.date, now, emitTo(events)),
  subscriptionContractUpdate: (_root, args, { store, shop }) => openDraft(store, shop, args.contractId),
  subscriptionContractAtomicCreate: (_root, args, { store, shop, now, events }) =>
    createContractAtomically(store, shop, args.input as Args, now, emitTo(events)),
  subscriptionDraftUpdate: (_root, args, { shop }) => updateDraft(shop, args.draftId, args.input as Args),
  subscriptionDraftLineUpdate: (_root, args, { store, shop }) =>
    updateDraftLine(store, shop, args.draftId, args.lineId, args.input as Args),
  subscriptionDraftLineAdd: (_root, args, { store, shop }) => addDraftLine(store, shop, args.draftId, args.input as Args),
  subscriptionDraftLineRemove: (_root, args, { shop }) => removeDraftLine(shop, args.draftId, args.lineId),
  subscriptionDraftDiscountAdd: (_root, args, { store, shop }) => addDraftDiscount(store, shop, args.draftId, args.input as Args),
  subscriptionDraftDiscountRemove: (_root, args, { shop }) => removeDraftDiscount(shop, args.draftId, args.discountId),
  flowTriggerReceive: (_root, args, { store, shop, now }) => receiveFlowTrigger(store.flowExtensions, shop, args.handle, args.payload, now),
  tagsAdd: (_root, args, { shop }) => addTags(shop, args.id, args.tags),
  tagsRemove: (_root, args, { shop }) => removeTags(shop, args.id, args.tags),
  subscriptionDraftCommit: (_root, args, { shop, now, events }) => commitDraft(shop, args.draftId, now, emitTo(events)),
  discountCodeBasicCreate: (_root, args, { store, shop, now }) => createBasicCodeDiscount(store, shop, args.basicCodeDiscount as Args, now),
  discountAutomaticBasicCreate: (_root, args, { store, shop, now }) =>
    createAutomaticBasicDiscount(store, shop, args.automaticBasicDiscount as Args, now),
  discountAutomaticBasicUpdate: (_root, args, { shop }) => updateAutomaticBasicDiscount(shop, args.id, args.automaticBasicDiscount as Args),
  customerPaymentMethodSendUpdateEmail: (_root, args, { shop, now }) =>
    sendPaymentMethodUpdateEmail(shop, args.customerPaymentMethodId, now),
  subscriptionBillingAttemptCreate: (_root, args, { store, shop, now, events }) => {
    const { attempt, userErrors } = createBillingAttempt(
      store,
      shop,
      args.subscriptionContractId,
      args.subscriptionBillingAttemptInput as Parameters<typeof createBillingAttempt>[3],
      now,
      (topic, payload) => events.push({ topic, payload }),
    );
    return { subscriptionBillingAttempt: attempt ? presentBillingAttempt(store, shop, attempt, false) : null, userErrors };
  },
  appSubscriptionCreate: (_root, args, { store, shop, now }) => {
    const { subscription, confirmationUrl, userErrors } = createAppSubscription(
      store,
      shop,
      args as unknown as AppSubscriptionCreateArgs,
      now,
    );
    return { appSubscription: subscription ? presentAppSubscription(subscription) : null, confirmationUrl, userErrors };
  },
  appSubscriptionCancel: (_root, args, { shop, now, events }) => {
    const { subscription, changed, userErrors } = cancelAppSubscription(shop, args.id, now);
    announceAppSubscriptions(shop, changed, events);
    return { appSubscription: subscription ? presentAppSubscription(subscription) : null, userErrors };
  },
  bulkOperationRunQuery: (_root, args, { bulk, bulkFileUrl }) => {
    const { operation, userErrors } = runBulkQuery(bulk, String(args.query));
    return { bulkOperation: operation ? presentBulkOperation(operation, bulkFileUrl) : null, userErrors };
  },
  translationsRegister: (_root, args, { shop, now }) =>
    registerTranslations(
      shop,
      String(args.resourceId),
      args.translations as { key: string; locale: string; value: string; translatableContentDigest: string }[],
      now,
    ),
  sellingPlanGroupCreate: (_root, args, { store, shop, now, events }) => {
    const resources = args.resources as { productIds?: string[]; productVariantIds?: string[] } | undefined;
    const attached = resolveResources(store, shop, resources?.productIds, resources?.productVariantIds);
    const result = applyGroupInput(store, undefined, args.input as GroupInput, now);
    const userErrors = [...("errors" in result ? result.errors : []), ...("errors" in attached ? attached.errors : [])];
    if (userErrors.length || "errors" in result || "errors" in attached) return { sellingPlanGroup: null, userErrors };
    const group = {
      ...result.group,
      productIds: attached.products,
      variantIds: attached.variants,
      position: result.group.position || shop.sellingPlanGroups.size + 1,
    };
    shop.sellingPlanGroups.set(group.id, group);
    events.push({ topic: "selling_plan_groups/create", payload: groupWebhook(group) });
    return { sellingPlanGroup: presentSellingPlanGroup(store, shop, group), userErrors: [] };
  },
  sellingPlanGroupUpdate: (_root, args, { store, shop, now, events }) => {
    const current = existingGroup(shop, args.id);
    if (!current) return { sellingPlanGroup: null, deletedSellingPlanIds: null, ...groupNotFound(["id"]) };
    const result = applyGroupInput(store, current, args.input as GroupInput, now);
    if ("errors" in result) return { sellingPlanGroup: null, deletedSellingPlanIds: null, userErrors: result.errors };
    shop.sellingPlanGroups.set(current.id, result.group);
    events.push({ topic: "selling_plan_groups/update", payload: groupWebhook(result.group) });
    return {
      sellingPlanGroup: presentSellingPlanGroup(store, shop, result.group),
      deletedSellingPlanIds: result.deletedPlanIds.map((id) => gid("SellingPlan", id)),
      userErrors: [],
    };
  },
  sellingPlanGroupDelete: (_root, args, { shop, events }) => {
    const current = existingGroup(shop, args.id);
    if (!current) return { deletedSellingPlanGroupId: null, ...groupNotFound(["id"]) };
    shop.sellingPlanGroups.delete(current.id);
    events.push({
      topic: "selling_plan_groups/delete",
      payload: { admin_graphql_api_id: gid("SellingPlanGroup", current.id), id: current.id },
    });
    return { deletedSellingPlanGroupId: gid("SellingPlanGroup", current.id), userErrors: [] };
  },
  sellingPlanGroupAddProducts: attachmentChange("products", "add"),
  sellingPlanGroupRemoveProducts: attachmentChange("products", "remove"),
  sellingPlanGroupAddProductVariants: attachmentChange("variants", "add"),
  sellingPlanGroupRemoveProductVariants: attachmentChange("variants", "remove"),
};

/**
 * Attaches the simulator's resolvers to Shopify's schema. Every root field the simulator does not
 * implement fails loudly, so a new operation in Orchard cannot pass a test by accident.
 */
export function installResolvers(schema: GraphQLSchema): void {
  const roots: [ReturnType<GraphQLSchema["getQueryType"]>, Record<string, Resolver>][] = [
    [schema.getQueryType(), queryResolvers],
    [schema.getMutationType(), mutationResolvers],
  ];
  for (const [type, resolvers] of roots) {
    if (!type) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      field.resolve =
        resolvers[name] ??
        (() => {
          throw new GraphQLError(`The Orchard store simulator does not implement ${type.name}.${name} (see docs/simulator.md).`, {
            extensions: { code: "SIMULATOR_NOT_IMPLEMENTED" },
          });
        });
    }
  }
}
