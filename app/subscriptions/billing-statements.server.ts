import { randomUUID } from "node:crypto";
import { config } from "../config.server";
import { providerOf, type Transaction } from "../db.server";

/**
 * The two writes of scheduling a batch of cycles, as one SQL statement each. When thousands of
 * contracts fall due together, Prisma needs an update per contract (each moves to a date of its
 * own) and spends more on building a large insert than the database spends running it: together
 * they were most of scheduling's cost (bench/billing-throughput.ts). Written for both databases;
 * the integration tests run them on both.
 */

/** Placeholders in the order they appear in the statement (SQLite's are positional). */
function statement() {
  const postgres = providerOf(config().DATABASE_URL) === "postgresql";
  const values: unknown[] = [];
  return {
    values,
    param(value: unknown, postgresType: "text" | "integer" | "timestamp(3)"): string {
      values.push(value);
      return postgres ? `$${values.length}::${postgresType}` : "?";
    },
  };
}

export interface NextBillingMove {
  contractId: string;
  from: Date;
  /** Null: the contract has no next cycle (its plan's last order is scheduled). */
  to: Date | null;
}

/**
 * Sets each contract's next billing date, only where it is still the date it was read at and the
 * contract still bills (active, not in dunning). Returns how many moved: fewer than asked means
 * another worker got there first.
 */
export async function moveNextBillingDates(tx: Transaction, moves: NextBillingMove[]): Promise<number> {
  const sql = statement();
  const updatedAt = sql.param(new Date(), "timestamp(3)");
  const rows = moves.map(
    (m) => `(${sql.param(m.contractId, "text")}, ${sql.param(m.from, "timestamp(3)")}, ${sql.param(m.to, "timestamp(3)")})`,
  );
  return tx.$executeRawUnsafe(
    `UPDATE "SubscriptionContract" SET "nextBillingAt" = moves.column3, "updatedAt" = ${updatedAt}
     FROM (VALUES ${rows.join(", ")}) AS moves
     WHERE "SubscriptionContract"."id" = moves.column1 AND "SubscriptionContract"."nextBillingAt" = moves.column2
       AND "SubscriptionContract"."status" = 'ACTIVE' AND "SubscriptionContract"."dunningCycle" IS NULL`,
    ...sql.values,
  );
}

export interface NewBillingAttempt {
  shop: string;
  contractId: string;
  cycle: number;
  cycleDate: Date;
  sendAfter: Date;
  idempotencyKey: string;
  status?: string;
  skipReason?: string;
}

/** Well within both databases' limits on parameters (SQLite 32,766, PostgreSQL 65,535). */
const ROWS_PER_INSERT = 1000;

/**
 * Inserts the attempts, a thousand rows a statement; a cycle already written fails the whole
 * insert (unique index), as it fails Prisma's.
 */
export async function insertBillingAttempts(tx: Transaction, attempts: NewBillingAttempt[]): Promise<void> {
  for (let start = 0; start < attempts.length; start += ROWS_PER_INSERT) {
    await insertRows(tx, attempts.slice(start, start + ROWS_PER_INSERT));
  }
}

async function insertRows(tx: Transaction, attempts: NewBillingAttempt[]): Promise<void> {
  const sql = statement();
  const now = new Date();
  const rows = attempts.map((a) =>
    [
      sql.param(randomUUID(), "text"),
      sql.param(a.shop, "text"),
      sql.param(a.contractId, "text"),
      sql.param(a.cycle, "integer"),
      sql.param(a.cycleDate, "timestamp(3)"),
      sql.param(a.sendAfter, "timestamp(3)"),
      sql.param(a.idempotencyKey, "text"),
      sql.param(a.status ?? "scheduled", "text"),
      sql.param(a.skipReason ?? null, "text"),
      sql.param(now, "timestamp(3)"),
      sql.param(now, "timestamp(3)"),
    ].join(", "),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "BillingAttempt" ("id", "shop", "contractId", "cycle", "cycleDate", "sendAfter", "idempotencyKey", "status", "skipReason", "createdAt", "updatedAt")
     VALUES (${rows.join("), (")})`,
    ...sql.values,
  );
}
