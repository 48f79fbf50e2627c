import { expect } from "vitest";
import { REQUIRED_COLUMNS } from "../../app/migration/import-file";
import { action as checkAction } from "../../app/routes/app.imports._index";
import { action as startAction, loader as reportLoader } from "../../app/routes/app.imports.$id";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { runRound } from "../../app/worker/worker.server";
import { vaultCard } from "../../simulator/payment-methods";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { acceptGrowthPlan } from "./app-plan";
import { adminFetchRequest, createShop, postForm, testContext } from "./context";
import { settle } from "./subscriptions";

/** A store moving its subscribers in from another app, the file it exports, and the import run through Orchard's routes and worker. */
const CARD = { brand: "visa", lastDigits: "4242", expiryMonth: 12, expiryYear: 2030, name: "Moved Over" };

/**
 * A store that sold subscriptions through another app: its customers, each with a card Shopify
 * keeps. On Shopify Plus, as stores with a thousand subscribers often are: its Admin API restores
 * 1,000 points a second where a Standard store's restores 100, and an import paces itself to it.
 */
export async function storeMovingIn(customers: number) {
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

export type Row = Record<(typeof REQUIRED_COLUMNS)[number] | "subscription_id" | "customer_email", string>;

export function csv(rows: Row[]): string {
  const header = [...REQUIRED_COLUMNS, "subscription_id", "customer_email"];
  return [header.join(","), ...rows.map((row) => header.map((column) => row[column as keyof Row]).join(","))].join("\r\n") + "\r\n";
}

export function row(subscriber: { customerId: number; paymentMethodId: number }, variantId: number, index: number): Row {
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

export async function upload(shop: ShopRecord, text: string | Uint8Array<ArrayBuffer>, name = "recharge-export.csv") {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  return postForm(checkAction, "/app/imports", shop.domain, form);
}

export const report = async (shop: ShopRecord, id: string) =>
  (await reportLoader({ request: adminFetchRequest(`/app/imports/${id}`, shop.domain), params: { id }, context: {} })).report;

/** Started by the merchant, then the worker's rounds until it is done (a hundred rows a round), and its webhooks worked. */
export async function runToEnd(shop: ShopRecord, id: string) {
  const { simulator } = testContext();
  expect(await postForm(startAction, `/app/imports/${id}`, shop.domain, {}, { id })).toEqual({ redirect: `/app/imports/${id}` });
  for (let round = 0; round < 30 && (await report(shop, id)).status !== "done"; round += 1) {
    await runRound();
    await simulator.webhooks.settle();
  }
  await settle();
  return report(shop, id);
}
