/**
 * The retention dashboard over a large history: 100,000 subscription contracts (each started,
 * some grown, a third cancelled, over three years) and 1,000,000 paid orders of 300,000
 * customers. Two figures, each against a baseline measured in the same run:
 *  - the dashboard's data (retentionDashboard: every figure the page shows, for the default six
 *    months and for twelve) against one `SELECT count(*)` over the orders table, medians of
 *    ROUNDS runs each. The loader's other work (the session token, the store overview from
 *    Shopify) does not grow with the history and is left out of both;
 *  - the page's largest contentful paint in headless Chromium, the app against the same database
 *    (Vite's dev server, as the demo runs), against Orchard's settings page for the same shop.
 * The history is written with bulk inserts and summed by `rebuildFigures` (timed and printed,
 * not compared): the same replay the app runs when a shop's history predates its figures.
 *
 *   tsx bench/retention-dashboard.ts sqlite|postgresql
 */
import { orchardEnvironment } from "./support/orchard-environment";
import { freePort, launchBrowser, personContext } from "../tests/support/browser";
import { prng } from "../simulator/seed";
import { startStack } from "../scripts/stack";
import { adminAppUrl } from "../simulator/embedded-admin";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const CUSTOMERS = Math.round(ORDERS * 0.3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PAINT_ROUNDS = Number(process.env.BENCH_PAINT_ROUNDS ?? 5);
const TIME_ZONE = "America/New_York";
const BIG = "bench-history.myshopify.com";
const DAY = 86_400_000;
const HISTORY_DAYS = 3 * 365;

const testDatabase = await orchardEnvironment(database, { SCOPES: "read_orders" });
const { db } = await import("../app/db.server");
const { rebuildFigures } = await import("../app/retention/figures.server");
const { retentionDashboard } = await import("../app/retention/dashboard.server");

const now = new Date();
const random = prng(7);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const customerId = (n: number) => `gid://shopify/Customer/${n + 1}`;
const dayInHistory = () => new Date(now.getTime() - between(1, HISTORY_DAYS) * DAY - between(0, DAY - 1));

/** Well within both databases' limits on parameters a statement. */
async function insertInChunks<T>(rows: Iterable<T>, insert: (chunk: T[]) => Promise<unknown>, size = 2_000): Promise<void> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      await insert(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await insert(chunk);
}

// ---- Set-up, not compared: the history, written in bulk, then summed once.
let started = performance.now();
await db().shop.create({ data: { domain: BIG, name: BIG, ianaTimezone: TIME_ZONE, currencyCode: "USD" } });
const contracts = Array.from({ length: CONTRACTS }, (_, n) => ({
  shopifyId: `gid://shopify/SubscriptionContract/${n + 1}`,
  // Subscribers are customers who also buy one-off.
  customerId: customerId(between(0, CUSTOMERS - 1)),
  startedAt: dayInHistory(),
  mrrMinor: between(10, 60) * 100,
  cancelled: random() < 0.33,
  grew: random() < 0.1,
}));
await insertInChunks(
  contracts,
  (chunk) =>
    db().subscriptionContract.createMany({
      data: chunk.map((c) => ({
        shop: BIG,
        shopifyId: c.shopifyId,
        customerId: c.customerId,
        status: c.cancelled ? "CANCELLED" : "ACTIVE",
        currencyCode: "USD",
        billingInterval: "MONTH",
        billingIntervalCount: 1,
        deliveryInterval: "MONTH",
        deliveryIntervalCount: 1,
        firstBillingAt: c.startedAt,
        scheduleFrom: c.startedAt,
        revisionId: "1",
        mrrMinor: c.cancelled ? 0 : c.mrrMinor,
      })),
    }),
  1_000,
);
function* mrrChanges() {
  for (const c of contracts) {
    const change = { shop: BIG, contractId: c.shopifyId, customerId: c.customerId, currencyCode: "USD" };
    const afterStart = () => new Date(c.startedAt.getTime() + random() * (now.getTime() - c.startedAt.getTime()));
    yield { ...change, at: c.startedAt, mrrMinor: c.mrrMinor };
    if (c.grew) yield { ...change, at: afterStart(), mrrMinor: c.mrrMinor * 2 };
    if (c.cancelled) yield { ...change, at: afterStart(), mrrMinor: 0 };
  }
}
const changes = [...mrrChanges()].sort((a, b) => a.at.getTime() - b.at.getTime());
await insertInChunks(changes, (data) => db().mrrChange.createMany({ data }));
function* orders() {
  for (let n = 0; n < ORDERS; n += 1) {
    const amount = between(8, 80) * 100;
    const recurring = random() < 0.3;
    const guest = random() < 0.05;
    yield {
      shop: BIG,
      shopifyId: `gid://shopify/Order/${n + 1}`,
      customerId: guest ? null : customerId(between(0, CUSTOMERS - 1)),
      processedAt: dayInHistory(),
      recurringMinor: recurring ? amount : 0,
      oneOffMinor: recurring ? 0 : amount,
      protectionMinor: 0,
      eligibleUnits: 0,
      protectedUnits: 0,
      shopifyUpdatedAt: now,
    };
  }
}
await insertInChunks(orders(), (data) => db().order.createMany({ data }));
console.log(
  `retention dashboard (${database}): wrote ${CONTRACTS} contracts, ${changes.length} MRR changes, ${ORDERS} orders in ${seconds(started)} s`,
);
started = performance.now();
await rebuildFigures(BIG);
const stored = await Promise.all([
  db().retentionMonth.count({ where: { shop: BIG } }),
  db().retentionCohortCell.count({ where: { shop: BIG } }),
  db().repeatBuyer.count({ where: { shop: BIG } }),
]);
console.log(
  `  figures rebuilt from the whole history in ${seconds(started)} s: ${stored[0]} months, ${stored[1]} cohort cells, ${stored[2]} repeat buyers`,
);

// ---- The dashboard's data against one count over the orders table.
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timed(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await work(); // warm: plans cached, pages in memory
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
const count = await timed(() => db().$queryRawUnsafe(`SELECT count(*) FROM "Order"`));
const sixMonths = await timed(() => retentionDashboard(BIG, 6, now));
const twelveMonths = await timed(() => retentionDashboard(BIG, 12, now));
const check = await retentionDashboard(BIG, 12, now);
console.log(`  SELECT count(*) over ${ORDERS} orders: ${count.toFixed(1)} ms (median of ${ROUNDS})`);
for (const [label, ms] of [
  ["6 months (the default)", sixMonths],
  ["12 months", twelveMonths],
] as const) {
  console.log(`  dashboard data, ${label}: ${ms.toFixed(1)} ms, ${(ms / count).toFixed(2)}× the count (goal ≤ 200 ms)`);
}
console.log(
  `  (12 months: MRR ${(check.summary.mrr / 100).toFixed(2)} USD, ${check.summary.activeCustomers} subscribers, ${check.cohorts.length} cohorts)`,
);

// ---- Largest contentful paint of the dashboard over this history, against Orchard's settings page
// for the same shop (same frame, same Polaris, no figures) in the same run.
const stack = await startStack({ appPort: await freePort(), simulatorPort: 0, databaseUrl: testDatabase.url, quiet: true });
const browser = await launchBrowser();
try {
  const shop = stack.simulator.store.createShop({ domain: BIG, name: BIG, ianaTimezone: TIME_ZONE });
  const paint = async (path: string) => {
    const page = await (await personContext(browser)).newPage();
    await page.goto(adminAppUrl(stack.simulator, shop, path));
    const frame = (await (await page.locator('iframe[title="Orchard"]').elementHandle({ timeout: 120_000 }))!.contentFrame())!;
    await frame.waitForFunction(() => "__remixRouter" in window, null, { timeout: 120_000 });
    // Both pages are whole once their last card is there.
    await frame
      .getByText(path.startsWith("/app/settings") ? "Store" : "Order history", { exact: true })
      .first()
      .waitFor({ timeout: 120_000 });
    const lcp = await frame.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({
            type: "largest-contentful-paint",
            buffered: true,
          });
        }),
    );
    await page.context().close();
    return lcp;
  };
  // The first visit installs Orchard and warms Vite's module graph for both pages.
  await paint("/app?months=12");
  await paint("/app/settings");
  const dashboard: number[] = [];
  const settings: number[] = [];
  for (let round = 0; round < PAINT_ROUNDS; round += 1) {
    dashboard.push(await paint("/app?months=12"));
    settings.push(await paint("/app/settings"));
  }
  const [withHistory, baseline] = [median(dashboard), median(settings)];
  console.log(
    `  largest contentful paint: dashboard (12 months) ${withHistory.toFixed(0)} ms, settings page ${baseline.toFixed(0)} ms: ${(withHistory / baseline).toFixed(2)}× (median of ${PAINT_ROUNDS})`,
  );
} finally {
  await browser.close();
  await stack.stop();
  await testDatabase.drop();
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
