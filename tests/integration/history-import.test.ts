import { describe, expect, it, onTestFinished } from "vitest";
import { replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { action as importAction } from "../../app/routes/app.history-import";
import { seedShop } from "../../simulator/seed";
import { orderPayload } from "../../simulator/webhook-payloads";
import { refundLines } from "../../simulator/orders";
import type { ShopRecord } from "../../simulator/store";
import { adminFetchRequest, createShop, testContext } from "../support/context";
import { operationEnded } from "../support/bulk-operations";
import { settle } from "../support/subscriptions";

/** The simulator's bulk query API as Orchard's background client reaches it. */
async function bulkQuery(shop: ShopRecord, query: string) {
  const { simulator } = testContext();
  const response = await fetch(`${simulator.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-simulator-shop": shop.domain, "x-shopify-access-token": "shpat_bulk" },
    body: JSON.stringify({
      query: `mutation Run($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }`,
      variables: { query },
    }),
  });
  const body = (await response.json()) as {
    data: {
      bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { field: string[]; message: string; code: string }[] };
    };
  };
  return body.data.bulkOperationRunQuery;
}

function shopWithHistory() {
  const { shop } = createShop();
  shop.ianaTimezone = "UTC";
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 6, months: 3 });
  shop.accessTokens.set("shpat_bulk", { scope: "read_orders,read_all_orders", online: false, userId: null });
  return shop;
}

describe("store simulator: bulk operations", () => {
  it("refuses what Shopify refuses, with its userErrors", async () => {
    const shop = shopWithHistory();
    const refused = async (query: string) => (await bulkQuery(shop, query)).userErrors.map((e) => [e.code, e.field, e.message]);
    expect(await refused("{ shop { name } }")).toEqual([
      ["INVALID", ["query"], "Invalid bulk query: bulk queries must contain at least one connection"],
    ]);
    expect((await refused(`{ node(id: "gid://shopify/Order/1") { id } orders { edges { node { id } } } }`))[0]?.[2]).toMatch(
      /node and nodes fields can't be used/,
    );
    expect((await refused("{ orders { edges { node { id nmae } } } }"))[0]?.[2]).toMatch(/^Invalid bulk query: Cannot query field "nmae"/);
    const threeDeep = `{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id } } } } } } } } } }`;
    expect((await refused(threeDeep))[0]?.[2]).toMatch(/nested 2 levels deep at most/);

    shop.holdBulkOperations = true;
    expect((await bulkQuery(shop, "{ orders { edges { node { id } } } }")).bulkOperation).not.toBeNull();
    expect(await refused("{ orders { edges { node { id } } } }")).toEqual([
      ["OPERATION_IN_PROGRESS", ["query"], expect.stringMatching(/already in progress: gid:\/\/shopify\/BulkOperation\/\d+\.$/)],
    ]);
    shop.holdBulkOperations = false;
    await operationEnded(shop);
  });

  it("writes every node on a line of its own, nested ones with __parentId, and counts them", async () => {
    const shop = shopWithHistory();
    const { bulkOperation } = await bulkQuery(
      shop,
      "{ orders { edges { node { id name lineItems { edges { node { id quantity } } } } } } }",
    );
    const operation = await operationEnded(shop);
    expect(operation.status).toBe("COMPLETED");
    const lines = operation.lines!.map((line) => JSON.parse(line) as Record<string, unknown>);
    const lineItems = [...shop.orders.values()].flatMap((order) => order.lines);
    expect(lines).toHaveLength(shop.orders.size + lineItems.length);
    expect(operation).toMatchObject({ objectCount: lines.length, rootObjectCount: shop.orders.size });
    const [firstOrder] = [...shop.orders.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const orderGid = `gid://shopify/Order/${firstOrder!.id}`;
    expect(lines).toContainEqual({ id: orderGid, name: `#${firstOrder!.number}` });
    expect(lines).toContainEqual({
      id: `gid://shopify/LineItem/${firstOrder!.lines[0]!.id}`,
      quantity: firstOrder!.lines[0]!.quantity,
      __parentId: orderGid,
    });

    const { simulator } = testContext();
    const file = await fetch(`${simulator.url}/bulk-operations/${shop.domain}/${operation.id}.jsonl`);
    expect((await file.text()).trim().split("\n")).toHaveLength(lines.length);
    expect(bulkOperation!.id).toBe(`gid://shopify/BulkOperation/${operation.id}`);
  });
});

describe("importing a shop's history", () => {
  const dashboard = (shop: string) => dashboardLoader({ request: adminFetchRequest("/app?months=6", shop), params: {}, context: {} });

  it("starts on install, puts every paid order through the ledger once, and shows its progress", async () => {
    const { simulator } = testContext();
    const shop = shopWithHistory();
    // A refunded order: the ledger keeps what the refund left.
    const refunded = [...shop.orders.values()][0]!;
    await refundLines(simulator, shop, refunded, [{ lineId: refunded.lines[0]!.id, quantity: 1 }]);
    const { history } = await dashboard(shop.domain);
    expect(history).toMatchObject({ status: "running" });
    expect(history!.percent).toBeGreaterThanOrEqual(0);

    await operationEnded(shop);
    await settle();
    const imported = await dashboard(shop.domain);
    expect(imported.history).toMatchObject({ status: "completed", percent: 100, importedOrders: shop.orders.size, importedContracts: 0 });
    expect(await db().order.count({ where: { shop: shop.domain } })).toBe(shop.orders.size);
    const oneOff = [...shop.orders.values()].reduce(
      (sum, order) =>
        sum +
        order.lines.reduce((lines, line) => {
          const refundedUnits = order.refunds
            .flatMap((r) => r.lines)
            .filter((l) => l.lineId === line.id)
            .reduce((n, l) => n + l.quantity, 0);
          return lines + line.priceMinor * (line.quantity - refundedUnits);
        }, 0),
      0,
    );
    expect(imported.retention.revenue.reduce((sum, month) => sum + month.oneOff, 0)).toBe(oneOff);
    expect(imported.retention.hasHistory).toBe(true);

    // The webhook again, and the import again: nothing is counted twice.
    const before = await db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } });
    await simulator.webhooks.send(shop.domain, "bulk_operations/finish", {
      admin_graphql_api_id: `gid://shopify/BulkOperation/${shop.bulkOperations.at(-1)!.id}`,
      status: "completed",
    });
    const again = await importAction({
      request: adminFetchRequest("/app/history-import", shop.domain, { method: "POST" }),
      params: {},
      context: {},
    });
    expect(again).toEqual({ started: true });
    await operationEnded(shop);
    await settle();
    expect(await db().backfill.count({ where: { shop: shop.domain, status: "completed" } })).toBe(2);
    expect(await db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } })).toEqual(before);
    // A delivered webhook of an imported order changes nothing either.
    await simulator.webhooks.send(shop.domain, "orders/paid", orderPayload(shop, refunded));
    await settle();
    expect(await db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } })).toEqual(before);
  });

  it("takes up an import whose process died, once its lease ran out, and blocks no new one meanwhile", async () => {
    const { simulator } = testContext();
    const shop = shopWithHistory();
    await dashboard(shop.domain);
    await operationEnded(shop);
    await settle();
    const first = (await db().backfill.findFirst({ where: { shop: shop.domain } }))!;
    const ledgerBefore = await db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } });
    // As a process that died 400 orders in leaves it: importing, its lease last renewed then.
    onTestFinished(replaceClock(simulator.clock));
    const diedAt = simulator.clock.now();
    await db().backfill.update({
      where: { id: first.id },
      data: { status: "importing", importedOrders: 400, heartbeatAt: diedAt, finishedAt: null, repeatProducts: null },
    });
    const again = await importAction({
      request: adminFetchRequest("/app/history-import", shop.domain, { method: "POST" }),
      params: {},
      context: {},
    });
    expect(again).toEqual({ started: true });
    expect(await db().backfill.count({ where: { shop: shop.domain } })).toBe(1);

    // Within its lease the import is left to its process; after it, the worker takes it up.
    simulator.clock.advance(5 * 60_000);
    await settle();
    expect(await db().backfill.findUnique({ where: { id: first.id } })).toMatchObject({ status: "importing" });
    simulator.clock.advance(6 * 60_000);
    await settle();
    expect(await db().backfill.findUnique({ where: { id: first.id } })).toMatchObject({
      status: "completed",
      importedOrders: shop.orders.size,
      repeatProducts: expect.any(String),
    });
    expect(await db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } })).toEqual(ledgerBefore);
  });
});
