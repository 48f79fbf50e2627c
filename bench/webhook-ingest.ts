/**
 * Webhook ingest throughput: Orchard's webhook route (body limit, HMAC and headers checked, dedupe,
 * durable write to the inbox) against a bare node:http server that only checks the HMAC, measured
 * in the same process, with the same load, one after the other. Prints the ratio, and the p50 and
 * p99 of each delivery's wait for its answer (Shopify counts an answer after 5 s as failed).
 *
 *   tsx bench/webhook-ingest.ts sqlite|postgresql
 *
 * Load: a fixed number of deliveries (10 % of them duplicates of earlier ones) sent by a bounded
 * number of concurrent clients over loopback; the run stops by itself.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { orchardEnvironment } from "./support/orchard-environment";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 3000);
const CONCURRENCY = 16;
const SECRET = "bench-secret";
const SHOP = "bench-shop.myshopify.com";

const db = await orchardEnvironment(database, { SHOPIFY_API_SECRET: SECRET, SCOPES: "read_products" });
const { action } = await import("../app/routes/webhooks.$");
const { db: orchardDb } = await import("../app/db.server");

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void handler(req, res));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/orders/paid` }),
    ),
  );
}

const bare = await listen(async (req, res) => {
  const body = await readBody(req);
  const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
  const expected = createHmac("sha256", SECRET).update(body).digest();
  res.writeHead(given.length === expected.length && timingSafeEqual(given, expected) ? 200 : 401).end();
});

const orchard = await listen(async (req, res) => {
  const body = await readBody(req);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  try {
    const response = await action({
      request: new Request(`https://orchard.example.com${req.url}`, { method: "POST", headers, body: new Uint8Array(body) }),
      params: {},
      context: {},
    });
    res.writeHead(response.status).end();
  } catch (thrown) {
    res.writeHead(thrown instanceof Response ? thrown.status : 500).end();
  }
});

function deliveries(): { body: string; headers: Record<string, string> }[] {
  const sent: { body: string; headers: Record<string, string> }[] = [];
  for (let i = 0; i < DELIVERIES; i += 1) {
    if (i > 10 && i % 10 === 0) {
      sent.push(sent[i - 7]!); // a duplicate: same webhook id, same body
      continue;
    }
    const body = JSON.stringify({ id: i, name: `#${1000 + i}`, line_items: [{ id: i, variant_id: 42, quantity: 1, price: "16.00" }] });
    sent.push({
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": "orders/paid",
        "x-shopify-shop-domain": SHOP,
        "x-shopify-api-version": "2026-10",
        "x-shopify-webhook-id": randomUUID(),
        "x-shopify-triggered-at": new Date().toISOString(),
        "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
      },
    });
  }
  return sent;
}

/** Deliveries a second, and the p50 and p99 of the time each waited for its answer (ms). */
async function measure(url: string): Promise<{ rate: number; p50: number; p99: number }> {
  const work = deliveries();
  const waited: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) {
        const delivery = work[next++]!;
        const sent = performance.now();
        const response = await fetch(url, { method: "POST", headers: delivery.headers, body: delivery.body });
        await response.arrayBuffer();
        waited.push(performance.now() - sent);
        if (response.status !== 200) failures += 1;
      }
    }),
  );
  if (failures) throw new Error(`${failures} deliveries were not accepted`);
  const rate = work.length / ((performance.now() - started) / 1000);
  waited.sort((a, b) => a - b);
  const percentile = (p: number) => waited[Math.min(waited.length - 1, Math.ceil((p / 100) * waited.length) - 1)]!;
  return { rate, p50: percentile(50), p99: percentile(99) };
}

await measure(bare.url); // warm-up of the client and the runtime, not counted
const baseline = await measure(bare.url);
const subject = await measure(orchard.url);
const stored = await orchardDb().webhookDelivery.count();
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(
  `webhook ingest on ${database}: ${subject.rate.toFixed(0)} deliveries/s (p50 ${ms(subject.p50)}, p99 ${ms(subject.p99)}); ` +
    `bare HMAC-only server ${baseline.rate.toFixed(0)}/s (p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}); ` +
    `ratio ${(subject.rate / baseline.rate).toFixed(3)} (${stored} stored of ${DELIVERIES}, duplicates dropped)`,
);

bare.server.close();
orchard.server.close();
await orchardDb().$disconnect();
await db.drop();
