/**
 * The product page with and without Orchard's app blocks, in each of Shopify's reference themes
 * (Dawn, Horizon), in headless Chromium: load (the navigation's loadEventEnd), largest contentful
 * paint, cumulative layout shift and JavaScript bytes, as ratios of the same page without the
 * blocks, measured alternately in the same run. One simulator serves two shops per theme: one
 * where the merchant placed Orchard's blocks and switched its embed on, one where they did not.
 */
import { Simulator } from "../simulator/server";
import { seedShop } from "../simulator/seed";
import { launchBrowser, personContext } from "../tests/support/browser";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const THEMES = ["dawn", "horizon"];

const simulator = new Simulator({ apiKey: "bench", apiSecret: "bench" });
await simulator.start();

/** A seeded shop on the theme, its first product sold with three subscribe-and-save plans. */
async function productPage(theme: string, withBlocks: boolean): Promise<string> {
  const handle = `bench-${theme}-${withBlocks ? "with" : "without"}`;
  const shop = simulator.store.createShop({
    domain: `${handle}.myshopify.com`,
    name: "Bench Store",
    theme,
    orchardBlocksInTheme: withBlocks,
  });
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
  return `${simulator.url}/storefront/${handle}/products/${product.handle}`;
}

interface Sample {
  load: number;
  lcp: number;
  cls: number;
  jsBytes: number;
  orchardJsBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const browser = await launchBrowser();
const context = await personContext(browser);
await context.addInitScript(() => {
  const w = window as unknown as { cls: number; lcp: number };
  w.cls = 0;
  w.lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.lcp = Math.max(w.lcp, entry.startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
});
const page = await context.newPage();

async function measure(url: string): Promise<Sample> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(50);
  return page.evaluate(() => {
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script");
    const w = window as unknown as { cls: number; lcp: number };
    return {
      load: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
      lcp: w.lcp,
      cls: w.cls,
      jsBytes: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
      orchardJsBytes: scripts.filter((r) => r.name.includes("/extensions/")).reduce((sum, r) => sum + r.decodedBodySize, 0),
    };
  });
}

for (const theme of THEMES) {
  const withBlocks = await productPage(theme, true);
  const withoutBlocks = await productPage(theme, false);
  const results = { with: [] as Sample[], without: [] as Sample[] };
  await measure(withBlocks);
  await measure(withoutBlocks);
  for (let round = 0; round < ROUNDS; round += 1) {
    results.with.push(await measure(withBlocks));
    results.without.push(await measure(withoutBlocks));
  }
  const figure = (key: keyof Sample) => ({
    with: median(results.with.map((r) => r[key])),
    without: median(results.without.map((r) => r[key])),
  });
  const load = figure("load");
  const lcp = figure("lcp");
  const js = figure("jsBytes");
  const cls = { with: Math.max(...results.with.map((r) => r.cls)), without: Math.max(...results.without.map((r) => r.cls)) };
  console.log(
    `${theme} product page with Orchard's blocks against without (median of ${ROUNDS}): ` +
      `load ${load.with.toFixed(1)} vs ${load.without.toFixed(1)} ms, ratio ${(load.with / load.without).toFixed(3)}; ` +
      `largest contentful paint ${lcp.with.toFixed(1)} vs ${lcp.without.toFixed(1)} ms, ratio ${(lcp.with / lcp.without).toFixed(3)}; ` +
      `layout shift ${cls.with.toFixed(4)} vs ${cls.without.toFixed(4)} (worst); ` +
      `JavaScript ${js.with} vs ${js.without} bytes, ratio ${(js.with / js.without).toFixed(3)} (Orchard's ${median(results.with.map((r) => r.orchardJsBytes))})`,
  );
}

await browser.close();
await simulator.stop();
