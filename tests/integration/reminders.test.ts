import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { signingKey } from "../../app/signing-keys.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { action as indexAction, loader as indexLoader } from "../../app/routes/app.reminders._index";
import { action as newRule } from "../../app/routes/app.reminders.rules.new";
import { action as linkAction, loader as linkLoader } from "../../app/routes/reminders.$id.$purpose";
import { completeCheckout, testShopperCheckoutForm } from "../../simulator/checkout";
import { refundLines } from "../../simulator/orders";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { adminFetchRequest, createShop, TEST_API_SECRET, testContext, postForm } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";
import { settle } from "../support/subscriptions";
import { importPastBuyers } from "../../app/reminders/past-buyers.server";
import { backgroundAdmin } from "../../app/shopify/background.server";

const DAY = 86_400_000;
const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});
const setClock = (date: Date) => clockRestores.push(replaceClock(new FixedClock(date)));
/** Orchard's clock and the store's, moved together (the store's only forwards). */
function moveTo(date: Date) {
  const { simulator } = testContext();
  simulator.clock.advance(Math.max(0, date.getTime() - simulator.clock.now().getTime()));
  setClock(date);
}

/** GIVEN a shop in Paris with a coffee that lasts 30 days a bag, reminded 3 days early with a code, and a subscribe-and-save plan. */
async function shopWithRule() {
  const { simulator } = testContext();
  const { shop } = createShop();
  shop.ianaTimezone = "Europe/Paris";
  seedShop(simulator.store, shop, new Date(), { customers: 1, months: 0 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  const coffee = [...shop.products.values()][0]!;
  await createSellingPlanGroup(simulator.url, shop.domain, {
    name: "Subscribe and save",
    productIds: [coffee.id],
    plans: [{ name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 15 }],
  });
  const fields = {
    scope: "product",
    targetId: `gid://shopify/Product/${coffee.id}`,
    title: coffee.title,
    intervalDays: "30",
    leadDays: "3",
    discountCode: "COMEBACK10",
  };
  const saved = await postForm(newRule, "/app/reminders/rules/new", shop.domain, fields);
  expect(saved).toEqual({ redirect: "/app/reminders?saved=1" });
  return { shop, coffee };
}

let customers = 0;
function customer(shop: ShopRecord, consent: "SUBSCRIBED" | "NOT_SUBSCRIBED" = "SUBSCRIBED", locale = "en") {
  const { simulator } = testContext();
  customers += 1;
  const record = {
    id: simulator.store.newId(),
    firstName: `Ana${customers}`,
    lastName: "Test",
    email: `buyer${customers}@${shop.domain.replace(".myshopify.com", "")}.example`,
    locale,
    marketingState: consent,
    tags: [],
    createdAt: simulator.clock.now(),
  };
  shop.customers.set(record.id, record);
  return record;
}

async function buy(shop: ShopRecord, email: string, variantId: number, quantity: number, sellingPlanId: number | null = null) {
  const { order } = await completeCheckout(testContext().simulator, shop, {
    email,
    lines: [{ variantId, quantity, sellingPlanId, properties: {} }],
  });
  await settle();
  return order;
}

const remindersOf = (shop: string, customerEmail: string) =>
  db().reminder.findMany({ where: { shop, customerEmail }, orderBy: { createdAt: "asc" } });
const mailTo = (address: string) => testContext().simulator.mailbox.to(address);

/** A link in the email, opened as the customer's browser would. */
async function open(url: string, method: "GET" | "POST" = "GET") {
  const parsed = new URL(url);
  const [, , id, purpose] = parsed.pathname.split("/");
  const request = new Request(url, {
    method,
    ...(method === "POST" ? { body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
  });
  const args = { request, params: { id, purpose }, context: {} };
  return method === "GET" ? linkLoader(args) : linkAction(args);
}

describe("a new rule's past buyers", () => {
  it("are reminded when they consented and have not run out yet, each once however often the orders are read, over several pages", async () => {
    const { simulator } = testContext();
    const { shop } = createShop();
    shop.ianaTimezone = "Europe/Paris";
    seedShop(simulator.store, shop, new Date(), { customers: 1, months: 0 });
    await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    const [coffee, tea] = [...shop.products.values()];
    const variant = coffee!.variants[0]!.id;
    // 60 days ago: three bags, which last until day 87 (reminded), and one, gone by day 27 (left alone).
    const threeBags = customer(shop);
    const oneBagLongAgo = customer(shop);
    await buy(shop, threeBags.email, variant, 3);
    await buy(shop, oneBagLongAgo.email, variant, 1);
    simulator.clock.advance(50 * DAY);
    // 10 days ago: eleven who agreed to marketing emails (more than a page of orders), one who did not, one who bought tea.
    const recent = Array.from({ length: 11 }, () => customer(shop));
    for (const buyer of recent) await buy(shop, buyer.email, variant, 1);
    const noConsent = customer(shop, "NOT_SUBSCRIBED");
    await buy(shop, noConsent.email, variant, 1);
    await buy(shop, customer(shop).email, tea!.variants[0]!.id, 1);
    simulator.clock.advance(10 * DAY);
    setClock(simulator.clock.now());
    expect(await db().reminder.count({ where: { shop: shop.domain } })).toBe(0);

    const fields = {
      scope: "product",
      targetId: `gid://shopify/Product/${coffee!.id}`,
      title: coffee!.title,
      intervalDays: "30",
      leadDays: "3",
      discountCode: "",
    };
    expect(await postForm(newRule, "/app/reminders/rules/new", shop.domain, { ...fields, pastBuyers: "on" })).toEqual({
      redirect: "/app/reminders?saved=1",
    });
    while ((await importPastBuyers(backgroundAdmin)) > 0);
    const reminded = await db().reminder.findMany({ where: { shop: shop.domain }, orderBy: { customerEmail: "asc" } });
    const scheduled = reminded.filter((r) => r.status === "scheduled").map((r) => r.customerEmail);
    expect(scheduled.sort()).toEqual([threeBags.email, ...recent.map((r) => r.email)].sort());
    expect(reminded.filter((r) => r.status === "skipped").map((r) => [r.customerEmail, r.reason])).toEqual([
      [noConsent.email, "noConsent"],
    ]);
    expect(reminded.every((r) => r.dueAt > simulator.clock.now())).toBe(true);
    const page = await indexLoader({ request: adminFetchRequest("/app/reminders", shop.domain), params: {}, context: {} });
    expect(page.imports).toEqual([expect.objectContaining({ status: "done", ordersRead: 15, scheduled: 12, skipped: 1 })]);

    // Read again from the start (a worker died before keeping its place): nothing is planned twice.
    await db().pastBuyerImport.updateMany({ where: { shop: shop.domain }, data: { status: "running", cursor: null } });
    while ((await importPastBuyers(backgroundAdmin)) > 0);
    expect(await db().reminder.count({ where: { shop: shop.domain } })).toBe(reminded.length);
  });
});

describe("reorder reminders are planned from paid orders", () => {
  it("at the local date the product runs out: 1 bag lasts 30 days, 3 bags 90, each reminded 3 days early at 10:00", async () => {
    const { shop, coffee } = await shopWithRule();
    const one = customer(shop);
    const three = customer(shop);
    const orderedAt = testContext().simulator.clock.now();
    await buy(shop, one.email, coffee.variants[0]!.id, 1);
    await buy(shop, three.email, coffee.variants[0]!.id, 3);
    const [first] = await remindersOf(shop.domain, one.email);
    const [second] = await remindersOf(shop.domain, three.email);
    const parisDate = (date: Date) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short", hourCycle: "h23" }).format(date);
    const expectedDay = (days: number) => {
      const local = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(orderedAt);
      const day = new Date(`${local}T00:00:00Z`);
      return new Date(day.getTime() + days * DAY).toISOString().slice(0, 10);
    };
    expect(first).toMatchObject({ status: "scheduled", quantity: 1, discountCode: "COMEBACK10" });
    expect(parisDate(first!.dueAt)).toBe(`${expectedDay(27)}, 10:00`);
    expect(parisDate(second!.dueAt)).toBe(`${expectedDay(87)}, 10:00`);
    // The same orders/paid again changes nothing.
    const order = [...shop.orders.values()].at(-1)!;
    await testContext().simulator.webhooks.send(
      shop.domain,
      "orders/paid",
      (await import("../../simulator/webhook-payloads")).orderPayload(shop, order),
    );
    await settle();
    expect(await db().reminder.count({ where: { shop: shop.domain } })).toBe(2);
  });

  it("move to a later order of the same product, end with a subscription to it, and are never planned without consent or after a full refund", async () => {
    const { shop, coffee } = await shopWithRule();
    const variant = coffee.variants[0]!.id;
    const { simulator } = testContext();

    const reorders = customer(shop);
    await buy(shop, reorders.email, variant, 1);
    simulator.clock.advance(10 * DAY);
    await buy(shop, reorders.email, variant, 2);
    const moved = await remindersOf(shop.domain, reorders.email);
    expect(moved.map((r) => [r.status, r.reason, r.quantity])).toEqual([
      ["cancelled", "reordered", 1],
      ["scheduled", null, 2],
    ]);

    const subscribes = customer(shop);
    await buy(shop, subscribes.email, variant, 1);
    const planId = [...shop.sellingPlanGroups.values()][0]!.sellingPlans[0]!.id;
    await buy(shop, subscribes.email, variant, 1, planId);
    expect((await remindersOf(shop.domain, subscribes.email)).map((r) => [r.status, r.reason])).toEqual([
      // The subscription's own order plans nothing (the subscription delivers the next bag); the
      // contract ends the one-off purchase's reminder.
      ["cancelled", "subscribed"],
    ]);

    const noConsent = customer(shop, "NOT_SUBSCRIBED");
    await buy(shop, noConsent.email, variant, 1);
    expect((await remindersOf(shop.domain, noConsent.email)).map((r) => [r.status, r.reason])).toEqual([["skipped", "noConsent"]]);

    const refunds = customer(shop);
    const refunded = await buy(shop, refunds.email, variant, 2);
    await refundLines(simulator, shop, refunded, [{ lineId: refunded.lines[0]!.id, quantity: 1 }]);
    await settle();
    expect((await remindersOf(shop.domain, refunds.email)).map((r) => r.status)).toEqual(["scheduled"]);
    await refundLines(simulator, shop, refunded, [{ lineId: refunded.lines[0]!.id, quantity: 1 }]);
    await settle();
    expect((await remindersOf(shop.domain, refunds.email)).map((r) => [r.status, r.reason])).toEqual([["cancelled", "refunded"]]);
  });
});

describe("sending reminders", () => {
  it("mails each due reminder once, with a reorder link that fills the cart with the code, a subscribe link with the plan, and a signed unsubscribe link", async () => {
    const { shop, coffee } = await shopWithRule();
    const { simulator } = testContext();
    // The merchant's Shopify Flow workflows start with the reminder triggers.
    for (const handle of ["reminder-sent", "reminder-converted"]) await simulator.setFlowWorkflow(shop, handle, true);
    const buyer = customer(shop, "SUBSCRIBED", "fr");
    const quiet = customer(shop, "NOT_SUBSCRIBED");
    await buy(shop, buyer.email, coffee.variants[0]!.id, 1);
    await buy(shop, quiet.email, coffee.variants[0]!.id, 1);
    const [reminder] = await remindersOf(shop.domain, buyer.email);

    moveTo(new Date(reminder!.dueAt.getTime() - 60_000));
    await settle();
    expect(mailTo(buyer.email)).toHaveLength(0);
    moveTo(new Date(reminder!.dueAt.getTime() + 60_000));
    await settle();
    await settle();
    const mail = mailTo(buyer.email);
    expect(mail).toHaveLength(1);
    expect(mailTo(quiet.email)).toHaveLength(0);
    expect(mail[0]!.subject).toBe(`Bientôt à court de ${coffee.title} – ${coffee.variants[0]!.title} ?`);
    expect(mail[0]!.text).toContain("COMEBACK10");
    expect(mail[0]!.text).toContain("économisez 15 %");
    // The mail parser reads List-Unsubscribe and List-Unsubscribe-Post into one "list" header.
    const list = JSON.parse(mail[0]!.headers.list!) as { unsubscribe: { url: string }; "unsubscribe-post": { name: string } };
    expect(list["unsubscribe-post"].name).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = list.unsubscribe.url;

    const links = [...mail[0]!.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    const reorderUrl = links.find((l) => l.includes("/reorder?"))!;
    const reorder = (await open(reorderUrl)) as Response;
    expect(reorder.status).toBe(302);
    const permalink = new URL(reorder.headers.get("location")!);
    expect(permalink.pathname).toMatch(new RegExp(`/storefront/[^/]+/cart/${coffee.variants[0]!.id}:1$`));
    expect(permalink.searchParams.get("discount")).toBe("COMEBACK10");
    expect((await db().reminder.findUnique({ where: { id: reminder!.id } }))!.clickedAt).not.toBeNull();

    const subscribe = (await open(links.find((l) => l.includes("/subscribe?"))!)) as Response;
    const productPage = new URL(subscribe.headers.get("location")!);
    expect(productPage.pathname).toBe(`/storefront/${shop.domain.replace(".myshopify.com", "")}/products/${coffee.handle}`);
    expect(productPage.searchParams.get("selling_plan")).toBe(String([...shop.sellingPlanGroups.values()][0]!.sellingPlans[0]!.id));

    // The permalink, followed in the store, becomes an order that names the reminder: a conversion with its revenue.
    const cart = await fetch(permalink, { redirect: "manual" });
    const cookie = cart.headers.get("set-cookie")!.split(";")[0]!;
    const checkout = await fetch(new URL(cart.headers.get("location")!, permalink), { headers: { cookie } });
    expect(await checkout.text()).toContain("COMEBACK10");
    const paid = await fetch(new URL(cart.headers.get("location")!, permalink).toString().split("?")[0]!, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...testShopperCheckoutForm(buyer.email), discount: "COMEBACK10" }),
    });
    expect(paid.status).toBe(200);
    await settle();
    const converted = (await db().reminder.findUnique({ where: { id: reminder!.id } }))!;
    expect(converted).toMatchObject({ status: "sent", conversionKind: "order", conversionRevenueMinor: coffee.variants[0]!.priceMinor });
    const order = [...shop.orders.values()].at(-1)!;
    expect(order.noteAttributes).toEqual([{ name: "_orchard_reminder", value: reminder!.id }]);
    expect(order.discountCodes).toEqual(["COMEBACK10"]);
    // Flow heard of the send and the conversion, each once, about the buyer and the coffee.
    const references = { customer_id: order.customerId, product_id: coffee.id };
    expect(shop.flowTriggerRuns.map((run) => [run.handle, run.payload])).toEqual([
      ["reminder-sent", { ...references, "product title": `${coffee.title} – ${coffee.variants[0]!.title}` }],
      ["reminder-converted", { ...references, conversion: "order" }],
    ]);

    // The admin's lists and figures.
    const admin = await indexLoader({ request: adminFetchRequest("/app/reminders?tab=sent", shop.domain), params: {}, context: {} });
    expect(admin.results).toMatchObject({ sent: 1, opened: 1, converted: 1, revenueMinor: coffee.variants[0]!.priceMinor });
    expect(admin.list.rows[0]).toMatchObject({ outcome: "converted", conversionKind: "order" });

    // Unsubscribing: a page that asks, then a one-click POST; later orders are not reminded.
    const confirm = (await open(unsubscribeUrl)) as Response;
    expect(await confirm.text()).toContain("Ne plus recevoir les rappels");
    expect(await db().reminderOptOut.count({ where: { shop: shop.domain } })).toBe(0);
    expect(((await open(unsubscribeUrl, "POST")) as Response).status).toBe(200);
    await buy(shop, buyer.email, coffee.variants[0]!.id, 1);
    const latest = (await remindersOf(shop.domain, buyer.email)).at(-1)!;
    expect([latest.status, latest.reason]).toEqual(["skipped", "unsubscribed"]);
    const after = await indexLoader({ request: adminFetchRequest("/app/reminders?tab=sent", shop.domain), params: {}, context: {} });
    expect(after.list.rows[0]!.outcome).toBe("converted");
    await settle();
    expect(mailTo(buyer.email)).toHaveLength(1);
  });

  it("refuses a forged or borrowed link, and changes nothing", async () => {
    const { shop, coffee } = await shopWithRule();
    const [a, b] = [customer(shop), customer(shop)];
    await buy(shop, a.email, coffee.variants[0]!.id, 1);
    await buy(shop, b.email, coffee.variants[0]!.id, 1);
    const [ra] = await remindersOf(shop.domain, a.email);
    const [rb] = await remindersOf(shop.domain, b.email);
    const { reminderLink } = await import("../../app/reminders/links");
    const real = new URL(reminderLink("https://orchard.example.com", signingKey("reminder-link"), ra!.id, "unsubscribe"));
    const borrowed = new URL(real);
    borrowed.pathname = `/reminders/${rb!.id}/unsubscribe`;
    const forged = new URL(real);
    const sig = real.searchParams.get("sig")!;
    // One character changed, never to itself (a fixed suffix would match ~1 real signature in 1024).
    forged.searchParams.set("sig", `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`);
    const otherPurpose = new URL(real);
    otherPurpose.pathname = `/reminders/${ra!.id}/reorder`;
    for (const url of [borrowed, forged]) {
      expect(((await open(url.toString(), "POST")) as Response).status).toBe(404);
      expect(((await open(url.toString())) as Response).status).toBe(404);
    }
    expect(((await open(otherPurpose.toString())) as Response).status).toBe(404);
    // Signed with the app's secret itself (what Shopify signs its requests with): not a reminder link's key.
    const withAppSecret = new URL(reminderLink("https://orchard.example.com", TEST_API_SECRET, ra!.id, "unsubscribe"));
    expect(((await open(withAppSecret.toString(), "POST")) as Response).status).toBe(404);
    expect(await db().reminderOptOut.count({ where: { shop: shop.domain } })).toBe(0);
    expect((await db().reminder.findMany({ where: { shop: shop.domain } })).map((r) => r.status)).toEqual(["scheduled", "scheduled"]);
  });

  it("waits while the merchant has paused reminders, and skips those gone stale by the time they resume", async () => {
    const { shop, coffee } = await shopWithRule();
    const buyer = customer(shop);
    await buy(shop, buyer.email, coffee.variants[0]!.id, 1);
    const [reminder] = await remindersOf(shop.domain, buyer.email);
    const submit = (intent: string) =>
      indexAction({
        request: adminFetchRequest("/app/reminders", shop.domain, { method: "POST", body: new URLSearchParams({ intent }) }),
        params: {},
        context: {},
      });
    expect(await submit("pause")).toEqual({ done: "pause", errors: {} });
    setClock(new Date(reminder!.dueAt.getTime() + DAY));
    await settle();
    expect((await db().reminder.findUnique({ where: { id: reminder!.id } }))!.status).toBe("scheduled");
    expect(await submit("resume")).toEqual({ done: "resume", errors: {} });
    setClock(new Date(reminder!.dueAt.getTime() + 5 * DAY));
    await settle();
    expect(await db().reminder.findUnique({ where: { id: reminder!.id } })).toMatchObject({ status: "skipped", reason: "late" });
    expect(mailTo(buyer.email)).toHaveLength(0);
  });
});
