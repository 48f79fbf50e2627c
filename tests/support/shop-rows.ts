import { db } from "../../app/db.server";
import { modelsWithShopColumn } from "./database";

/**
 * What Orchard holds for one shop, table by table, over every table with a shop column (a table
 * added later is included): for tests that a shop's data is gone, untouched, or anonymous.
 */
type ShopTable = { count(args: unknown): Promise<number>; findMany(args: unknown): Promise<unknown[]> };
const tableOf = (model: string) => (db() as unknown as Record<string, ShopTable>)[model]!;

/** How many rows each table holds for the shop, tables without any included. */
export async function shopRowCounts(shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of modelsWithShopColumn()) counts[model] = await tableOf(model).count({ where: { shop } });
  return counts;
}

/** Each table's rows for the shop as a JSON array, in an order both databases give alike (by the rows' text). */
export async function shopRows(shop: string): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  for (const model of modelsWithShopColumn()) {
    // 64-bit sums come back as bigint, which JSON has no notation for: written as their digits.
    const texts = (await tableOf(model).findMany({ where: { shop } }))
      .map((row) => JSON.stringify(row, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value)))
      .sort();
    rows[model] = `[${texts.join(",")}]`;
  }
  return rows;
}
