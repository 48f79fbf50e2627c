import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { storefrontPlan, storefrontProduct } from "../../support/storefront-selling-plans";
import { offerFor, subscribeChange, subscriptionsOpen, type OfferLine } from "../../../extensions/orchard-subscribe-at-checkout/src/offer";

const plan = (id: string, percent: number | null) => storefrontPlan(id, `Plan ${id}`, percent);
const oneTimeLine = (): OfferLine => ({
  id: "gid://shopify/CartLine/1",
  merchandise: { id: "gid://shopify/ProductVariant/2", product: { id: "gid://shopify/Product/3" }, sellingPlan: null },
});

describe("checkout subscription offer", () => {
  it("offers every recurring plan of a one-time line's product, with the best saving", () => {
    expect(offerFor(oneTimeLine(), { product: storefrontProduct([plan("sp-1", 10), plan("sp-2", 15), plan("sp-3", null)]) })).toEqual({
      plans: [
        { id: "sp-1", name: "Plan sp-1", savingPercent: 10 },
        { id: "sp-2", name: "Plan sp-2", savingPercent: 15 },
        { id: "sp-3", name: "Plan sp-3", savingPercent: null },
      ],
      bestSavingPercent: 15,
    });
  });

  it("offers nothing on a line that is already a subscription, or whose product has no plans", () => {
    const subscribed = oneTimeLine();
    subscribed.merchandise.sellingPlan = { id: "sp-1" };
    expect(offerFor(subscribed, { product: storefrontProduct([plan("sp-1", 10)]) })).toBeNull();
    expect(offerFor(oneTimeLine(), { product: { requiresSellingPlan: false, sellingPlanGroups: { nodes: [] } } })).toBeNull();
    expect(offerFor(oneTimeLine(), { product: null })).toBeNull();
  });

  it("offers nothing while Orchard says the shop takes no new subscribers", () => {
    const data = { product: storefrontProduct([plan("sp-1", 10)]) };
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

  it("changes only that line, to the chosen plan", () => {
    expect(subscribeChange(oneTimeLine(), "sp-2")).toEqual({
      type: "updateCartLine",
      id: "gid://shopify/CartLine/1",
      sellingPlanId: "sp-2",
    });
  });
});
