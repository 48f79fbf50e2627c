import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../prisma/tools/migrate";

/**
 * A real, freshly migrated database for one test file: a SQLite file, or a PostgreSQL database of
 * its own on the server named by TEST_POSTGRES_URL. TEST_DATABASE chooses (sqlite by default).
 */
export interface TestDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  drop(): Promise<void>;
}

export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres";

export async function createTestDatabase(): Promise<TestDatabase> {
  if ((process.env.TEST_DATABASE ?? "sqlite") === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "orchard-test-"));
    const url = `file:${join(dir, "orchard.db")}`;
    await migrate(url);
    return { provider: "sqlite", url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `orchard_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    provider: "postgresql",
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Every model with a shop column, read from the schema (as Prisma client delegate names): tests of
 * "everything of a shop" check a table added later too.
 */
export function modelsWithShopColumn(): string[] {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  return [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)]
    .filter(([, , body]) => /^\s+shop\s+String\b/m.test(body!))
    .map(([, name]) => name![0]!.toLowerCase() + name!.slice(1));
}
