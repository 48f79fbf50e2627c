import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { connection, type ConnectionArgs } from "./connection";
import {
  matchesQuery,
  presentCollection,
  presentCustomer,
  presentOrder,
  presentProduct,
  presentShop,
  type ResolverContext,
} from "./presenters";
import { parseGid } from "../ids";
import type { ShopRecord } from "../store";

type Resolver = GraphQLFieldResolver<unknown, ResolverContext, Record<string, unknown>>;
type ListArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

function findNode(shop: ShopRecord, id: unknown): unknown {
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
      return order ? presentOrder(shop, order) : null;
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

const count = (n: number, limit?: unknown) =>
  typeof limit === "number" && n > limit ? { count: limit, precision: "AT_LEAST" } : { count: n, precision: "EXACT" };

const queryResolvers: Record<string, Resolver> = {
  productsCount: (_root, args: ListArgs & { limit?: number }, { shop }) =>
    count(
      [...shop.products.values()].filter((p) => matchesQuery(args.query, { title: p.title, tag: p.tags, status: p.status.toLowerCase() }))
        .length,
      args.limit ?? 10_000,
    ),
  collectionsCount: (_root, args: { limit?: number }, { shop }) => count(shop.collections.size, args.limit ?? 10_000),
  customersCount: (_root, args: { limit?: number }, { shop }) => count(shop.customers.size, args.limit ?? 10_000),
  ordersCount: (_root, args: { limit?: number }, { shop }) => count(shop.orders.size, args.limit ?? 10_000),
  shop: (_root, _args, { shop }) => presentShop(shop),
  node: (_root, { id }, { shop }) => findNode(shop, id),
  nodes: (_root, { ids }, { shop }) => (ids as unknown[]).map((id) => findNode(shop, id)),
  product: (_root, { id }, { shop }) => (parseGid(id, "Product") ? findNode(shop, id) : null),
  productVariant: (_root, { id }, { shop }) => (parseGid(id, "ProductVariant") ? findNode(shop, id) : null),
  collection: (_root, { id }, { shop }) => (parseGid(id, "Collection") ? findNode(shop, id) : null),
  customer: (_root, { id }, { shop }) => (parseGid(id, "Customer") ? findNode(shop, id) : null),
  order: (_root, { id }, { shop }) => (parseGid(id, "Order") ? findNode(shop, id) : null),
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
  orders: (_root, args: ListArgs, { shop }) =>
    connection(
      [...shop.orders.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .filter((o) => matchesQuery(args.query, { name: `#${o.number}`, email: o.email ?? "" }))
        .map((o) => presentOrder(shop, o)),
      args,
    ),
};

const mutationResolvers: Record<string, Resolver> = {};

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
