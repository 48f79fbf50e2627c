/**
 * Derives everything provider-specific from the one model source, prisma/schema.prisma:
 *   - prisma/generated/postgresql.prisma (the same models with the PostgreSQL provider),
 *   - a Prisma client per provider, as the packages @orchard-db/sqlite and @orchard-db/postgresql in
 *     node_modules (where bundlers treat them as the dependencies they are),
 *   - with `--name NAME`: a new migration for each provider under prisma/migrations/{provider}/,
 *     diffed from prisma/migrations/schema.snapshot.prisma (the models as of the last migration),
 *     so no database and no shadow database is needed.
 * See docs/decisions/002-two-databases.md for why the project carries two migration histories.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");
const prismaDir = join(root, "prisma");
const sourcePath = join(prismaDir, "schema.prisma");
const snapshotPath = join(prismaDir, "migrations", "schema.snapshot.prisma");
const prismaBin = join(root, "node_modules", ".bin", "prisma");

export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

function schemaFor(provider: Provider, source: string): string {
  return source
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`)
    .replace(/output\s*=\s*"\.\.\/node_modules\/@orchard-db\/sqlite"/, `output = "../../node_modules/@orchard-db/${provider}"`);
}

function writeVariant(provider: Provider, source: string, name: string): string {
  const dir = join(prismaDir, "generated");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.${provider}.prisma`);
  writeFileSync(path, schemaFor(provider, source));
  return path;
}

// The CLI needs a URL of the schema's provider; `migrate diff` on PostgreSQL connects to it (it diffs
// models only, so any reachable server will do).
const placeholderUrl: Record<Provider, string> = {
  sqlite: "file:./.data/migration-placeholder.db",
  postgresql: process.env.MIGRATION_DIFF_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

function prisma(provider: Provider, schemaPath: string, args: string[]): string {
  // SQLite's CLI fails with an opaque "External error" when the placeholder's folder is missing.
  mkdirSync(join(root, ".data"), { recursive: true });
  // Prisma's chatter ("Loaded Prisma config…") is shown only when the command fails.
  const result = spawnSync(prismaBin, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: placeholderUrl[provider], PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SCHEMA: schemaPath },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`prisma ${args[0]} failed for ${provider} (exit ${result.status})`);
  }
  return result.stdout;
}

function generateClients(source: string): void {
  for (const provider of providers) {
    const schemaPath = writeVariant(provider, source, "schema");
    prisma(provider, schemaPath, ["generate", "--no-hints", "--schema", schemaPath]);
  }
  // @shopify/shopify-app-session-storage-prisma imports @prisma/client, whose entry point loads the
  // default generated client: generate one there too, though Orchard never instantiates it.
  const defaultPath = join(prismaDir, "generated", "schema.default.prisma");
  writeFileSync(defaultPath, schemaFor("sqlite", source).replace(/^\s*output\s*=.*$/m, ""));
  prisma("sqlite", defaultPath, ["generate", "--no-hints", "--schema", defaultPath]);
}

function createMigration(source: string, name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name must be snake_case, got "${name}"`);
  const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of providers) {
    const to = writeVariant(provider, source, "to");
    const from = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", writeVariant(provider, previous, "from")];
    const sql = prisma(provider, to, ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"]);
    if (/This is an empty migration/.test(sql)) {
      console.log(`${provider}: no change since the last migration`);
      continue;
    }
    const dir = join(prismaDir, "migrations", provider, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    console.log(`${provider}: wrote ${dir}`);
  }
  writeFileSync(snapshotPath, source);
}

export function migrationDirs(provider: Provider): string[] {
  const dir = join(prismaDir, "migrations", provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => existsSync(join(dir, entry, "migration.sql")))
    .sort()
    .map((entry) => join(dir, entry));
}

if (import.meta.filename === process.argv[1]) {
  const source = readFileSync(sourcePath, "utf8");
  const nameIndex = process.argv.indexOf("--name");
  generateClients(source);
  if (nameIndex > 0) createMigration(source, process.argv[nameIndex + 1] ?? "");
}
