/**
 * Fetches Shopify's published GraphQL schemas for Orchard's API version into `.shopify-schemas/`
 * (git-ignored: they are Shopify's files, not ours). They come from Shopify's npm package
 * `@shopify/dev-mcp`, which ships the introspection of every supported version; only its data
 * files are taken (`npm pack`, never installed: its dependencies are an MCP server's), and the
 * tarball must match the integrity hash pinned here before anything is extracted.
 *
 * Run by scripts/provision.sh after `npm ci`; does nothing when the pinned files are in place.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SCHEMA_PACKAGE, SCHEMAS_DIR, SCHEMA_APIS, schemaFile } from "../simulator/shopify-schemas";

const INTEGRITY = "sha512-tqgRnK7sQhjew+htxtleTH23nXB5fZcsrhWgEkomsorGXvLOB2mh2upwZm8uzuTDNTZnqtLMe64yIwh6s2awtw==";

const stamp = join(SCHEMAS_DIR, ".package");
if (existsSync(stamp) && readFileSync(stamp, "utf8") === SCHEMA_PACKAGE && SCHEMA_APIS.every((api) => existsSync(schemaFile(api)))) {
  process.exit(0);
}

console.error(`orchard: fetching Shopify's ${SCHEMA_APIS.map((api) => api.name).join(", ")} schemas from ${SCHEMA_PACKAGE}`);
const work = mkdtempSync(join(tmpdir(), "orchard-schemas-"));
try {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--silent", "--pack-destination", work, SCHEMA_PACKAGE], { encoding: "utf8" }),
  ) as { filename: string }[];
  const tarball = join(work, packed!.filename);
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  if (integrity !== INTEGRITY) {
    throw new Error(`${SCHEMA_PACKAGE} does not match its pinned integrity hash (got ${integrity}); refusing its schemas`);
  }
  const members = SCHEMA_APIS.map((api) => `package/dist/data/${api.packageFile}`);
  execFileSync("tar", ["-xzf", tarball, "-C", work, ...members]);
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const api of SCHEMA_APIS) {
    writeFileSync(schemaFile(api), gunzipSync(readFileSync(join(work, "package", "dist", "data", api.packageFile))));
  }
  writeFileSync(stamp, SCHEMA_PACKAGE);
} finally {
  rmSync(work, { recursive: true, force: true });
}
