import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { scheduleDueCycles, sendScheduledAttempts } from "../../app/subscriptions/billing.server";
import { findContract, syncContract } from "../../app/subscriptions/contracts.server";
import { recordInstall } from "../../app/shops/shops.server";
import { reanchorSchedules } from "../../app/subscriptions/time-zone-change.server";
import { contractWithState, performAction } from "../../app/subscriptions/contract-actions.server";
import { processInbox } from "../../app/webhooks/inbox.server";
import { billingAttemptPayload } from "../../simulator/admin-api/billing-attempts";
import { gid } from "../../simulator/ids";
import { adminFetchRequest, testContext, webhookRequest } from "../support/context";
import { saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { PREPAID_QUARTERLY, settle, shopWithSubscription, subscribeToPlan } from "../support/subscriptions";

// Every clock a test sets is put back, newest first, so no test inherits another's time.
const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});
const setClock = (date: Date) => clockRestores.push(replaceClock(new FixedClock(date)));

/** A shop with one two-weekly subscription mirrored in Orchard, and Orchard's clock set past its due date. */
async function dueSubscription() {
  const { shop, contract } = await shopWithSubscription();
  await syncContract(await backgroundAdmin(shop.domain), gid("SubscriptionContract", contract.id));
  const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
  setClock(new Date(stored!.nextBillingAt!.getTime() + 60_000));
  const ordersBefore = shop.orders.size;
  return { shop, contract, stored: stored!, newOrders: () => shop.orders.size - ordersBefore };
}

/** Shopify's subscription_billing_attempts/failure for the attempt, received and worked by Orchard. */
async function deliverFailure(shop: string, attempt: Parameters<typeof billingAttemptPayload>[0]) {
  const request = webhookRequest({
    shop,
    topic: "subscription_billing_attempts/failure",
    payload: billingAttemptPayload(attempt),
    webhookId: randomUUID(),
  });
  await webhookAction({ request, params: {}, context: {} });
  await processInbox();
}

describe("billing a due cycle", () => {
  it("charges once, however many times the workers run", async () => {
    const { shop, stored, newOrders } = await dueSubscription();
    for (let round = 0; round < 3; round += 1) {
      await scheduleDueCycles();
      await sendScheduledAttempts(backgroundAdmin);
    }
    expect(shop.billingAttempts.size).toBe(1);
    expect(newOrders()).toBe(1);
    const [attempt] = await db().billingAttempt.findMany({ where: { shop: shop.domain } });
    expect(attempt).toMatchObject({ cycle: 1, status: "sent", idempotencyKey: `orchard:${stored.shopifyId.split("/").pop()}:cycle:1` });
    const after = await findContract(shop.domain, stored.shopifyId);
    expect(after!.nextBillingAt!.getTime()).toBe(stored.nextBillingAt!.getTime() + 14 * 86_400_000);
  });

  it("charges an intro offer's price for the orders it covers, then the plan's lasting price, as the pricing policy says", async () => {
    const { shop } = await shopWithSubscription();
    const { contract, unitPriceMinor: price } = await subscribeToPlan(shop, "welcome@example.com", {
      name: "Every 2 weeks, first 2 half price",
      options: ["2 weeks intro"],
      interval: "WEEK",
      intervalCount: 2,
      percentageOff: 10,
      introductory: { orders: 2, percentageOff: 50 },
    });
    const contractId = gid("SubscriptionContract", contract.id);
    await syncContract(await backgroundAdmin(shop.domain), contractId);
    const charged: number[] = [];
    for (const cycle of [1, 2, 3]) {
      const stored = await findContract(shop.domain, contractId);
      setClock(new Date(stored!.nextBillingAt!.getTime() + 60_000));
      await scheduleDueCycles();
      await sendScheduledAttempts(backgroundAdmin);
      await settle();
      const renewal = [...shop.orders.values()].filter((o) => o.email === "welcome@example.com").at(-1)!;
      charged.push(renewal.lines[0]!.priceMinor);
      expect((await db().billingAttempt.findMany({ where: { contract: { shopifyId: contractId } } })).length).toBe(cycle);
    }
    const half = Math.round(price / 2);
    const lasting = Math.round((price * 9000) / 10_000);
    // The checkout was order 1 at half price; renewal 1 is order 2 (still half), then the lasting price.
    expect([[...shop.orders.values()].find((o) => o.email === "welcome@example.com")!.lines[0]!.priceMinor, ...charged]).toEqual([
      half,
      half,
      lasting,
      lasting,
    ]);
  });

  it("renews a prepaid subscription at its whole term, three months on", async () => {
    const { shop } = await shopWithSubscription();
    const { contract, unitPriceMinor: price } = await subscribeToPlan(shop, "prepaid@example.com", PREPAID_QUARTERLY);
    const contractId = gid("SubscriptionContract", contract.id);
    await syncContract(await backgroundAdmin(shop.domain), contractId);
    const stored = await findContract(shop.domain, contractId);
    expect(stored!.nextBillingAt!.getUTCMonth()).toBe((contract.createdAt.getUTCMonth() + 3) % 12);
    setClock(new Date(stored!.nextBillingAt!.getTime() + 60_000));
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    const [checkout, renewal] = [...shop.orders.values()].filter((o) => o.email === "prepaid@example.com");
    const term = Math.round((price * 9000) / 10_000) * 3;
    expect([checkout!.lines[0]!.priceMinor, renewal?.lines[0]!.priceMinor]).toEqual([term, term]);
  });

  // Shopify sends orders/paid for a renewal as for any order: the ledger counts it as recurring revenue.
  it("counts the renewal's order as recurring revenue", async () => {
    const { shop } = await dueSubscription();
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    await settle();
    const renewal = [...shop.orders.values()].at(-1)!;
    const recorded = await db().order.findUnique({ where: { shop_shopifyId: { shop: shop.domain, shopifyId: gid("Order", renewal.id) } } });
    expect(recorded).toMatchObject({
      recurringMinor: renewal.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0),
      oneOffMinor: 0,
    });
  });

  it("charges once when two workers race", async () => {
    const { shop, newOrders } = await dueSubscription();
    await Promise.all([scheduleDueCycles(), scheduleDueCycles(), scheduleDueCycles()]);
    await Promise.all([sendScheduledAttempts(backgroundAdmin), sendScheduledAttempts(backgroundAdmin)]);
    expect(await db().billingAttempt.count({ where: { shop: shop.domain } })).toBe(1);
    expect(shop.billingAttempts.size).toBe(1);
    expect(newOrders()).toBe(1);
  });

  it("charges once when a worker died after Shopify took the charge but before Orchard wrote it down", async () => {
    const { shop, newOrders } = await dueSubscription();
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    // The worker's record of the send is lost; a later worker finds the cycle still to send.
    await db().billingAttempt.updateMany({ where: { shop: shop.domain }, data: { status: "scheduled" } });
    await sendScheduledAttempts(backgroundAdmin);
    expect(shop.billingAttempts.size).toBe(1);
    expect(newOrders()).toBe(1);
  });

  it("records the outcome Shopify reports, whichever arrives first", async () => {
    const { shop, newOrders } = await dueSubscription();
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    const attempt = [...shop.billingAttempts.values()][0]!;
    const delivery = () =>
      webhookRequest({
        shop: shop.domain,
        topic: "subscription_billing_attempts/success",
        payload: billingAttemptPayload(attempt),
        webhookId: "same-delivery",
      });
    await webhookAction({ request: delivery(), params: {}, context: {} });
    await webhookAction({ request: delivery(), params: {}, context: {} });
    await processInbox();
    const [stored] = await db().billingAttempt.findMany({ where: { shop: shop.domain } });
    expect(stored).toMatchObject({ status: "succeeded", orderId: gid("Order", attempt.orderId!) });
    expect(newOrders()).toBe(1);
  });

  it("does not charge a contract paused in Shopify, and says why", async () => {
    const { shop, contract, newOrders } = await dueSubscription();
    contract.status = "PAUSED";
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    const [stored] = await db().billingAttempt.findMany({ where: { shop: shop.domain } });
    expect(stored).toMatchObject({ status: "failed", errorCode: "CONTRACT_PAUSED" });
    expect(newOrders()).toBe(0);
  });
});

describe("failed payments", () => {
  it("records the decline Shopify reports", async () => {
    const { shop } = await dueSubscription();
    shop.failingPayments.push("PAYMENT_METHOD_DECLINED");
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    await deliverFailure(shop.domain, [...shop.billingAttempts.values()][0]!);
    const [stored] = await db().billingAttempt.findMany({ where: { shop: shop.domain } });
    expect(stored).toMatchObject({ status: "failed", errorCode: "PAYMENT_METHOD_DECLINED", failureKind: "payment" });
  });
});

describe("a change of the shop's time zone", () => {
  /** Runs billing at each of these instants, as the worker would. */
  async function billAt(...instants: Date[]) {
    for (const instant of instants) {
      setClock(instant);
      await scheduleDueCycles();
      await sendScheduledAttempts(backgroundAdmin);
    }
  }

  /**
   * A monthly subscription billed at 20:00 UTC on the 30th: on the 31st in Kiritimati (UTC+14), so
   * the months fall differently there (Feb 28 in UTC is Feb 27 at 20:00 UTC in Kiritimati's count).
   */
  async function monthlyAtMonthEnd() {
    const { shop } = await shopWithSubscription();
    const { contract } = await subscribeToPlan(shop, "month-end@example.com", {
      name: "Monthly",
      options: ["Every month"],
      interval: "MONTH",
      intervalCount: 1,
      percentageOff: 0,
    });
    await syncContract(await backgroundAdmin(shop.domain), gid("SubscriptionContract", contract.id));
    const stored = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    await db().subscriptionContract.update({
      where: { id: stored.id },
      data: { scheduleFrom: new Date("2027-01-30T20:00:00Z"), scheduleCycle: 0, nextBillingAt: new Date("2027-02-28T20:00:00Z") },
    });
    const cycles = async () =>
      (await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { cycle: "asc" } })).map((a) => [
        a.cycle,
        a.cycleDate.toISOString(),
      ]);
    return { shop, stored, cycles };
  }

  it("keeps the next order's instant and bills every later cycle once, on the new zone's wall clock", async () => {
    const { shop, cycles } = await monthlyAtMonthEnd();
    shop.ianaTimezone = "Pacific/Kiritimati";
    const previous = await recordInstall(await backgroundAdmin(shop.domain), "write_own_subscription_contracts");
    expect(previous).toBe("UTC");
    await reanchorSchedules(shop.domain, previous!);
    await billAt(new Date("2027-02-28T20:01:00Z"), new Date("2027-03-31T20:01:00Z"));
    // February's order where the customer expected it (Mar 1, 10:00 in Kiritimati); March's one
    // month later on the new wall clock (Apr 1, 10:00 there).
    expect(await cycles()).toEqual([
      [1, "2027-02-28T20:00:00.000Z"],
      [2, "2027-03-31T20:00:00.000Z"],
    ]);
  });

  it("never loses a cycle or leaves a contract stuck when its schedule drifted off its cycles", async () => {
    const { shop, cycles } = await monthlyAtMonthEnd();
    // The zone changed under the schedule without re-anchoring (as before Orchard followed it).
    await db().shop.update({ where: { domain: shop.domain }, data: { ianaTimezone: "Pacific/Kiritimati" } });
    await billAt(new Date("2027-02-28T20:01:00Z"), new Date("2027-02-28T20:02:00Z"), new Date("2027-03-31T20:01:00Z"));
    const charged = (await cycles()).map(([cycle]) => cycle);
    expect(charged).toEqual([...new Set(charged)]);
    expect(charged[0]).toBe(1);
  });

  it("restarts a schedule whose due date stands for a cycle already written, and bills the next cycle once", async () => {
    const { shop, stored, newOrders } = await dueSubscription();
    // Cycle 1 is on record (charged), yet the contract is still due on its date.
    await db().billingAttempt.create({
      data: {
        shop: shop.domain,
        contractId: stored.id,
        cycle: 1,
        cycleDate: stored.nextBillingAt!,
        sendAfter: stored.nextBillingAt!,
        idempotencyKey: `orchard:test:${stored.id}:cycle:1`,
        status: "succeeded",
      },
    });
    const due = stored.nextBillingAt!.getTime();
    await billAt(new Date(due + 60_000), new Date(due + 120_000));
    expect(newOrders()).toBe(1);
    expect(
      (await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { cycle: "asc" } })).map((a) => a.cycle),
    ).toEqual([1, 2]);
  });
});

describe("an outcome for a cycle the subscription gave up", () => {
  it("is recorded and starts no retry: the decline of a charge sent before a pause and resume arrives late", async () => {
    const { shop, stored } = await dueSubscription();
    shop.failingPayments.push("PAYMENT_METHOD_DECLINED");
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    const admin = await backgroundAdmin(shop.domain);
    for (const action of ["pause", "resume"] as const) {
      expect(await performAction(admin, (await contractWithState(shop.domain, stored.id))!, { action }, "merchant")).toEqual({ ok: true });
    }
    await deliverFailure(shop.domain, [...shop.billingAttempts.values()][0]!);
    const attempts = await db().billingAttempt.findMany({ where: { contractId: stored.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: "failed", errorCode: "PAYMENT_METHOD_DECLINED" });
    expect(attempts[0]!.givenUpAt).not.toBeNull();
    expect((await findContract(shop.domain, stored.shopifyId))!.dunningCycle).toBeNull();
  });
});

describe("orders skipped ahead of time", () => {
  /** A two-weekly subscription before its first renewal (cycle 1), and the customer's hand on it. */
  async function subscriptionBeforeRenewals() {
    const { shop, contract } = await shopWithSubscription();
    await syncContract(await backgroundAdmin(shop.domain), gid("SubscriptionContract", contract.id));
    const stored = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    const cycleDates = [0, 1, 2, 3].map((n) => new Date(stored.nextBillingAt!.getTime() + n * 14 * 86_400_000));
    const act = async (input: Parameters<typeof performAction>[2]) =>
      performAction(await backgroundAdmin(shop.domain), (await contractWithState(shop.domain, stored.id))!, input, "customer");
    /** Orchard's worker runs just after the given order's date; returns the orders Shopify made meanwhile. */
    const runAfter = async (date: Date) => {
      const before = shop.orders.size;
      setClock(new Date(date.getTime() + 60_000));
      await settle();
      return shop.orders.size - before;
    };
    return { shop, contract, stored, cycleDates, act, runAfter };
  }

  it("never charges a later order the customer skipped, and bills the ones around it once each", async () => {
    const { contract, stored, cycleDates, act, runAfter } = await subscriptionBeforeRenewals();
    setClock(new Date(cycleDates[0]!.getTime() - 86_400_000));
    expect(await act({ action: "skip", cycle: 2 })).toEqual({ ok: true });
    expect(await act({ action: "skip", cycle: 2 })).toEqual({ ok: false, error: "invalidChoice" });

    expect(await runAfter(cycleDates[0]!)).toBe(1);
    expect(await runAfter(cycleDates[1]!)).toBe(0);
    // Shopify is told the order after the skipped one is next.
    expect(contract.nextBillingDate).toEqual(cycleDates[2]);
    expect(await runAfter(cycleDates[2]!)).toBe(1);
    const attempts = await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { cycle: "asc" } });
    expect(attempts.map((a) => [a.cycle, a.status, a.skipReason])).toEqual([
      [1, "succeeded", null],
      [2, "skipped", "customer_skip"],
      [3, "succeeded", null],
    ]);
    // No "your next order is coming" for an order that is not.
    const upcomingEmails = await db().emailMessage.findMany({ where: { contractId: stored.id, kind: "upcoming" } });
    expect(upcomingEmails.map((m) => m.dedupeKey)).not.toContain(`upcoming:${stored.id}:${cycleDates[1]!.toISOString()}`);
  });

  it("charges a later order again once its skip is taken back", async () => {
    const { stored, cycleDates, act, runAfter } = await subscriptionBeforeRenewals();
    setClock(new Date(cycleDates[0]!.getTime() - 86_400_000));
    expect(await act({ action: "skip", cycle: 2 })).toEqual({ ok: true });
    expect(await act({ action: "unskip", cycle: 2 })).toEqual({ ok: true });
    expect(await act({ action: "unskip", cycle: 2 })).toEqual({ ok: false, error: "invalidChoice" });
    expect(await runAfter(cycleDates[0]!)).toBe(1);
    expect(await runAfter(cycleDates[1]!)).toBe(1);
    expect((await findContract(stored.shop, stored.shopifyId))!.plannedSkips).toBeNull();
  });

  it("takes back a skip of the next order while its date is to come, and then bills it once on that date", async () => {
    const { contract, stored, cycleDates, act, runAfter } = await subscriptionBeforeRenewals();
    setClock(new Date(cycleDates[0]!.getTime() - 86_400_000));
    expect(await act({ action: "skip" })).toEqual({ ok: true });
    expect(contract.nextBillingDate).toEqual(cycleDates[1]);
    expect(await act({ action: "unskip", cycle: 1 })).toEqual({ ok: true });
    expect(contract.nextBillingDate).toEqual(cycleDates[0]);
    expect(await db().billingAttempt.count({ where: { contractId: stored.id } })).toBe(0);
    expect(await runAfter(cycleDates[0]!)).toBe(1);
    expect(await runAfter(cycleDates[0]!)).toBe(0);
    // Its date passed: a skip is no longer taken back.
    expect(await act({ action: "skip" })).toEqual({ ok: true });
    setClock(new Date(cycleDates[1]!.getTime() + 1000));
    expect(await act({ action: "unskip", cycle: 2 })).toEqual({ ok: false, error: "invalidChoice" });
  });

  it("refuses an order the customer was not offered: past, too far ahead, or after the plan's last", async () => {
    const { cycleDates, act } = await subscriptionBeforeRenewals();
    setClock(new Date(cycleDates[0]!.getTime() - 86_400_000));
    for (const cycle of [0, 7, 1000]) expect(await act({ action: "skip", cycle })).toEqual({ ok: false, error: "invalidChoice" });
    expect(await act({ action: "unskip", cycle: 0 })).toEqual({ ok: false, error: "invalidChoice" });
  });
});

describe("the subscriptions screens", () => {
  it("list the shop's subscriptions with counts per status, and show one with its schedule and billing history", async () => {
    const { shop, stored } = await dueSubscription();
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    const { loader: listLoader } = await import("../../app/routes/app.subscriptions._index");
    const { loader: detailLoader } = await import("../../app/routes/app.subscriptions.$id");

    const list = await listLoader({ request: adminFetchRequest("/app/subscriptions?status=ACTIVE", shop.domain), params: {}, context: {} });
    expect(list.counts).toEqual({ ACTIVE: 1 });
    expect(list.contracts).toMatchObject([
      { id: stored.id, customer: stored.customerDisplayName, email: stored.customerEmail, status: "ACTIVE", plan: "Every 2 weeks" },
    ]);
    expect(stored.customerDisplayName).toMatch(/\S+ \S+/);

    const detail = await detailLoader({
      request: adminFetchRequest(`/app/subscriptions/${stored.id}`, shop.domain),
      params: { id: stored.id },
      context: {},
    });
    expect(detail.history).toMatchObject([{ cycle: 1, status: "sent", order: null }]);
    expect(detail.upcoming).toHaveLength(6);
    expect(detail.customer).toEqual({ name: stored.customerDisplayName, email: stored.customerEmail });
    expect(detail.delivery).toEqual({ interval: "WEEK", count: 2 });
    expect(detail.paymentMethod).toMatchObject({ kind: "card", lastDigits: "4242" });

    // Once Shopify has made the renewal order and its webhooks came, the page names both orders,
    // with what each charged and a link to it in Shopify's admin.
    await settle();
    const paid = await detailLoader({
      request: adminFetchRequest(`/app/subscriptions/${stored.id}`, shop.domain),
      params: { id: stored.id },
      context: {},
    });
    const [renewal, origin] = [...shop.orders.values()].sort((a, b) => b.number - a.number);
    const total = (order: typeof renewal) => order!.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
    expect(paid.history).toMatchObject([
      {
        cycle: 1,
        status: "succeeded",
        order: { name: `#${renewal!.number}`, totalMinor: total(renewal), url: `shopify://admin/orders/${renewal!.id}` },
      },
    ]);
    expect(paid.checkout).toMatchObject({
      order: { name: `#${origin!.number}`, totalMinor: total(origin), url: `shopify://admin/orders/${origin!.id}` },
    });
    expect(new Date(detail.upcoming[1]!.date).getTime() - new Date(detail.upcoming[0]!.date).getTime()).toBe(14 * 86_400_000);

    const other = (await dueSubscription()).shop;
    const refused = await detailLoader({
      request: adminFetchRequest(`/app/subscriptions/${stored.id}`, other.domain),
      params: { id: stored.id },
      context: {},
    }).catch((r: Response) => r);
    expect((refused as Response).status).toBe(404);
  });
});

describe("catching up", () => {
  it("charges only the latest cycle when several fell due while Orchard was stopped", async () => {
    const { shop, stored, newOrders } = await dueSubscription();
    // Two cycles (days 14 and 28) are overdue on day 30.
    setClock(new Date(stored.firstBillingAt.getTime() + 30 * 86_400_000));
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);

    const attempts = await db().billingAttempt.findMany({ where: { shop: shop.domain }, orderBy: { cycle: "asc" } });
    expect(attempts.map((a) => [a.cycle, a.status, a.skipReason])).toEqual([
      [1, "skipped", "missed"],
      [2, "sent", null],
    ]);
    expect(shop.billingAttempts.size).toBe(1);
    expect(newOrders()).toBe(1);
    const after = await findContract(shop.domain, stored.shopifyId);
    expect(after!.nextBillingAt!.getTime()).toBe(stored.firstBillingAt.getTime() + 42 * 86_400_000);
    await settle();
    const told = testContext()
      .simulator.mailbox.to(stored.customerEmail!)
      .filter((m) => m.subject.includes("recent"));
    expect(told.map((m) => m.text.includes("the order due on your subscription during that time was not sent"))).toEqual([true]);
  });

  it("charges none of them when the merchant chose to skip missed orders, and says so to the customer, the merchant and Shopify", async () => {
    const { shop, stored, newOrders } = await dueSubscription();
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, missedCycles: "skipAll" });
    setClock(new Date(stored.firstBillingAt.getTime() + 30 * 86_400_000));
    await settle();

    const attempts = await db().billingAttempt.findMany({ where: { shop: shop.domain }, orderBy: { cycle: "asc" } });
    expect(attempts.map((a) => [a.cycle, a.status, a.skipReason])).toEqual([
      [1, "skipped", "missed"],
      [2, "skipped", "missed"],
    ]);
    expect(newOrders()).toBe(0);
    const nextDate = stored.firstBillingAt.getTime() + 42 * 86_400_000;
    expect((await findContract(shop.domain, stored.shopifyId))!.nextBillingAt!.getTime()).toBe(nextDate);
    expect(shop.contracts.get(Number(stored.shopifyId.split("/").pop()))!.nextBillingDate.getTime()).toBe(nextDate);
    const told = testContext()
      .simulator.mailbox.to(stored.customerEmail!)
      .filter((m) => m.subject.includes("recent"));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("2 orders due on your subscription during that time were not sent");
    expect(told[0]!.text).toContain("None of them was charged.");
    const { loader: listLoader } = await import("../../app/routes/app.subscriptions._index");
    const list = await listLoader({ request: adminFetchRequest("/app/subscriptions", shop.domain), params: {}, context: {} });
    expect(list.missedOrders).toBe(2);
  });
});

describe("contract updates and billing", () => {
  it("a contract synced again after a charge keeps its place in the schedule, whatever the time", async () => {
    const { shop, stored, newOrders } = await dueSubscription();
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    // A late or repeated subscription_contracts/update, read while the clock is elsewhere.
    clockRestores.push(replaceClock(new FixedClock(stored.firstBillingAt)));
    await syncContract(await backgroundAdmin(shop.domain), stored.shopifyId);
    const after = await findContract(shop.domain, stored.shopifyId);
    expect(after!.nextBillingAt!.getTime()).toBe(stored.firstBillingAt.getTime() + 28 * 86_400_000);
    setClock(new Date(stored.firstBillingAt.getTime() + 20 * 86_400_000));
    await scheduleDueCycles();
    await sendScheduledAttempts(backgroundAdmin);
    expect(newOrders()).toBe(1);
  });
});
