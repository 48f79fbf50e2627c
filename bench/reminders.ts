/**
 * Reorder reminders at volume: planning reminders from 100,000 historical orders (20,000
 * customers, 20 products with rules, quantities 1–3, six months of history), then sending 10,000
 * due reminders (and those the history already made due) through the outbox over SMTP. Each phase is compared with a baseline measured in
 * the same run on the same database: for planning, inserting the same number of rows with no
 * decision at all; for sending, the same mailer sending as many already rendered emails with no
 * database at all. Prints throughput, the ratio to the baseline, and peak heap of each.
 *
 *   tsx bench/reminders.ts sqlite|postgresql
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { orchardEnvironment } from "./support/orchard-environment";
import { Simulator } from "../simulator/server";
import { prng, seedShop } from "../simulator/seed";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const CUSTOMERS = ORDERS / 5;
const DAY = 86_400_000;

// The store (product handles and selling plans for the subscribe offer) and a mail sink that
// accepts and discards, so neither Shopify's work nor a mail parser's is counted as Orchard's.
const simulator = new Simulator({ apiKey: "bench-key", apiSecret: "bench-secret" });
await simulator.start();
const shop = simulator.store.createShop({ domain: "bench-reminders.myshopify.com", name: "Bench Beans", ianaTimezone: "Europe/Paris" });
seedShop(simulator.store, shop, simulator.clock.now(), { customers: 0, months: 0 });
const token = `shpat_${randomBytes(8).toString("hex")}`;
shop.accessTokens.set(token, { scope: simulator.appConfig.scopes, online: false, userId: null });
shop.installed = true;
let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData: (stream, _session, callback) => {
    stream.on("end", () => {
      received += 1;
      callback();
    });
    stream.resume();
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));

const testDatabase = await orchardEnvironment(database, {
  SCOPES: simulator.appConfig.scopes,
  SHOPIFY_SIMULATOR_URL: simulator.url,
  SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
});
const { db } = await import("../app/db.server");
const { FixedClock, replaceClock } = await import("../app/clock");
const { scheduleFromOrders } = await import("../app/reminders/reminders.server");
const { LATE_AFTER_MS, sendDueReminders } = await import("../app/reminders/sending.server");
const { sendPendingEmails } = await import("../app/email/outbox.server");
const { mailer } = await import("../app/email/mailer.server");
const { renderReminderEmail, defaultTemplate, reminderEmailTemplates } = await import("../app/reminders/email");
const { sampleReminder } = await import("../app/reminders/template-form");
const { backgroundAdmin } = await import("../app/shopify/background.server");
type OrderForReminders = import("../app/reminders/planning").OrderForReminders;

// Set-up (not measured): Orchard installed, a rule on every product, six months of orders.
const now = simulator.clock.now();
replaceClock(new FixedClock(now));
await db().session.create({
  data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "", accessToken: token, scope: simulator.appConfig.scopes },
});
await db().shop.create({
  data: {
    domain: shop.domain,
    name: shop.name,
    ianaTimezone: shop.ianaTimezone,
    storefrontUrl: `${simulator.url}/storefront/bench-reminders`,
  },
});
const products = [...shop.products.values()].slice(0, 20);
await db().reminderRule.createMany({
  data: products.map((p, i) => ({
    shop: shop.domain,
    scope: "product",
    targetId: `gid://shopify/Product/${p.id}`,
    title: p.title,
    intervalDays: 20 + i * 3,
    leadDays: 3,
  })),
});
const random = prng(7);
const orders: OrderForReminders[] = Array.from({ length: ORDERS }, (_, i) => {
  const customer = Math.floor(random() * CUSTOMERS);
  const product = products[Math.floor(random() * products.length)]!;
  const quantity = 1 + Math.floor(random() * 3);
  return {
    orderId: `gid://shopify/Order/${100_000 + i}`,
    orderedAt: new Date(now.getTime() - Math.floor(random() * 180 * DAY)),
    currencyCode: "EUR",
    customer: {
      id: `gid://shopify/Customer/${customer}`,
      email: `customer${customer}@bench.example`,
      name: `Customer ${customer}`,
      locale: customer % 4 === 0 ? "fr" : "en",
      marketingConsent: customer % 10 !== 0,
    },
    lines: [
      {
        id: String(1_000_000 + i),
        productId: `gid://shopify/Product/${product.id}`,
        variantId: `gid://shopify/ProductVariant/${product.variants[0]!.id}`,
        title: product.title,
        quantity,
        revenueMinor: product.variants[0]!.priceMinor * quantity,
      },
    ],
  };
});

/**
 * Runs `work`, returning its seconds and the peak heap in use while it ran (sampled every 10 ms),
 * from a collected heap when the process runs with --expose-gc (npm run bench does).
 */
async function measure(work: () => Promise<void>): Promise<{ seconds: number; peakMb: number }> {
  globalThis.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const began = performance.now();
  await work();
  const seconds = (performance.now() - began) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { seconds, peakMb: peak / 1_048_576 };
}

// Planning. Baseline: the same number of rows written in the same batches, no decision made.
const baseline = await measure(async () => {
  for (let start = 0; start < orders.length; start += 500) {
    await db().reminder.createMany({
      data: orders.slice(start, start + 500).map((o) => ({
        shop: "baseline.myshopify.com",
        customerId: o.customer!.id,
        customerEmail: o.customer!.email!,
        productId: o.lines[0]!.productId,
        variantId: o.lines[0]!.variantId,
        title: o.lines[0]!.title,
        quantity: o.lines[0]!.quantity,
        orderId: o.orderId,
        orderLineId: `baseline-${o.lines[0]!.id}`,
        orderedAt: o.orderedAt,
        dueAt: o.orderedAt,
        currencyCode: "EUR",
      })),
    });
  }
});
await db().reminder.deleteMany({ where: { shop: "baseline.myshopify.com" } });
const planning = await measure(async () => {
  await scheduleFromOrders(shop.domain, orders);
});
const planned = await db().reminder.count({ where: { shop: shop.domain } });
const open = await db().reminder.count({ where: { shop: shop.domain, status: "scheduled" } });
console.log(
  `reminders planning on ${database}: ${ORDERS} orders in ${planning.seconds.toFixed(1)} s (${(ORDERS / planning.seconds).toFixed(0)} orders/s), ` +
    `${planned} reminders (${open} open); bare insert of as many rows ${baseline.seconds.toFixed(1)} s; ratio ${(baseline.seconds / planning.seconds).toFixed(3)}; ` +
    `peak heap ${planning.peakMb.toFixed(0)} MB against ${baseline.peakMb.toFixed(0)} MB`,
);

// Sending. DUE of the reminders still in the future fall due now, joining those the six months
// of history made due in the last days; those due longer ago are skipped as late, not mailed.
const moved = await db().reminder.findMany({
  where: { shop: shop.domain, status: "scheduled", dueAt: { gt: now } },
  select: { id: true },
  take: DUE,
});
for (let start = 0; start < moved.length; start += 500) {
  await db().reminder.updateMany({
    where: { id: { in: moved.slice(start, start + 500).map((r) => r.id) } },
    data: { dueAt: new Date(now.getTime() - 3_600_000) },
  });
}
const due = await db().reminder.count({
  where: { shop: shop.domain, status: "scheduled", dueAt: { lte: now, gt: new Date(now.getTime() - LATE_AFTER_MS) } },
});
const transport = mailer()!;
const email = renderReminderEmail(sampleReminder("en", defaultTemplate("en"), shop.name));
const bareSend = await measure(async () => {
  for (let i = 0; i < due; i += 1) await transport.send({ to: `customer${i}@bench.example`, fromName: shop.name, ...email });
});
const sentBefore = received;
const sending = await measure(async () => {
  let handed: number;
  do {
    handed = await sendDueReminders(backgroundAdmin);
    while ((await sendPendingEmails(reminderEmailTemplates, { limit: 500 })) > 0);
  } while (handed > 0);
});
const mailed = received - sentBefore;
const doubles = (await db().emailMessage.groupBy({ by: ["dedupeKey"], _count: true, having: { dedupeKey: { _count: { gt: 1 } } } })).length;
console.log(
  `reminders sending on ${database}: ${mailed} of ${due} due reminders mailed in ${sending.seconds.toFixed(1)} s (${(mailed / sending.seconds).toFixed(0)}/s); ` +
    `the same mailer alone ${bareSend.seconds.toFixed(1)} s; ratio ${(bareSend.seconds / sending.seconds).toFixed(3)}; ` +
    `peak heap ${sending.peakMb.toFixed(0)} MB against ${bareSend.peakMb.toFixed(0)} MB; sent twice ${doubles}`,
);

await db().$disconnect();
await testDatabase.drop();
sink.close();
await simulator.stop();
process.exit(mailed === due && doubles === 0 ? 0 : 1);
