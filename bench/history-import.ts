/**
 * The history import's reading of Shopify's bulk file, for a shop with 1,000,000 orders (about
 * 1.2 GB of JSONL, two line items an order, every 50th order's lines a hundred orders after it, as
 * Shopify may place them): Orchard's reader (the file backwards, each order assembled as its
 * lines come, the repeat-purchase ranking kept as it goes) against a baseline that only reads the
 * same file forwards and parses each line, in the same run. Run under a 256 MB heap
 * (`--max-old-space-size=256`, as bench/run.ts starts it): it prints the peak heap and RSS it saw,
 * and fails if the heap limit was exceeded. Each order then goes through the ledger and each
 * contract through the mirror, the same writes as their webhooks, measured by the other benchmarks.
 *
 *   tsx --max-old-space-size=256 bench/history-import.ts
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { getHeapStatistics } from "node:v8";
import { BackwardHistoryReader } from "../app/backfill/bulk-history";
import { linesBackwards } from "../app/backfill/lines-backwards.server";
import { orderLinesOf, RepeatPurchases } from "../app/onboarding/repeat-products";
import { prng } from "../simulator/seed";

const ORDERS = Number(process.env.BENCH_HISTORY_ORDERS ?? 1_000_000);
const CUSTOMERS = Math.round(ORDERS * 0.3);
const PRODUCTS = 200;
const LATE_EVERY = 50;
const LATE_BY = 100;

const dir = mkdtempSync(join(tmpdir(), "orchard-bench-history-"));
const file = join(dir, "history.jsonl");
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

// ---- Set-up, not compared: Shopify's file.
const random = prng(11);
const orderLine = (n: number) => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${1000 + n}`,
  createdAt: "2026-03-01T10:00:00Z",
  processedAt: "2026-03-01T10:00:00Z",
  updatedAt: "2026-03-05T09:00:00Z",
  cancelledAt: null,
  displayFinancialStatus: "PAID",
  currencyCode: "USD",
  customer: { id: `gid://shopify/Customer/${1 + Math.floor(random() * CUSTOMERS)}` },
});
const itemLine = (order: number, item: number) => {
  const product = 1 + Math.floor(random() * PRODUCTS);
  return {
    __parentId: `gid://shopify/Order/${order}`,
    id: `gid://shopify/LineItem/${order * 10 + item}`,
    title: `Product ${product}`,
    quantity: 1 + (item % 3),
    refundableQuantity: 1 + (item % 3),
    originalUnitPriceSet: { shopMoney: { amount: "12.50" } },
    totalDiscountSet: { shopMoney: { amount: "0.00" } },
    sellingPlan: null,
    variant: { id: `gid://shopify/ProductVariant/${product * 10}` },
    product: { id: `gid://shopify/Product/${product}` },
  };
};
let started = performance.now();
const out = createWriteStream(file);
const write = async (value: unknown) => {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
};
const late: { order: number; item: number }[] = [];
for (let order = 1; order <= ORDERS; order += 1) {
  await write(orderLine(order));
  for (let item = 1; item <= 2; item += 1) {
    if (order % LATE_EVERY === 0) late.push({ order, item });
    else await write(itemLine(order, item));
  }
  while (late.length && late[0]!.order <= order - LATE_BY) await write(itemLine(late[0]!.order, late.shift()!.item));
}
for (const { order, item } of late.splice(0)) await write(itemLine(order, item));
out.end();
await once(out, "close");
console.log(
  `history import: ${ORDERS.toLocaleString("en")} orders, ${(statSync(file).size / 1e9).toFixed(2)} GB of JSONL written in ${((performance.now() - started) / 1000).toFixed(1)} s (set-up)`,
);

let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  peakRss = Math.max(peakRss, rss);
};

// ---- Baseline: the file read forwards, each line parsed, nothing kept.
globalThis.gc?.();
started = performance.now();
let parsed = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (line) JSON.parse(line);
  if (++parsed % 10_000 === 0) sample();
}
const baselineMs = performance.now() - started;

// ---- Orchard: backwards, assembled, ranked.
globalThis.gc?.();
started = performance.now();
const reader = new BackwardHistoryReader();
const ranking = new RepeatPurchases();
let orders = 0;
let unreadable = 0;
let lines = 0;
for await (const line of linesBackwards(file)) {
  const item = reader.read(line);
  if (item && "order" in item) {
    ranking.add(orderLinesOf(item.order));
    orders += 1;
  } else if (item && "unreadable" in item) unreadable += item.unreadable;
  if (++lines % 10_000 === 0) sample();
}
const orchardMs = performance.now() - started;
sample();
unreadable += reader.orphanLines;

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const limit = getHeapStatistics().heap_size_limit;
console.log(
  `history import: ${orders.toLocaleString("en")} orders read in ${(orchardMs / 1000).toFixed(1)} s against ${(baselineMs / 1000).toFixed(1)} s ` +
    `to parse the file forwards: ratio ${(baselineMs / orchardMs).toFixed(3)} of the bare read (higher is better); ` +
    `peak heap ${mb(peakHeap)}, peak RSS ${mb(peakRss)}, heap limit ${mb(limit)}; best product ${ranking.best(1)[0]?.title ?? "none"}`,
);
if (orders !== ORDERS || unreadable !== 0) {
  console.error(`history import: expected ${ORDERS} orders and nothing unreadable, read ${orders} and ${unreadable} unreadable`);
  process.exit(1);
}
