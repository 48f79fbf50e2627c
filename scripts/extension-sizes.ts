/**
 * The UI extensions' bundles as `shopify app build` writes them (extensions/{name}/dist/{handle}.js),
 * compressed, against Shopify's limit: 64 KB per extension from API version 2025-10, enforced at
 * deploy (shopify.dev, "Optimize bundle size"). Fails when one is over, or when none was built.
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

let over = 0;
for (const bundle of bundles) {
  const compressed = gzipSync(readFileSync(bundle), { level: 9 }).length;
  if (compressed > LIMIT_BYTES) over += 1;
  console.log(`${bundle}: ${(compressed / 1024).toFixed(1)} KB compressed (limit ${LIMIT_BYTES / 1024} KB)`);
}
if (bundles.length === 0) console.error("no UI extension bundle: run `shopify app build` first");
process.exit(bundles.length > 0 && over === 0 ? 0 : 1);
