import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as listAction, loader as listLoader } from "../../app/routes/app.subscriptions._index";
import { loader as exportLoader } from "../../app/routes/app.subscriptions.export";
import { completeCheckout, TEST_SHOPPER } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { adminFetchRequest, testContext } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";
import { settle, shopWithSubscription } from "../support/subscriptions";

/** The merchant's subscriptions list: search, filters, paging, bulk changes and export, over subscriptions made at checkout. */
async function shopWithSubscribers() {
  const { simulator } = testContext();
  const first = await shopWithSubscription();
  const { shop, coffee, sellingPlanIds } = first;
  const grinder = [...shop.products.values()].find((p) => p.id !== coffee.id)!;
  const { sellingPlanIds: monthly } = await createSellingPlanGroup(simulator.url, shop.domain, {
    name: "Monthly",
    productIds: [grinder.id],
    plans: [{ name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 5 }],
  });
  const subscribe = (email: string, firstName: string, lastName: string, variantId: number, sellingPlanId: number) =>
    completeCheckout(simulator, shop, {
      email,
      lines: [{ variantId, quantity: 1, sellingPlanId, properties: {} }],
      shippingAddress: { ...TEST_SHOPPER.shippingAddress, firstName, lastName },
    });
  await subscribe("zoe@example.com", "Zoé", "Martin", coffee.variants[0]!.id, sellingPlanIds[1]!);
  await subscribe("bob@example.com", "Bob", "Stone", grinder.variants[0]!.id, monthly[0]!);
  await settle();
  const rows = await db().subscriptionContract.findMany({ where: { shop: shop.domain }, orderBy: { createdAt: "asc" } });
  return { shop, grinder, monthly: gid("SellingPlan", monthly[0]!), rows, everyTwoWeeks: gid("SellingPlan", sellingPlanIds[0]!) };
}

const list = async (shop: string, query = "") =>
  listLoader({ request: adminFetchRequest(`/app/subscriptions${query}`, shop), params: {}, context: {} });
const customers = (result: Awaited<ReturnType<typeof list>>) => result.contracts.map((c) => c.customer).sort();

describe("the subscriptions list", () => {
  it("finds subscriptions by name, email or item, whatever the case, and narrows them by status, plan, next order and failing payment", async () => {
    const { shop, grinder, monthly, rows, everyTwoWeeks } = await shopWithSubscribers();
    expect(rows).toHaveLength(3);
    expect(customers(await list(shop.domain))).toEqual(["Ada Shopper", "Bob Stone", "Zoé Martin"]);

    expect(customers(await list(shop.domain, "?query=ZOÉ"))).toEqual(["Zoé Martin"]);
    expect(customers(await list(shop.domain, "?query=bob%40EXAMPLE"))).toEqual(["Bob Stone"]);
    expect(customers(await list(shop.domain, `?query=${encodeURIComponent(grinder.title.toUpperCase())}`))).toEqual(["Bob Stone"]);
    // Like-patterns typed by the merchant are text, not wildcards.
    expect(customers(await list(shop.domain, "?query=%25"))).toEqual([]);

    expect(customers(await list(shop.domain, `?plan=${encodeURIComponent(monthly)}`))).toEqual(["Bob Stone"]);
    expect(customers(await list(shop.domain, `?plan=${encodeURIComponent(everyTwoWeeks)}`))).toEqual(["Ada Shopper"]);
    expect((await list(shop.domain)).plans.map((p) => p.name).sort()).toEqual(["Every 2 weeks", "Every 4 weeks", "Every month"]);

    // The next order window is in the shop's calendar: the two-weekly subscriber is due in 14 days.
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect(customers(await list(shop.domain, `?nextFrom=${inDays(13)}&nextTo=${inDays(15)}`))).toEqual(["Ada Shopper"]);
    expect(customers(await list(shop.domain, `?nextFrom=${inDays(20)}`))).toEqual(["Bob Stone", "Zoé Martin"]);

    await db().subscriptionContract.update({ where: { id: rows[1]!.id }, data: { dunningCycle: 1 } });
    expect(customers(await list(shop.domain, "?dunning=1"))).toEqual(["Zoé Martin"]);

    // What cannot be understood filters nothing, and says nothing went wrong.
    const odd = await list(shop.domain, "?status=DELETED&plan=1%20OR%201&nextFrom=2026-02-30&page=-4");
    expect(odd.filters).toEqual({ query: "", status: null, sellingPlanId: null, nextFrom: null, nextTo: null, dunning: false });
    expect(odd.page).toBe(1);
    expect(customers(odd)).toHaveLength(3);
  });

  it("pages through the subscriptions fifty at a time, newest first, and says how many match", async () => {
    const { shop, rows } = await shopWithSubscribers();
    const template = rows[0]!;
    // Many more subscribers, as stored rows: paging is the database's, whatever made the rows.
    await db().subscriptionContract.createMany({
      data: Array.from({ length: 117 }, (_, index) => {
        const { id: _id, ...rest } = template;
        return {
          ...rest,
          shopifyId: `gid://shopify/SubscriptionContract/9${index}`,
          customerDisplayName: `Paged Customer ${index}`,
          searchText: `paged customer ${index}`,
          firstBillingAt: new Date(Date.now() + (index + 1) * 1000),
        };
      }),
    });
    const first = await list(shop.domain);
    expect(first).toMatchObject({ matching: 120, pages: 3, page: 1 });
    expect(first.contracts).toHaveLength(50);
    expect(first.contracts[0]!.customer).toBe("Paged Customer 116");
    const last = await list(shop.domain, "?page=3");
    expect(last.contracts).toHaveLength(20);
    expect(last.contracts.at(-4)!.customer).toBe("Paged Customer 0");
    expect(customers({ ...last, contracts: last.contracts.slice(-3) })).toEqual(["Ada Shopper", "Bob Stone", "Zoé Martin"]);
    const seen = new Set([...first.contracts, ...(await list(shop.domain, "?page=2")).contracts, ...last.contracts].map((c) => c.id));
    expect(seen.size).toBe(120);
    expect((await list(shop.domain, "?page=9")).contracts).toEqual([]);
    expect(await list(shop.domain, "?query=paged%20customer%2011")).toMatchObject({ matching: 8 });
  });

  it("pauses, resumes and cancels the chosen subscriptions at once, each checked as if alone, and tells how many changed", async () => {
    const { shop, rows } = await shopWithSubscribers();
    const bulk = (form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(form)) for (const one of [value].flat()) body.append(key, one);
      return listAction({
        request: adminFetchRequest("/app/subscriptions", shop.domain, { method: "POST", body }),
        params: {},
        context: {},
      });
    };
    const ids = rows.map((r) => r.id);
    expect(await bulk({ action: "pause", ids: ids.slice(0, 2) })).toEqual({
      ok: true,
      result: { action: "pause", done: 2, notAllowed: 0, failed: 0 },
    });
    await settle();
    // Paused ones cannot be paused again; the active one can.
    expect(await bulk({ action: "pause", ids })).toMatchObject({ result: { done: 1, notAllowed: 2 } });
    await settle();
    expect(await bulk({ action: "resume", ids })).toMatchObject({ result: { done: 3, notAllowed: 0 } });
    await settle();
    // A cancellation needs a reason; without one nothing is done.
    expect(await bulk({ action: "cancel", ids })).toEqual({ ok: false });
    expect(await bulk({ action: "cancel", ids: [ids[0]!, ids[0]!], reason: "too_expensive" })).toMatchObject({ result: { done: 1 } });
    await settle();
    const after = await db().subscriptionContract.findMany({ where: { shop: shop.domain }, orderBy: { createdAt: "asc" } });
    expect(after.map((c) => [c.status, c.cancellationReason])).toEqual([
      ["CANCELLED", "too_expensive"],
      ["ACTIVE", null],
      ["ACTIVE", null],
    ]);
    // Each customer heard of each change once: paused, back, and the cancelled one's cancellation.
    const kinds = await db().emailMessage.groupBy({
      by: ["kind"],
      where: { shop: shop.domain, kind: { in: ["paused", "resumed", "cancelled"] } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]))).toEqual({ paused: 3, resumed: 3, cancelled: 1 });
  });

  it("exports the filtered subscriptions as CSV, with days in the shop's calendar", async () => {
    const { shop } = await shopWithSubscribers();
    const response = await exportLoader({
      request: adminFetchRequest("/app/subscriptions/export?query=zo%C3%A9&locale=fr", shop.domain),
      params: {},
      context: {},
    });
    const [header, row, end] = (await response.text()).split("\r\n");
    expect(header).toBe(
      '"Client","E-mail","Statut","Articles","Formule","Prochaine commande","Revenu mensuel récurrent","Devise","Abonné depuis le"',
    );
    expect(row).toMatch(
      /^"Zoé Martin","zoe@example.com","Actif","1 × [^"]+","Every 4 weeks","\d{4}-\d{2}-\d{2}",\d+\.\d{2},"[A-Z]{3}","\d{4}-\d{2}-\d{2}"$/,
    );
    expect(end).toBe("");
  });
});
