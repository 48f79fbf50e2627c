/**
 * Applies the project's migrations to DATABASE_URL, SQLite or PostgreSQL alike.
 * Prisma's own `migrate deploy` cannot run against PostgreSQL through a driver adapter here
 * (prisma/orm#27403), so one small runner serves both: each pending migration is applied inside a
 * transaction and recorded in _orchard_migrations, so a half-applied migration never sticks.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { migrationDirs, type Provider } from "./generate.ts";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${databaseUrl.split(":")[0]}:…"`);
}

export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

const ledger = `CREATE TABLE IF NOT EXISTS _orchard_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`;

export async function migrate(databaseUrl: string): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  const migrations = migrationDirs(provider).map((dir) => ({ name: basename(dir), sql: readFileSync(`${dir}/migration.sql`, "utf8") }));
  return provider === "sqlite" ? migrateSqlite(sqlitePath(databaseUrl), migrations) : migratePostgres(databaseUrl, migrations);
}

type Migration = { name: string; sql: string };

async function migrateSqlite(path: string, migrations: Migration[]): Promise<string[]> {
  mkdirSync(dirname(path), { recursive: true });
  const db = createClient({ url: `file:${path}` });
  try {
    await db.execute("PRAGMA journal_mode = WAL");
    await db.execute(ledger);
    const applied = new Set((await db.execute("SELECT name FROM _orchard_migrations")).rows.map((row) => String(row.name)));
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      const transaction = await db.transaction("write");
      try {
        await transaction.executeMultiple(migration.sql);
        await transaction.execute({
          sql: "INSERT INTO _orchard_migrations (name, applied_at) VALUES (?, ?)",
          args: [migration.name, new Date().toISOString()],
        });
        await transaction.commit();
      } catch (error) {
        await transaction.rollback();
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(connectionString: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Several processes may start at once (web and workers): one migrates, the others wait.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(ledger);
    const applied = new Set((await client.query<{ name: string }>("SELECT name FROM _orchard_migrations")).rows.map((r) => r.name));
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO _orchard_migrations (name, applied_at) VALUES ($1, $2)", [
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}

if (import.meta.filename === process.argv[1]) {
  const url = process.env.DATABASE_URL ?? "file:./.data/orchard.db";
  const done = await migrate(url);
  console.log(done.length ? `applied ${done.length} migration(s): ${done.join(", ")}` : "database is up to date");
}
