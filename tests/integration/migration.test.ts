import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { REQUIRED_COLUMNS } from "../../app/migration/import-file";
import { action as checkAction, loader as importsLoader } from "../../app/routes/app.imports._index";
import { action as startAction, loader as reportLoader } from "../../app/routes/app.imports.$id";
import { vaultCard } from "../../simulator/payment-methods";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { acceptGrowthPlan } from "../support/app-plan";
import { adminFetchRequest, createShop, postForm, testContext } from "../support/context";
import { settle } from "../support/subscriptions";
import { runRound } from "../../app/worker/worker.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";

const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

const CARD = { brand: "visa", lastDigits: "4242", expiryMonth: 12, expiryYear: 2030, name: "Moved Over" };

/**
 * A store that sold subscriptions through another app: its customers, each with a card Shopify
 * keeps. On Shopify Plus, as stores with a thousand subscribers often are: its Admin API restores
 * 1,000 points a second where a Standard store's restores 100, and an import paces itself to it.
 */
async function storeMovingIn(customers: number) {
  const { simulator } = testContext();
  const { shop } = createShop({ customers: 0, months: 0 }, { plan: "plus" });
  shop.ianaTimezone = "UTC";
  seedShop(simulator.store, shop, new Date(), { customers: 0, months: 0 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  await acceptGrowthPlan(shop.domain);
  const subscribers = Array.from({ length: customers }, (_, index) => {
    const id = simulator.store.newId();
    shop.customers.set(id, {
      id,
      firstName: "Moved",
      lastName: `Subscriber ${index}`,
      email: `moved-${index}@example.com`,
      locale: "en",
      marketingState: "NOT_SUBSCRIBED",
      tags: [],
      createdAt: simulator.clock.now(),
    });
    return { customerId: id, paymentMethodId: vaultCard(simulator.store, shop, id, CARD).id };
  });
  return { shop, subscribers, variant: [...shop.products.values()][0]!.variants[0]! };
}

type Row = Record<(typeof REQUIRED_COLUMNS)[number] | "subscription_id" | "customer_email", string>;

function csv(rows: Row[]): string {
  const header = [...REQUIRED_COLUMNS, "subscription_id", "customer_email"];
  return [header.join(","), ...rows.map((row) => header.map((column) => row[column as keyof Row]).join(","))].join("\r\n") + "\r\n";
}

function row(subscriber: { customerId: number; paymentMethodId: number }, variantId: number, index: number): Row {
  return {
    subscription_id: `rc-${index}`,
    customer_email: `moved-${index}@example.com`,
    shopify_customer_id: String(subscriber.customerId),
    shopify_variant_id: String(variantId),
    quantity: "1",
    recurring_price: "18.00",
    order_interval_unit: "month",
    order_interval_frequency: "1",
    charge_interval_frequency: "1",
    // Spread over the coming month, as another app's next charges are.
    next_charge_date: `2027-01-${String(1 + (index % 28)).padStart(2, "0")}`,
    shipping_last_name: `Subscriber ${index}`,
    shipping_address_1: `${index} Orchard Lane`,
    shipping_city: "Springfield",
    shipping_zip: "12345",
    shipping_country_code: "US",
    payment_method_id: String(subscriber.paymentMethodId),
  };
}

async function upload(shop: ShopRecord, text: string | Uint8Array<ArrayBuffer>, name = "recharge-export.csv") {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  return postForm(checkAction, "/app/imports", shop.domain, form);
}

const report = async (shop: ShopRecord, id: string) =>
  (await reportLoader({ request: adminFetchRequest(`/app/imports/${id}`, shop.domain), params: { id }, context: {} })).report;

/** Started by the merchant, then the worker's rounds until it is done (a hundred rows a round), and its webhooks worked. */
async function runToEnd(shop: ShopRecord, id: string) {
  const { simulator } = testContext();
  expect(await postForm(startAction, `/app/imports/${id}`, shop.domain, {}, { id })).toEqual({ redirect: `/app/imports/${id}` });
  for (let round = 0; round < 30 && (await report(shop, id)).status !== "done"; round += 1) {
    await runRound();
    await simulator.webhooks.settle();
  }
  await settle();
  return report(shop, id);
}

describe("importing subscriptions from another app", () => {
  it("checks 1,000 rows, refuses 20 with their reasons, creates the 980 others once, and a second run creates nothing", async () => {
    const { shop, subscribers, variant } = await storeMovingIn(985);
    // Today in the store is 2026-12-05 (the business clock): a date not after it is refused.
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const rows = subscribers.map((subscriber, index) => row(subscriber, variant.id, index));
    const bad: Row[] = [
      ...[0, 1, 2, 3, 4].map((i) => ({ ...row(subscribers[980 + i]!, variant.id, 980 + i), shopify_customer_id: "999999999" })),
      // Another customer's card.
      ...[5, 6, 7, 8, 9].map((i) => ({
        ...row(subscribers[i]!, variant.id, 2000 + i),
        payment_method_id: String(subscribers[i + 1]!.paymentMethodId),
      })),
      ...[10, 11, 12, 13].map((i) => ({ ...row(subscribers[i]!, variant.id, 3000 + i), next_charge_date: "2026-12-01" })),
      ...[14, 15, 16].map((i) => rows[i]!),
      ...[17, 18, 19].map((i) => ({ ...row(subscribers[i]!, variant.id, 4000 + i), recurring_price: "eighteen" })),
    ];
    const file = csv([...rows.slice(0, 980), ...bad]);

    const checked = (await upload(shop, file)) as { redirect: string };
    const id = checked.redirect.split("/").pop()!;
    const before = await report(shop, id);
    expect(before.counts).toEqual({ total: 1_000, ready: 980, created: 0, refused: 20, failed: 0, alreadyImported: 0 });
    expect(shop.contracts.size).toBe(0);
    const reasonsAt = (line: number) => before.problems.find((p) => p.line === line)?.reasons.map((r) => r.reason);
    // Line 1 is the header: the 981st row is on line 982.
    expect([982, 987, 992, 996, 999].map(reasonsAt)).toEqual([
      ["customerNotFound"],
      ["paymentMethodNotFound"],
      ["datePast"],
      ["duplicateRow"],
      ["priceInvalid"],
    ]);
    expect(before.problems.find((p) => p.line === 996)!.reasons).toEqual([{ reason: "duplicateRow", line: 16 }]);

    const done = await runToEnd(shop, id);
    expect(done.counts).toMatchObject({ created: 980, ready: 0, failed: 0 });
    expect(shop.contracts.size).toBe(980);
    const contract = [...shop.contracts.values()].find((c) => c.customerId === subscribers[27]!.customerId)!;
    expect(contract).toMatchObject({ status: "ACTIVE", paymentMethodId: subscribers[27]!.paymentMethodId });
    // The row's day, at the first charge's hour in the store's zone.
    expect(contract.nextBillingDate.toISOString()).toBe("2027-01-28T09:00:00.000Z");
    expect(contract.lines[0]).toMatchObject({ variantId: variant.id, quantity: 1, currentPriceMinor: 1_800 });
    expect(await db().subscriptionContract.count({ where: { shop: shop.domain } })).toBe(980);
    // Moved, not new: no welcome email.
    expect(testContext().simulator.mailbox.to("moved-27@example.com")).toEqual([]);

    // Started again, and the same file checked and run again: nothing is created twice.
    await runToEnd(shop, id);
    const again = ((await upload(shop, file)) as { redirect: string }).redirect.split("/").pop()!;
    expect((await report(shop, again)).counts).toMatchObject({ ready: 0, alreadyImported: 980, refused: 20 });
    await runToEnd(shop, again);
    expect(shop.contracts.size).toBe(980);
  }, 600_000);

  it("never bills an imported subscription before its date", async () => {
    const { simulator } = testContext();
    const { shop, subscribers, variant } = await storeMovingIn(1);
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const id = (
      (await upload(shop, csv([{ ...row(subscribers[0]!, variant.id, 0), next_charge_date: "2026-12-20" }]))) as { redirect: string }
    ).redirect
      .split("/")
      .pop()!;
    await runToEnd(shop, id);
    const ordersOf = () => [...shop.orders.values()].filter((order) => order.customerId === subscribers[0]!.customerId);
    const at = async (iso: string) => {
      const instant = new Date(iso);
      simulator.clock.advance(Math.max(0, instant.getTime() - simulator.clock.now().getTime()));
      clockRestores.push(replaceClock(new FixedClock(instant)));
      await settle();
    };
    await at("2026-12-20T08:59:00Z");
    expect(ordersOf()).toEqual([]);
    await at("2026-12-20T09:01:00Z");
    expect(ordersOf().map((order) => order.lines[0]!.priceMinor)).toEqual([1_800]);
  });

  it("refuses a file it cannot read, says why, and keeps nothing", async () => {
    const { shop } = await storeMovingIn(1);
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${REQUIRED_COLUMNS.join(",")}\n`), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    expect(await upload(shop, latin1)).toEqual({ problem: { problem: "encoding" } });
    expect(await upload(shop, "name,email\nAda,ada@example.com\n")).toMatchObject({ problem: { problem: "missingColumns" } });
    expect(await postForm(checkAction, "/app/imports", shop.domain, new FormData())).toEqual({ problem: { problem: "noFile" } });
    expect(await db().subscriptionImport.count({ where: { shop: shop.domain } })).toBe(0);
    const { imports } = await importsLoader({ request: adminFetchRequest("/app/imports", shop.domain), params: {}, context: {} });
    expect(imports).toEqual([]);
  });

  it("settles a row a dead process left half-made: made in Shopify, it is recorded, never made again", async () => {
    const { shop, subscribers, variant } = await storeMovingIn(2);
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const id = ((await upload(shop, csv(subscribers.map((s, i) => row(s, variant.id, i))))) as { redirect: string }).redirect
      .split("/")
      .pop()!;
    await runToEnd(shop, id);
    expect(shop.contracts.size).toBe(2);
    // As if the process had died after Shopify made the first row's contract, before recording it.
    const first = (await db().subscriptionImportRow.findFirst({ where: { importId: id, line: 2 } }))!;
    await db().subscriptionImportRow.update({
      where: { id: first.id },
      data: { status: "creating", contractId: null, claimedAt: new Date("2026-12-05T12:00:00Z") },
    });
    await db().subscriptionImport.update({ where: { id }, data: { status: "importing" } });
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:10:00Z"))));
    await settle();
    expect(await db().subscriptionImportRow.findUnique({ where: { id: first.id } })).toMatchObject({
      status: "created",
      contractId: expect.any(String),
    });
    expect(shop.contracts.size).toBe(2);
    expect((await report(shop, id)).status).toBe("done");
  });
});
