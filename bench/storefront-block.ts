/**
 * The product page with and without Orchard's app blocks, in headless Chromium: load time (the
 * navigation's loadEventEnd) and cumulative layout shift, same page, same run, alternating, as
 * ratios. Two simulators serve the same seeded store: one with extensions/, one with none.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Simulator } from "../simulator/server";
import { seedShop } from "../simulator/seed";
import { launchBrowser, personContext } from "../tests/support/browser";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

async function storefront(themeExtensionsDir?: string) {
  const simulator = new Simulator({ apiKey: "bench", apiSecret: "bench", themeExtensionsDir });
  await simulator.start();
  const shop = simulator.store.createShop({ domain: "bench-store.myshopify.com", name: "Bench Store" });
  seedShop(simulator.store, shop, new Date(), { customers: 1, months: 0 });
  const product = [...shop.products.values()][0]!;
  await fetch(`${simulator.url}/_control/shops/${shop.domain}/selling-plan-groups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "Subscribe and save",
      productIds: [product.id],
      plans: [1, 2, 4].map((weeks) => ({
        name: `Every ${weeks} weeks`,
        options: [`${weeks} weeks`],
        interval: "WEEK",
        intervalCount: weeks,
        percentageOff: 10,
      })),
    }),
  });
  return { simulator, url: `${simulator.url}/storefront/bench-store/products/${product.handle}` };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const withBlock = await storefront();
const withoutBlock = await storefront(mkdtempSync(join(tmpdir(), "no-extensions-")));
const browser = await launchBrowser();
const context = await personContext(browser);
await context.addInitScript(() => {
  const w = window as unknown as { cls: number };
  w.cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
});
const page = await context.newPage();

async function measure(url: string) {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(50);
  return page.evaluate(() => ({
    load: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
    cls: (window as unknown as { cls: number }).cls,
  }));
}

const results = { with: [] as { load: number; cls: number }[], without: [] as { load: number; cls: number }[] };
await measure(withBlock.url);
await measure(withoutBlock.url);
for (let round = 0; round < ROUNDS; round += 1) {
  results.with.push(await measure(withBlock.url));
  results.without.push(await measure(withoutBlock.url));
}

const load = { with: median(results.with.map((r) => r.load)), without: median(results.without.map((r) => r.load)) };
const cls = { with: Math.max(...results.with.map((r) => r.cls)), without: Math.max(...results.without.map((r) => r.cls)) };
console.log(
  `product page with Orchard's blocks: load ${load.with.toFixed(1)} ms vs ${load.without.toFixed(1)} ms without (median of ${ROUNDS}); ratio ${(load.with / load.without).toFixed(3)}; ` +
    `layout shift ${cls.with.toFixed(4)} vs ${cls.without.toFixed(4)} (worst of ${ROUNDS})`,
);

await browser.close();
await withBlock.simulator.stop();
await withoutBlock.simulator.stop();
