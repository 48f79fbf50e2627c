import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma as SqlitePrisma, PrismaClient as SqliteClient } from "@orchard-db/sqlite";
import { Prisma as PostgresPrisma, PrismaClient as PostgresClient } from "@orchard-db/postgresql";
import { config } from "./config.server";

/**
 * The database. Both generated clients come from one model source (prisma/schema.prisma), so
 * their model APIs are the same; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;

/** The client an interactive transaction hands its callback. */
export type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * SQLite as a server uses it: write-ahead logging, so reads (the admin, webhooks) never wait for
 * the worker's writes, and one sync per checkpoint rather than per commit. A power cut may lose
 * the last commits, never corrupt the file; billing survives that because every charge is sent
 * with the same idempotency key again (docs/decisions/006). busy_timeout lets a second process
 * (a separate worker) wait for the write lock instead of failing.
 */
const SQLITE_PRAGMAS = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000"];

function sqliteAdapter(url: string) {
  const factory = new PrismaLibSQL({ url });
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      // One at a time, as queries: a pragma answers with a row, which libSQL's scripts refuse.
      for (const sql of SQLITE_PRAGMAS) await connection.queryRaw({ sql, args: [], argTypes: [] });
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): DatabaseProvider {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}

/**
 * pg's Pool.query throws the connection away after any error, even a statement PostgreSQL refused
 * (a unique violation: a webhook delivered twice, two workers racing for a cycle), so the next
 * query pays for a new connection, tens of milliseconds of both processes' time. A refused
 * statement leaves its connection healthy: only an error of the connection itself costs it.
 * Connections also stay open between bursts of work instead of closing after 10 idle seconds.
 */
class PostgresPool extends pg.Pool {
  constructor(connectionString: string) {
    super({ connectionString, idleTimeoutMillis: 300_000 });
  }

  // Prisma's adapter only ever awaits query(config).
  override query = (async (config: pg.QueryConfig) => {
    const client = await this.connect();
    // A connection that breaks mid-query (the server restarting, a terminated backend) emits
    // "error" besides failing the query; unheard, that event would crash the process. The failed
    // query below reports it and releases the connection as broken.
    const heardThroughTheQuery = () => {};
    client.on("error", heardThroughTheQuery);
    try {
      const result = await client.query(config);
      client.release();
      return result;
    } catch (error) {
      const refused = error instanceof pg.DatabaseError && error.severity === "ERROR";
      client.release(refused ? undefined : (error as Error));
      throw error;
    } finally {
      client.removeListener("error", heardThroughTheQuery);
    }
  }) as pg.Pool["query"];
}

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    return new SqliteClient({ adapter: sqliteAdapter(databaseUrl), errorFormat: "minimal" });
  }
  const client = new PostgresClient({
    adapter: new PrismaPg(new PostgresPool(databaseUrl), { disposeExternalPool: true }),
    errorFormat: "minimal",
  });
  return client as unknown as Db;
}

declare global {
  // Survives Vite's module reloads in development, so reloads do not open new connections.
  var orchardDb: Db | undefined;
}

/**
 * A write refused by a unique constraint: another writer (or a repeated delivery) got there first.
 * Prisma's own writes say P2002; a raw statement's refusal carries the adapter's error kind.
 */
export function isUniqueViolation(error: unknown): boolean {
  const known = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return known?.code === "P2002" || known?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

export function db(): Db {
  globalThis.orchardDb ??= createDb(config().DATABASE_URL);
  return globalThis.orchardDb;
}

/**
 * `sql` and `join` for raw statements, from the package of the client in use: a client takes only
 * its own package's fragments (another's would be sent as one parameter).
 */
export function rawSql(): Pick<typeof SqlitePrisma, "sql" | "join"> {
  return providerOf(config().DATABASE_URL) === "sqlite" ? SqlitePrisma : (PostgresPrisma as unknown as typeof SqlitePrisma);
}
