import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@orchard-db/sqlite";
import { PrismaClient as PostgresClient } from "@orchard-db/postgresql";
import { config } from "./config.server";

/**
 * The database. Both generated clients come from one model source (prisma/schema.prisma), so
 * their model APIs are the same; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return client as unknown as Db;
}

declare global {
  // Survives Vite's module reloads in development, so reloads do not open new connections.
  var orchardDb: Db | undefined;
}

export function db(): Db {
  globalThis.orchardDb ??= createDb(config().DATABASE_URL);
  return globalThis.orchardDb;
}
