import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { cruise, type IConfiguration, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules (.dependency-cruiser.cjs, docs/architecture.md) hold the real tree, and each
 * catches the wrong import it is there for: on a copy of app/ and simulator/, one real file at a
 * time gets one import it must not have, and the rule must name it.
 */
const root = resolve(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as IConfiguration;
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "orchard-layers-"));
  for (const part of ["app", "simulator", "tests/support", "tsconfig.json"])
    cpSync(join(root, part), join(copy, part), { recursive: true });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  const { output } = await cruise(
    ["app", "simulator", "tests/support"],
    { ruleSet: config, validate: true, ...config.options, baseDir: copy, tsConfig: { fileName: join(copy, "tsconfig.json") } },
    undefined,
    { tsConfig: extractTSConfig(join(copy, "tsconfig.json")) },
  );
  const result = output as ICruiseResult;
  return [...new Set(result.summary.violations.map((violation) => violation.rule.name))].sort();
}

/** The rules broken while `file` (under the copy) carries `line` too. */
async function brokenBy(file: string, line: string): Promise<string[]> {
  const path = join(copy, file);
  let original: string | null = null;
  try {
    original = readFileSync(path, "utf8");
  } catch {
    mkdirSync(dirname(path), { recursive: true });
  }
  try {
    if (original === null) writeFileSync(path, `${line}\n`);
    else appendFileSync(path, `\n${line}\n`);
    return await violations();
  } finally {
    if (original === null) rmSync(path);
    else writeFileSync(path, original);
  }
}

describe("the layer rules", () => {
  it("hold for the tree as it is", async () => {
    expect(await violations()).toEqual([]);
  });

  it("catch two capabilities that import each other", async () => {
    expect(await brokenBy("app/subscriptions/contracts.server.ts", 'import "../retention/figures.server";')).toEqual([
      "no-capability-cycles",
    ]);
  });

  it("catch a layer importing one above it", async () => {
    // Subscriptions import shops: the two folders now make a cycle too.
    expect(await brokenBy("app/shops/shops.server.ts", 'import "../subscriptions/mrr";')).toEqual([
      "no-capability-cycles",
      "shops-downward",
    ]);
    expect(await brokenBy("app/shopify/api-version.ts", 'import "../shops/shops.server";')).toEqual(["shopify-seam-downward"]);
    expect(await brokenBy("app/worker/worker.server.ts", 'import "../routes/app._index";')).toEqual(["orchestration-downward"]);
    // The webhook handlers import retention: the folders now make a cycle too.
    expect(await brokenBy("app/retention/rates.ts", 'import "../webhooks/inbox.server";')).toEqual([
      "capabilities-downward",
      "no-capability-cycles",
    ]);
  });

  it("catch the kernel importing a capability, and the file cycle it makes", async () => {
    expect(await brokenBy("app/money.ts", 'import "./subscriptions/mrr";')).toEqual(["kernel-imports-kernel", "no-circular"]);
  });

  it("catch the app importing the simulator", async () => {
    expect(await brokenBy("app/shopify/shopify-fetch.server.ts", 'import "../../simulator/store";')).toEqual([
      "app-never-imports-simulator",
    ]);
  });

  it("catch a new folder of app/ that no layer names", async () => {
    expect(await brokenBy("app/experiments/idea.ts", 'import "../money";')).toEqual(["every-module-in-a-layer"]);
  });

  it("let tests import anything", async () => {
    expect(await brokenBy("tests/support/anything.ts", 'import "../../app/routes/app._index";\nimport "../../simulator/server";')).toEqual(
      [],
    );
  });
});
