/**
 * The UI extensions' bundles as `shopify app build` writes them (extensions/{name}/dist/{handle}.js),
 * checked as Shopify would run them:
 *  - compressed, within Shopify's limit: 64 KB per extension from API version 2025-10, enforced at
 *    deploy (shopify.dev, "Optimize bundle size");
 *  - with no `process.env` left: extensions run in a worker without `process`, so a variable the
 *    CLI did not replace (APP_URL built unset) would fail there, not here.
 * Fails when one is wrong, or when none was built.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const LIMIT_BYTES = 64 * 1024;
const bundles = readdirSync("extensions")
  .map((name) => join("extensions", name, "dist"))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith(".js"))
      .map((file) => join(dir, file)),
  );

let wrong = 0;
for (const bundle of bundles) {
  const code = readFileSync(bundle);
  const compressed = gzipSync(code, { level: 9 }).length;
  const unreplaced = [...new Set(code.toString("utf8").match(/process\.env\.\w+/g) ?? [])];
  if (compressed > LIMIT_BYTES || unreplaced.length > 0) wrong += 1;
  console.log(`${bundle}: ${(compressed / 1024).toFixed(1)} KB compressed (limit ${LIMIT_BYTES / 1024} KB)`);
  if (unreplaced.length) console.error(`  ${unreplaced.join(", ")} left unset: build with it in the environment or the app's .env`);
}
if (bundles.length === 0) console.error("no UI extension bundle: run `shopify app build` first");
process.exit(bundles.length > 0 && wrong === 0 ? 0 : 1);
