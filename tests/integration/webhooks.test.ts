import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { replaceLog } from "../../app/logging/log.server";
import { action } from "../../app/routes/webhooks.$";
import { db } from "../../app/db.server";
import { processInbox, PROCESSED_DELIVERIES_KEPT_MS, pruneProcessedDeliveries } from "../../app/webhooks/inbox.server";
import { createShop, webhookRequest } from "../support/context";

async function deliver(request: Request): Promise<number> {
  try {
    return (await action({ request, params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function givenInstalledShop() {
  const { shop } = createShop();
  await db().shop.create({ data: { domain: shop.domain, scopes: "read_products" } });
  await db().session.create({
    data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "", accessToken: "shpat_x", scope: "read_products" },
  });
  return shop.domain;
}

describe("webhooks", () => {
  it("refuses a webhook whose HMAC does not match: 401 and nothing written", async () => {
    const shop = await givenInstalledShop();
    const request = webhookRequest({
      shop,
      topic: "app/uninstalled",
      payload: { id: 1 },
      webhookId: randomUUID(),
      secret: "not-the-app-secret",
    });
    expect(await deliver(request)).toBe(401);
    expect(await db().webhookDelivery.count({ where: { shop } })).toBe(0);
    expect(await db().session.count({ where: { shop } })).toBe(1);
  });

  it("refuses a body over Shopify's largest while reading it, before any check: 413, memory bounded, nothing written", async () => {
    const shop = await givenInstalledShop();
    const headers = webhookRequest({ shop, topic: "app/uninstalled", payload: { id: 1 }, webhookId: randomUUID() }).headers;
    // 256 MB streamed without a declared length, as an attacker would send it, a megabyte at a time.
    const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 256) controller.enqueue(megabyte);
        else controller.close();
      },
    });
    headers.delete("content-length");
    const rssBefore = process.memoryUsage().rss;
    const streamed = new Request("https://orchard.example.com/webhooks/app/uninstalled", {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    expect(await deliver(streamed)).toBe(413);
    expect(sent).toBeLessThan(16);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    // A declared length over the limit is refused before a byte is read.
    headers.set("content-length", String(256 * 1024 * 1024));
    expect(
      await deliver(new Request("https://orchard.example.com/webhooks/app/uninstalled", { method: "POST", headers, body: "{}" })),
    ).toBe(413);
    expect(await db().webhookDelivery.count({ where: { shop } })).toBe(0);
  });

  it("acknowledges a duplicate delivery and processes it once", async () => {
    const shop = await givenInstalledShop();
    const webhookId = randomUUID();
    const payload = {
      id: 1,
      current: ["read_products", "write_products"],
      previous: ["read_products"],
      updated_at: "2026-11-20T10:00:00Z",
    };
    expect(await deliver(webhookRequest({ shop, topic: "app/scopes_update", payload, webhookId }))).toBe(200);
    expect(await deliver(webhookRequest({ shop, topic: "app/scopes_update", payload, webhookId }))).toBe(200);
    expect(await db().webhookDelivery.count({ where: { shop } })).toBe(1);

    expect(await processInbox()).toBe(1);
    expect(await processInbox()).toBe(0);
    expect((await db().shop.findUniqueOrThrow({ where: { domain: shop } })).scopes).toBe("read_products,write_products");
  });

  it("keeps the newer scopes when an older update arrives late", async () => {
    const shop = await givenInstalledShop();
    const newer = { current: ["read_products", "write_products", "read_orders"], updated_at: "2026-11-21T10:00:00Z" };
    const older = { current: ["read_products"], updated_at: "2026-11-20T10:00:00Z" };
    await deliver(webhookRequest({ shop, topic: "app/scopes_update", payload: newer, webhookId: randomUUID() }));
    await processInbox();
    await deliver(webhookRequest({ shop, topic: "app/scopes_update", payload: older, webhookId: randomUUID() }));
    await processInbox();
    expect((await db().shop.findUniqueOrThrow({ where: { domain: shop } })).scopes).toBe("read_products,write_products,read_orders");
  });

  it("forgets the shop's tokens when the app is uninstalled", async () => {
    const shop = await givenInstalledShop();
    await deliver(webhookRequest({ shop, topic: "app/uninstalled", payload: { id: 1, domain: shop }, webhookId: randomUUID() }));
    await processInbox();
    expect(await db().session.count({ where: { shop } })).toBe(0);
    expect((await db().shop.findUniqueOrThrow({ where: { domain: shop } })).uninstalledAt).not.toBeNull();
  });

  it("keeps a delivery whose payload it cannot use as failed, with the reason, and does not try it again", async () => {
    const shop = await givenInstalledShop();
    await deliver(
      webhookRequest({
        shop,
        topic: "app/scopes_update",
        payload: { current: "not-a-list", extra: { unknown: true } },
        webhookId: randomUUID(),
      }),
    );
    await processInbox();
    await processInbox();
    const [delivery] = await db().webhookDelivery.findMany({ where: { shop } });
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    expect(delivery!.lastError).toMatch(/Expected array/);
  });

  it("tries a delivery that failed again once its wait is over, each wait longer, and gives up after the fifth attempt", async () => {
    const shop = await givenInstalledShop();
    // The plan is read again from Shopify, which refuses the shop's token: a failure that may mend.
    const payload = { admin_graphql_api_id: "gid://shopify/SellingPlanGroup/1" };
    await deliver(webhookRequest({ shop, topic: "selling_plan_groups/update", payload, webhookId: randomUUID() }));
    const delivery = () => db().webhookDelivery.findFirstOrThrow({ where: { shop } });
    const waitOf = async () => {
      const { retryAfter } = await delivery();
      return retryAfter!.getTime() - Date.now();
    };

    const logged: { level: number; msg: string; attempt: number; err?: { type: string } }[] = [];
    const restoreLog = replaceLog(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split("\n").filter(Boolean)) logged.push(JSON.parse(line) as (typeof logged)[number]);
          done();
        },
      }),
      "warn",
    );
    const startedAt = Date.now();
    await processInbox();
    expect(await delivery()).toMatchObject({ status: "retrying", attempts: 1 });
    expect(await waitOf()).toBeGreaterThan(10_000 - (Date.now() - startedAt) - 1_000);
    // Not before its time, however often the worker looks.
    await processInbox();
    expect(await delivery()).toMatchObject({ status: "retrying", attempts: 1 });

    const waits: number[] = [];
    for (let attempt = 2; attempt <= 4; attempt += 1) {
      await db().webhookDelivery.updateMany({ where: { shop }, data: { retryAfter: new Date(Date.now() - 1) } });
      await processInbox();
      expect(await delivery()).toMatchObject({ status: "retrying", attempts: attempt });
      waits.push(await waitOf());
    }
    expect(waits[1]! / waits[0]!).toBeCloseTo(5, 0);
    expect(waits[2]! / waits[1]!).toBeCloseTo(5, 0);

    await db().webhookDelivery.updateMany({ where: { shop }, data: { retryAfter: new Date(Date.now() - 1) } });
    await processInbox();
    expect(await delivery()).toMatchObject({ status: "failed", attempts: 5 });
    expect((await delivery()).lastError).not.toBeNull();
    restoreLog();
    // Each failure is logged with the error's class: a warning while it will be tried again, then an error.
    expect(logged.map(({ level, msg, attempt, err }) => ({ level, msg, attempt, type: err?.type }))).toEqual([
      ...[1, 2, 3, 4].map((attempt) => ({
        level: 40,
        msg: "webhook delivery failed; tried again later",
        attempt,
        type: "ShopifyGraphqlError",
      })),
      { level: 50, msg: "webhook delivery failed; given up", attempt: 5, type: "ShopifyGraphqlError" },
    ]);
  });

  it("forgets processed deliveries after a week, keeps failed ones and recent ones", async () => {
    const shop = await givenInstalledShop();
    const weekAgo = new Date(Date.now() - PROCESSED_DELIVERIES_KEPT_MS - 60_000);
    const delivery = (webhookId: string, status: string, receivedAt: Date) =>
      db().webhookDelivery.create({
        data: { shop, webhookId, topic: "ORDERS_PAID", apiVersion: "2026-07", payload: "{}", status, receivedAt },
      });
    await delivery("old-processed", "processed", weekAgo);
    await delivery("old-skipped", "skipped", weekAgo);
    await delivery("old-failed", "failed", weekAgo);
    await delivery("recent", "processed", new Date());
    await pruneProcessedDeliveries();
    const left = await db().webhookDelivery.findMany({ where: { shop }, select: { webhookId: true }, orderBy: { webhookId: "asc" } });
    expect(left.map((d) => d.webhookId)).toEqual(["old-failed", "recent"]);
  });
});
