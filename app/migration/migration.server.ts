import { roomForSubscriber } from "../app-billing/app-billing.server";
import { clock } from "../clock";
import { db, isUniqueViolation } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import { currencyDigits, decimalFromMinor } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { ContractAtomicCreate } from "../subscriptions/contract-edits.queries";
import { IMPORTED_ATTRIBUTE } from "../subscriptions/contracts.server";
import { fromLocal, localDay } from "../time/zoned";
import type { CountryCode, CurrencyCode } from "../types/admin.types";
import { readImportFile, type FileProblem } from "./import-file";
import { checkRow, duplicatesOf, rowKey, type ImportTerms, type Reason } from "./import-row";
import { ImportCustomerContracts, ImportCustomers, ImportVariants } from "./migration.queries";

/**
 * Moving subscribers in from another app (docs/migration.md). A file is checked whole first and
 * kept with a report: each row ready, or refused with its reasons. Once the merchant starts it,
 * the worker makes each ready row a Shopify contract with the customer's card already on file,
 * its first order on the row's date. Each row's key is claimed before its contract is made (one
 * claim per key and shop, ever), so neither a second run nor the same file again makes a contract
 * twice; a row left half-made by a crash is settled by asking Shopify for the customer's contracts.
 */
export type CheckResult = { ok: true; id: string } | { ok: false; problem: FileProblem };

/** Shopify's nodes(ids:) takes up to 250 ids; a customer with its cards costs about 11 points: 50 a query. */
const LOOKUP_BATCH = 50;
/** The hour of the row's day at which its first order is charged, in the shop's zone. */
const FIRST_CHARGE_HOUR = 9;
/** A row being made for longer than this is taken as left by a process that died. */
const STALLED_AFTER_MS = 5 * 60_000;
const ROWS_PER_ROUND = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** Each customer Shopify has, with the ids of the cards it keeps for them. */
async function customersWithCards(admin: AdminClient, ids: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  for (const batch of chunks(ids, LOOKUP_BATCH)) {
    const { nodes } = await admin.request(ImportCustomers, { ids: batch });
    for (const node of nodes) {
      if (node && "paymentMethods" in node) found.set(node.id, new Set(node.paymentMethods.nodes.map((method) => method.id)));
    }
  }
  return found;
}

/** The items Shopify has on an active product. */
async function activeVariants(admin: AdminClient, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(ids, 250)) {
    const { nodes } = await admin.request(ImportVariants, { ids: batch });
    for (const node of nodes) if (node && "product" in node && node.product.status === "ACTIVE") found.add(node.id);
  }
  return found;
}

/** Checks a file and keeps it with its report; nothing is made in Shopify until the merchant starts it. */
export async function checkImport(admin: AdminClient, fileName: string, bytes: Uint8Array): Promise<CheckResult> {
  const file = readImportFile(bytes);
  if ("problem" in file) return { ok: false, problem: file };
  const shop = await findShop(admin.shop);
  const currencyCode = shop?.currencyCode ?? "USD";
  const today = localDay(clock().now(), shop?.ianaTimezone ?? "UTC");
  const checked = file.rows.map((row) => ({ line: row.line, ...checkRow(row.fields, { currencyCode, today }) }));
  const wellFormed = checked.flatMap((row) => ("terms" in row ? [{ line: row.line, terms: row.terms, key: rowKey(row.terms) }] : []));
  const [customers, variants, claimed] = await Promise.all([
    customersWithCards(admin, [...new Set(wellFormed.map((row) => row.terms.customerId))]),
    activeVariants(admin, [...new Set(wellFormed.map((row) => row.terms.variantId))]),
    claimedKeys(
      admin.shop,
      wellFormed.map((row) => row.key),
    ),
  ]);
  const duplicates = duplicatesOf(wellFormed);
  const keyOf = new Map(wellFormed.map((row) => [row.line, row.key]));
  const rows = checked.map((row) => {
    const reasons: Reason[] = "reasons" in row ? row.reasons : shopifyReasons(row.terms, customers, variants);
    const duplicateOf = duplicates.get(row.line);
    if (duplicateOf !== undefined) reasons.push({ reason: "duplicateRow", line: duplicateOf });
    const key = keyOf.get(row.line) ?? `line:${row.line}`;
    const status = reasons.length ? "refused" : claimed.has(key) ? "alreadyImported" : "ready";
    return {
      shop: admin.shop,
      line: row.line,
      key,
      status,
      reasons: JSON.stringify(status === "alreadyImported" ? [{ reason: "alreadyImported" }] : reasons),
      terms: "terms" in row ? JSON.stringify(row.terms) : null,
      email: row.email,
    };
  });
  const created = await db().$transaction(async (tx) => {
    const stored = await tx.subscriptionImport.create({ data: { shop: admin.shop, fileName: fileName.slice(0, 255), status: "checked" } });
    await tx.subscriptionImportRow.createMany({ data: rows.map((row) => ({ ...row, importId: stored.id })) });
    return stored;
  });
  return { ok: true, id: created.id };
}

function shopifyReasons(terms: ImportTerms, customers: Map<string, Set<string>>, variants: Set<string>): Reason[] {
  const reasons: Reason[] = [];
  const cards = customers.get(terms.customerId);
  if (!cards) reasons.push({ reason: "customerNotFound" });
  else if (!cards.has(terms.paymentMethodId)) reasons.push({ reason: "paymentMethodNotFound" });
  if (!variants.has(terms.variantId)) reasons.push({ reason: "variantNotFound" });
  return reasons;
}

/** The keys of this shop's rows already made (or being made) into contracts, by any import. */
async function claimedKeys(shop: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(keys, 500)) {
    const rows = await db().subscriptionImportRow.findMany({ where: { shop, claimedKey: { in: batch } }, select: { claimedKey: true } });
    for (const row of rows) if (row.claimedKey) found.add(row.claimedKey);
  }
  return found;
}

const REPORT_ROWS = 500;

/** An import as the merchant follows it: its counts by status and the rows that were not imported, with why. */
export async function importReport(shop: string, id: string) {
  const found = await db().subscriptionImport.findFirst({ where: { id, shop } });
  if (!found) return null;
  const [counts, problems] = await Promise.all([
    db().subscriptionImportRow.groupBy({ by: ["status"], where: { importId: id }, _count: { _all: true } }),
    db().subscriptionImportRow.findMany({
      where: { importId: id, status: { in: ["refused", "failed", "alreadyImported"] } },
      orderBy: { line: "asc" },
      take: REPORT_ROWS,
      select: { line: true, status: true, reasons: true, email: true },
    }),
  ]);
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    id: found.id,
    fileName: found.fileName,
    status: found.status,
    createdAt: found.createdAt.toISOString(),
    counts: {
      total: counts.reduce((sum, c) => sum + c._count._all, 0),
      ready: count("ready") + count("creating"),
      created: count("created"),
      refused: count("refused"),
      failed: count("failed"),
      alreadyImported: count("alreadyImported"),
    },
    problems: problems.map((row) => ({
      line: row.line,
      status: row.status,
      reasons: JSON.parse(row.reasons) as Reason[],
      email: row.email,
    })),
  };
}

/** The shop's imports, newest first. */
export async function listImports(shop: string) {
  return db().subscriptionImport.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take: 20 });
}

/** The merchant starts a checked import: the worker takes it from here. Starting it again changes nothing. */
export async function startImport(shop: string, id: string): Promise<boolean> {
  const started = await db().subscriptionImport.updateMany({
    where: { id, shop, status: "checked" },
    data: { status: "importing", startedAt: clock().now() },
  });
  return started.count > 0 || (await db().subscriptionImport.count({ where: { id, shop } })) > 0;
}

/**
 * The worker's step: for each import under way, rows a dead process left half-made are settled,
 * then the next ready rows are made into contracts; an import with none left is done.
 */
export async function runImports(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const running = await db().subscriptionImport.findMany({ where: { status: "importing" }, orderBy: { startedAt: "asc" }, take: 5 });
  let made = 0;
  for (const job of running) {
    try {
      const admin = await adminFor(job.shop);
      const shop = await findShop(job.shop);
      await settleStalledRows(admin, job.id);
      const rows = await db().subscriptionImportRow.findMany({
        where: { importId: job.id, status: "ready" },
        orderBy: { line: "asc" },
        take: ROWS_PER_ROUND,
      });
      for (const row of rows) {
        if (await makeContract(admin, row, shop?.ianaTimezone ?? "UTC", shop?.currencyCode ?? "USD")) made += 1;
      }
      const left = await db().subscriptionImportRow.count({ where: { importId: job.id, status: { in: ["ready", "creating"] } } });
      if (left === 0) {
        await db().subscriptionImport.updateMany({
          where: { id: job.id, status: "importing" },
          data: { status: "done", finishedAt: clock().now() },
        });
      }
    } catch (error) {
      shopLog(job.shop).warn({ ...errorFields(error), importId: job.id }, "subscription import paused; taken up next round");
    }
  }
  return made;
}

type ImportRow = { id: string; shop: string; key: string; terms: string | null };

/** Claims the row's key, then makes its contract; a refusal by Shopify fails the row and frees the key. */
async function makeContract(admin: AdminClient, row: ImportRow, timeZone: string, currencyCode: string): Promise<boolean> {
  const terms = JSON.parse(row.terms!) as ImportTerms;
  try {
    const claimed = await db().subscriptionImportRow.updateMany({
      where: { id: row.id, status: "ready" },
      data: { status: "creating", claimedKey: row.key, claimedAt: clock().now() },
    });
    if (claimed.count === 0) return false;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another import made (or is making) this subscription.
    await db().subscriptionImportRow.update({
      where: { id: row.id },
      data: { status: "alreadyImported", reasons: JSON.stringify([{ reason: "alreadyImported" }]) },
    });
    return false;
  }
  const fail = (reasons: unknown[]) =>
    db().subscriptionImportRow.update({
      where: { id: row.id },
      data: { status: "failed", claimedKey: null, reasons: JSON.stringify(reasons) },
    });
  if (!(await roomForSubscriber(row.shop, terms.customerId))) {
    await fail([{ reason: "subscriberLimit" }]);
    return false;
  }
  try {
    const { subscriptionContractAtomicCreate } = await admin.request(ContractAtomicCreate, {
      input: contractInput(terms, row.key, timeZone, currencyCode),
    });
    const contractId = subscriptionContractAtomicCreate!.contract!.id;
    // Mirrored when Shopify's subscription_contracts/create arrives: a read here would cost as much again.
    await db().subscriptionImportRow.update({ where: { id: row.id }, data: { status: "created", contractId } });
    return true;
  } catch (error) {
    if (!(error instanceof ShopifyUserErrors)) throw error;
    await fail(error.userErrors.map((e) => ({ reason: "shopify", message: e.message })));
    return false;
  }
}

/** Shopify's input for the row's contract: the customer's card, the row's address, price and frequency, first order on its day. */
function contractInput(terms: ImportTerms, key: string, timeZone: string, currencyCode: string) {
  const [year, month, day] = terms.nextChargeDate.split("-").map(Number) as [number, number, number];
  const { address } = terms;
  return {
    customerId: terms.customerId,
    currencyCode: currencyCode as CurrencyCode,
    nextBillingDate: fromLocal({ year, month, day, hour: FIRST_CHARGE_HOUR, minute: 0, second: 0 }, timeZone).toISOString(),
    contract: {
      status: "ACTIVE" as const,
      paymentMethodId: terms.paymentMethodId,
      billingPolicy: { interval: terms.billing.interval, intervalCount: terms.billing.count },
      deliveryPolicy: { interval: terms.delivery.interval, intervalCount: terms.delivery.count },
      deliveryMethod: {
        shipping: {
          address: {
            firstName: address.firstName || null,
            lastName: address.lastName,
            address1: address.address1,
            address2: address.address2 || null,
            city: address.city,
            provinceCode: address.provinceCode || null,
            zip: address.zip,
            countryCode: address.countryCode as CountryCode,
            phone: address.phone || null,
          },
        },
      },
      customAttributes: [{ key: IMPORTED_ATTRIBUTE, value: key }],
    },
    lines: [
      {
        line: {
          productVariantId: terms.variantId,
          quantity: terms.quantity,
          // A prepaid row's price is per delivery; each charge pays for the deliveries it covers.
          currentPrice: decimalFromMinor(terms.priceMinor * (terms.billing.count / terms.delivery.count), currencyDigits(currencyCode)),
        },
      },
    ],
  };
}

/**
 * Rows a process left while making them: if Shopify has a contract for the customer carrying the
 * row's key, the row was made; otherwise it is ready again (its key stays claimed by it).
 */
async function settleStalledRows(admin: AdminClient, importId: string): Promise<void> {
  const stalled = await db().subscriptionImportRow.findMany({
    where: { importId, status: "creating", claimedAt: { lt: new Date(clock().now().getTime() - STALLED_AFTER_MS) } },
  });
  for (const row of stalled) {
    const { customerId } = JSON.parse(row.terms!) as ImportTerms;
    const { customer } = await admin.request(ImportCustomerContracts, { id: customerId });
    const made = customer?.subscriptionContracts.nodes.find((contract) =>
      contract.customAttributes.some((attribute) => attribute.key === IMPORTED_ATTRIBUTE && attribute.value === row.key),
    );
    await db().subscriptionImportRow.update({
      where: { id: row.id },
      data: made ? { status: "created", contractId: made.id } : { status: "ready" },
    });
  }
}
