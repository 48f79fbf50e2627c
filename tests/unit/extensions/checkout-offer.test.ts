import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { buildClientSchema, parse, validate, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import {
  offerFor,
  PRODUCT_SELLING_PLANS,
  subscribeChange,
  subscriptionsOpen,
  type OfferLine,
  type ProductSellingPlansData,
} from "../../../extensions/orchard-checkout/src/offer";

/**
 * A fake of the checkout extension API that behaves as Shopify documents it: queries are checked
 * against the Storefront API schema; a cart line change is refused when the cart instructions say
 * lines cannot be updated or when the selling plan is not one of the product's.
 */
const require = createRequire(import.meta.url);
const introspection = JSON.parse(readFileSync(require.resolve("@shopify/hydrogen-react/storefront.schema.json"), "utf8")) as
  | IntrospectionQuery
  | { data: IntrospectionQuery };
const storefrontSchema = buildClientSchema("data" in introspection ? introspection.data : introspection);

function fakeCheckout(options: { line: OfferLine; product: ProductSellingPlansData["product"]; canUpdateCartLine?: boolean }) {
  const changes: unknown[] = [];
  const api = {
    target: { value: options.line },
    instructions: { value: { lines: { canUpdateCartLine: options.canUpdateCartLine ?? true } } },
    async query<Data>(query: string, { variables }: { variables: Record<string, unknown> }): Promise<{ data?: Data; errors?: unknown[] }> {
      const errors = validate(storefrontSchema, parse(query));
      if (errors.length) return { errors: errors.map((e) => ({ message: e.message })) };
      expect(variables.id).toBe(options.line.merchandise.product.id);
      return { data: { product: options.product } as Data };
    },
    async applyCartLinesChange(change: { type: string; id: string; sellingPlanId?: string }) {
      if (!api.instructions.value.lines.canUpdateCartLine) return { type: "error" as const, message: "Cart lines cannot be updated" };
      const known = options.product?.sellingPlanGroups.nodes.flatMap((g) => g.sellingPlans.nodes.map((p) => p.id)) ?? [];
      if (change.type !== "updateCartLine" || change.id !== options.line.id || !known.includes(change.sellingPlanId ?? "")) {
        return { type: "error" as const, message: "Invalid change" };
      }
      changes.push(change);
      options.line.merchandise.sellingPlan = { id: change.sellingPlanId! };
      return { type: "success" as const };
    },
  };
  return { api, changes };
}

const plan = (id: string, percent: number | null) => ({
  id,
  name: `Plan ${id}`,
  recurringDeliveries: true,
  priceAdjustments:
    percent === null
      ? []
      : [{ orderCount: null, adjustmentValue: { __typename: "SellingPlanPercentagePriceAdjustment", adjustmentPercentage: percent } }],
});
const product = (plans: ReturnType<typeof plan>[]) => ({
  requiresSellingPlan: false,
  sellingPlanGroups: { nodes: [{ name: "Subscribe and save", sellingPlans: { nodes: plans } }] },
});
const oneTimeLine = (): OfferLine => ({
  id: "gid://shopify/CartLine/1",
  merchandise: { id: "gid://shopify/ProductVariant/2", product: { id: "gid://shopify/Product/3" }, sellingPlan: null },
});

async function run(api: ReturnType<typeof fakeCheckout>["api"]) {
  const result = await api.query<ProductSellingPlansData>(PRODUCT_SELLING_PLANS, {
    variables: { id: api.target.value.merchandise.product.id },
  });
  expect(result.errors).toBeUndefined();
  return offerFor(api.target.value, result.data);
}

describe("checkout subscription offer", () => {
  it("asks the Storefront API a question its schema accepts", () => {
    expect(validate(storefrontSchema, parse(PRODUCT_SELLING_PLANS)).map((e) => e.message)).toEqual([]);
  });

  it("offers every recurring plan of a one-time line's product, with the best saving", async () => {
    const { api } = fakeCheckout({ line: oneTimeLine(), product: product([plan("sp-1", 10), plan("sp-2", 15), plan("sp-3", null)]) });
    expect(await run(api)).toEqual({
      plans: [
        { id: "sp-1", name: "Plan sp-1", savingPercent: 10 },
        { id: "sp-2", name: "Plan sp-2", savingPercent: 15 },
        { id: "sp-3", name: "Plan sp-3", savingPercent: null },
      ],
      bestSavingPercent: 15,
    });
  });

  it("offers nothing on a line that is already a subscription, or whose product has no plans", async () => {
    const subscribed = oneTimeLine();
    subscribed.merchandise.sellingPlan = { id: "sp-1" };
    expect(await run(fakeCheckout({ line: subscribed, product: product([plan("sp-1", 10)]) }).api)).toBeNull();
    expect(
      await run(fakeCheckout({ line: oneTimeLine(), product: { requiresSellingPlan: false, sellingPlanGroups: { nodes: [] } } }).api),
    ).toBeNull();
    expect(await run(fakeCheckout({ line: oneTimeLine(), product: null }).api)).toBeNull();
  });

  it("offers nothing while Orchard says the shop takes no new subscribers", () => {
    const data = { product: product([plan("sp-1", 10)]) };
    expect(offerFor(oneTimeLine(), data, false)).toBeNull();
    expect(offerFor(oneTimeLine(), data, true)).not.toBeNull();
  });

  it("asks Orchard with the session token, and offers unless Orchard clearly says no", async () => {
    const answers: [number, string][] = [
      [200, JSON.stringify({ open: false })],
      [200, JSON.stringify({ open: true })],
      [500, "oops"],
      [200, "not json"],
    ];
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization}`);
      const [status, body] = answers.shift()!;
      res.writeHead(status, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await subscriptionsOpen(url, "token-1")).toBe(false);
      expect(await subscriptionsOpen(url, "token-1")).toBe(true);
      expect(await subscriptionsOpen(url, "token-1")).toBe(true);
      expect(await subscriptionsOpen(url, "token-1")).toBe(true);
      expect(seen[0]).toBe("/api/checkout/subscriptions Bearer token-1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Nobody listening: the offer stays.
    expect(await subscriptionsOpen(url, "token-1")).toBe(true);
  });

  it("changes only that line, to the chosen plan, when the shopper accepts", async () => {
    const { api, changes } = fakeCheckout({ line: oneTimeLine(), product: product([plan("sp-1", 10), plan("sp-2", 15)]) });
    const result = await api.applyCartLinesChange(subscribeChange(api.target.value, "sp-2"));
    expect(result).toEqual({ type: "success" });
    expect(changes).toEqual([{ type: "updateCartLine", id: "gid://shopify/CartLine/1", sellingPlanId: "sp-2" }]);
    expect(offerFor(api.target.value, { product: product([plan("sp-1", 10)]) })).toBeNull();
  });

  it("reports the refusal when the checkout does not allow changing lines", async () => {
    const { api, changes } = fakeCheckout({ line: oneTimeLine(), product: product([plan("sp-1", 10)]), canUpdateCartLine: false });
    expect(await api.applyCartLinesChange(subscribeChange(api.target.value, "sp-1"))).toMatchObject({ type: "error" });
    expect(changes).toEqual([]);
  });
});
