import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/** All of Orchard's storefront JavaScript together, gzipped, stays within 4 KB (issue 20; Shopify's theme-check warns from 10,000 bytes per file). */
const BUDGET_BYTES = 4 * 1024;

function storefrontScripts(): string[] {
  return readdirSync("extensions")
    .map((name) => join("extensions", name, "assets"))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((file) => file.endsWith(".js"))
        .map((file) => join(dir, file)),
    );
}

describe("storefront JavaScript budget", () => {
  it("keeps every app block's script together under 4 KB gzipped", () => {
    const scripts = storefrontScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
