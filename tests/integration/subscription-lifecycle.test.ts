import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { action as detailAction, loader as detailLoader } from "../../app/routes/app.subscriptions.$id";
import { saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { findContract } from "../../app/subscriptions/contracts.server";
import { contractWithState, performAction } from "../../app/subscriptions/contract-actions.server";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { gid } from "../../simulator/ids";
import { adminFetchRequest, testContext } from "../support/context";
import { settle, shopWithSubscription, subscribeToPlan } from "../support/subscriptions";

const DAY = 86_400_000;
const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});
const setClock = (date: Date) => clockRestores.push(replaceClock(new FixedClock(date)));

/** GIVEN a subscription Orchard mirrors (its confirmation sent), at the moment of checkout. */
async function subscribed(quantity = 1) {
  const given = await shopWithSubscription(quantity);
  setClock(new Date());
  await settle();
  const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
  const at = (days: number) => new Date(stored.firstBillingAt.getTime() + days * DAY + 60_000);
  const ordersBefore = given.shop.orders.size;
  return { ...given, stored, at, newOrders: () => given.shop.orders.size - ordersBefore };
}

/** The merchant presses a button on the subscription's page. */
async function merchant(shop: string, contractId: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const request = adminFetchRequest(`/app/subscriptions/${contractId}`, shop, { method: "POST", body });
  return detailAction({ request, params: { id: contractId }, context: {} });
}

async function mirror(shop: string, shopifyId: string) {
  return (await findContract(shop, shopifyId))!;
}

const mailTo = (address: string) => testContext().simulator.mailbox.to(address);

describe("a new subscription", () => {
  it("is confirmed to the customer by email, once, in their language", async () => {
    const { stored, email } = await subscribed();
    await settle();
    const confirmations = mailTo(email).filter((m) => m.subject.includes("is confirmed"));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.text).toContain("House Blend");
    expect(confirmations[0]!.text).toContain(`https://${stored.shop}/apps/orchard/subscriptions`);
  });
});

describe("the merchant's actions", () => {
  it("pauses and resumes: nothing is charged while paused, the next order follows the old cadence, the customer is told", async () => {
    const { shop, contract, stored, at, newOrders, email } = await subscribed();
    expect(await merchant(shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    expect(contract.status).toBe("PAUSED");
    expect((await mirror(shop.domain, stored.shopifyId)).status).toBe("PAUSED");

    setClock(at(30));
    await settle();
    expect(newOrders()).toBe(0);

    expect(await merchant(shop.domain, stored.id, { action: "resume" })).toMatchObject({ ok: true });
    const resumed = await mirror(shop.domain, stored.shopifyId);
    // Day 30 falls between the cycles of days 28 and 42: the next order is day 42's, not a catch-up.
    expect(resumed.nextBillingAt!.getTime()).toBe(stored.firstBillingAt.getTime() + 42 * DAY);
    expect(contract.nextBillingDate.getTime()).toBe(resumed.nextBillingAt!.getTime());
    await settle();
    expect(newOrders()).toBe(0);
    const subjects = mailTo(email).map((m) => m.subject);
    expect(subjects.filter((s) => s.includes("is paused"))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes("is back"))).toHaveLength(1);
  });

  it("skips the next order: its date passes without a charge and the order after it is billed", async () => {
    const { shop, stored, at, newOrders, email } = await subscribed();
    expect(await merchant(shop.domain, stored.id, { action: "skip" })).toMatchObject({ ok: true });
    setClock(at(15));
    await settle();
    expect(newOrders()).toBe(0);
    // The merchant's skip is news to the customer: told once, with the date of the order after it.
    const told = mailTo(email).filter((m) => m.subject.includes("is skipped"));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("Your next order is on");
    setClock(at(29));
    await settle();
    expect(newOrders()).toBe(1);
    const attempts = await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { cycle: "asc" } });
    expect(attempts.map((a) => [a.cycle, a.status])).toEqual([
      [1, "skipped"],
      [2, "succeeded"],
    ]);
  });

  it("keeps a skipped order skipped through a pause and a resume: the next order is the one after it", async () => {
    const { shop, contract, stored, at, newOrders, email } = await subscribed();
    expect(await merchant(shop.domain, stored.id, { action: "skip" })).toMatchObject({ ok: true });
    setClock(at(3));
    expect(await merchant(shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    expect(await merchant(shop.domain, stored.id, { action: "resume" })).toMatchObject({ ok: true });
    await settle();
    const resumed = await mirror(shop.domain, stored.shopifyId);
    expect(resumed.nextBillingAt!.getTime()).toBe(at(28).getTime() - 60_000);
    expect(contract.nextBillingDate.getTime()).toBe(resumed.nextBillingAt!.getTime());
    // The "welcome back" email names the order after the skipped one.
    const back = mailTo(email).find((m) => m.subject.includes("is back"))!;
    expect(back.text).not.toContain(new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(at(14)));
    setClock(at(15));
    await settle();
    expect(newOrders()).toBe(0);
    setClock(at(29));
    await settle();
    expect(newOrders()).toBe(1);
  });

  it("reschedules the next order to a chosen day, keeping its hour, and later orders follow from it", async () => {
    const { shop, contract, stored } = await subscribed();
    const target = new Date(stored.nextBillingAt!.getTime() + 5 * DAY);
    const date = target.toISOString().slice(0, 10);
    expect(await merchant(shop.domain, stored.id, { action: "reschedule", date })).toMatchObject({ ok: true });
    const moved = await mirror(shop.domain, stored.shopifyId);
    expect(moved.nextBillingAt!.toISOString()).toBe(target.toISOString());
    expect(contract.nextBillingDate.toISOString()).toBe(target.toISOString());

    const refused = await merchant(shop.domain, stored.id, { action: "reschedule", date: "2001-01-01" });
    expect(refused).toMatchObject({ ok: false, error: "invalidDate" });
  });

  it("changes the frequency to another plan of the group, at that plan's price, from the order after next", async () => {
    const { shop, contract, stored, sellingPlanIds, coffee } = await subscribed();
    const result = await merchant(shop.domain, stored.id, {
      action: "changeFrequency",
      sellingPlanId: gid("SellingPlan", sellingPlanIds[1]!),
    });
    expect(result).toMatchObject({ ok: true });
    expect(contract.billingPolicy).toMatchObject({ interval: "WEEK", intervalCount: 4 });
    // 15 % off the variant's price, exactly.
    expect(contract.lines[0]!.currentPriceMinor).toBe(Math.floor((coffee.variants[0]!.priceMinor * 85 + 50) / 100));
    const after = await mirror(shop.domain, stored.shopifyId);
    expect(after.nextBillingAt!.getTime()).toBe(stored.nextBillingAt!.getTime());
    expect(after.lines[0]!.sellingPlanName).toBe("Every 4 weeks");
  });

  it("changes the quantity and swaps the variant, at the plan's price", async () => {
    const { shop, contract, stored, coffee } = await subscribed();
    const line = stored.lines[0]!;
    expect(await merchant(shop.domain, stored.id, { action: "changeQuantity", lineId: line.id, quantity: "3" })).toMatchObject({
      ok: true,
    });
    expect(contract.lines[0]!.quantity).toBe(3);
    const refreshed = await mirror(shop.domain, stored.shopifyId);
    const other = coffee.variants[1]!;
    const swapped = await merchant(shop.domain, stored.id, {
      action: "swapVariant",
      lineId: refreshed.lines[0]!.id,
      variantId: gid("ProductVariant", other.id),
    });
    expect(swapped).toMatchObject({ ok: true });
    expect(contract.lines[0]).toMatchObject({
      variantId: other.id,
      quantity: 3,
      currentPriceMinor: Math.floor((other.priceMinor * 90 + 50) / 100),
    });

    const invalid = await merchant(shop.domain, stored.id, { action: "changeQuantity", lineId: line.id, quantity: "0" });
    expect(invalid).toMatchObject({ ok: false, error: "invalidInput", fields: ["quantity"] });
  });

  it("adds a one-time item to the next order only", async () => {
    const { shop, contract, stored, at, coffee } = await subscribed();
    const extra = coffee.variants[1]!;
    expect(
      await merchant(shop.domain, stored.id, { action: "addOneTime", variantId: gid("ProductVariant", extra.id), quantity: "1" }),
    ).toMatchObject({
      ok: true,
    });
    setClock(at(15));
    await settle();
    const orders = [...shop.orders.values()].slice(-1);
    expect(orders[0]!.lines.map((l) => l.variantId)).toEqual([coffee.variants[0]!.id, extra.id]);
    expect(contract.lines).toHaveLength(1);
    setClock(at(29));
    await settle();
    expect([...shop.orders.values()].at(-1)!.lines.map((l) => l.variantId)).toEqual([coffee.variants[0]!.id]);
  });

  it("bills now, once, and the schedule continues from today", async () => {
    const { shop, stored, newOrders } = await subscribed();
    const now = new Date(stored.firstBillingAt.getTime() + 3 * DAY);
    setClock(now);
    expect(await merchant(shop.domain, stored.id, { action: "billNow" })).toMatchObject({ ok: true });
    expect(await merchant(shop.domain, stored.id, { action: "billNow" })).toMatchObject({ ok: false, error: "notAllowed" });
    await settle();
    expect(newOrders()).toBe(1);
    const after = await mirror(shop.domain, stored.shopifyId);
    expect(after.nextBillingAt!.getTime()).toBe(now.getTime() + 14 * DAY);
  });

  it("cancels with a reason; the subscription then offers only a restart, and another shop cannot even see it", async () => {
    const { shop, contract, stored } = await subscribed();
    expect(
      await merchant(shop.domain, stored.id, { action: "cancel", reason: "too_expensive", reasonText: "Found it cheaper" }),
    ).toMatchObject({
      ok: true,
    });
    expect(contract.status).toBe("CANCELLED");
    const detail = await detailLoader({
      request: adminFetchRequest(`/app/subscriptions/${stored.id}`, shop.domain),
      params: { id: stored.id },
      context: {},
    });
    expect(detail.actions).toEqual(["reactivate"]);
    expect(detail.cancellationReason).toBe("too_expensive");
    expect(await db().retentionEvent.findMany({ where: { contractId: stored.id } })).toMatchObject([
      { source: "merchant", reason: "too_expensive", outcome: "cancelled" },
    ]);
    expect(await merchant(shop.domain, stored.id, { action: "resume" })).toMatchObject({ ok: false, error: "notAllowed" });

    const other = await subscribed();
    const refused = await merchant(other.shop.domain, stored.id, { action: "pause" }).catch((r: Response) => r);
    expect((refused as Response).status).toBe(404);
  });

  it("tells the merchant Shopify is busy, and records no cancellation, when another client keeps the shop's bucket empty", async () => {
    const { shop, contract, stored } = await subscribed();
    // Another of the app's clients (a worker billing renewals) takes every point as it comes back.
    const bucket = testContext().simulator.graphql.bucket(shop);
    const busy = setInterval(() => bucket.drainTo(0), 5);
    try {
      expect(await merchant(shop.domain, stored.id, { action: "cancel", reason: "not_using" })).toEqual({
        ok: false,
        error: "shopifyBusy",
        fields: [],
      });
    } finally {
      clearInterval(busy);
    }
    expect(contract.status).toBe("ACTIVE");
    expect(await db().retentionEvent.count({ where: { contractId: stored.id } })).toBe(0);
    expect((await mirror(shop.domain, stored.shopifyId)).cancellationReason).toBeNull();
  });

  it("leaves no end of pause on a subscription Shopify refused to pause", async () => {
    const { shop, contract, stored } = await subscribed();
    // Cancelled in Shopify's admin a moment ago; its webhook has not been worked yet.
    contract.status = "CANCELLED";
    expect(await merchant(shop.domain, stored.id, { action: "pause", months: "2" })).toMatchObject({ ok: false, error: "shopify" });
    expect((await mirror(shop.domain, stored.shopifyId)).resumeAt).toBeNull();
  });
});

describe("failed payments", () => {
  it("walk the retry schedule, tell the customer once, send Shopify's card update link, and end in the final action", async () => {
    const { shop, contract, stored, at, newOrders, email } = await subscribed();
    shop.failingPayments.push("PAYMENT_METHOD_DECLINED", "INSUFFICIENT_FUNDS", "PAYMENT_METHOD_DECLINED", "PAYMENT_METHOD_DECLINED");
    // The order due on day 14 fails, then the retries on days 15, 17 and 21 (1, 3 and 7 days after).
    for (const day of [14, 15, 17, 21]) {
      setClock(at(day));
      await settle();
    }
    const attempts = await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { retry: "asc" } });
    expect(attempts.map((a) => [a.cycle, a.retry, a.status, a.failureKind])).toEqual([
      [1, 0, "failed", "payment"],
      [1, 1, "failed", "payment"],
      [1, 2, "failed", "payment"],
      [1, 3, "failed", "payment"],
    ]);
    expect(attempts.map((a) => Math.round((a.sendAfter.getTime() - stored.firstBillingAt.getTime()) / DAY))).toEqual([14, 15, 17, 21]);
    expect(newOrders()).toBe(0);
    expect(contract.status).toBe("PAUSED");
    expect(shop.paymentUpdateEmails).toHaveLength(1);
    const subjects = mailTo(email).map((m) => m.subject);
    expect(subjects.filter((s) => s.includes("couldn't charge"))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes("is paused"))).toHaveLength(1);
  });

  it("end when a retry succeeds, and billing goes on as before", async () => {
    const { shop, stored, at, newOrders } = await subscribed();
    shop.failingPayments.push("INSUFFICIENT_FUNDS");
    setClock(at(14));
    await settle();
    expect((await mirror(shop.domain, stored.shopifyId)).dunningCycle).toBe(1);
    setClock(at(15));
    await settle();
    expect(newOrders()).toBe(1);
    expect((await mirror(shop.domain, stored.shopifyId)).dunningCycle).toBeNull();
    setClock(at(28));
    await settle();
    expect(newOrders()).toBe(2);
  });

  it("out of stock: the customer is not blamed, the merchant's own schedule applies, then the order is skipped", async () => {
    const { shop, contract, stored, at, newOrders, email } = await subscribed();
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, inventoryRetryDays: [2], inventoryFinalAction: "skip" });
    shop.failingPayments.push("INSUFFICIENT_INVENTORY", "INSUFFICIENT_INVENTORY");
    for (const day of [14, 16]) {
      setClock(at(day));
      await settle();
    }
    expect(contract.status).toBe("ACTIVE");
    expect(mailTo(email).filter((m) => m.subject.includes("couldn't charge"))).toHaveLength(0);
    expect(shop.paymentUpdateEmails).toHaveLength(0);
    expect((await mirror(shop.domain, stored.shopifyId)).dunningCycle).toBeNull();
    setClock(at(28));
    await settle();
    expect(newOrders()).toBe(1);
  });
});

describe("upcoming order emails", () => {
  it("announce each order the configured number of days before, once", async () => {
    const { stored, at, email } = await subscribed();
    await saveSettings(stored.shop, { ...DEFAULT_SETTINGS, upcomingOrderDays: 2 });
    setClock(at(11));
    await settle();
    expect(mailTo(email).filter((m) => m.subject.includes("next"))).toHaveLength(0);
    setClock(at(12));
    await settle();
    setClock(at(13));
    await settle();
    const upcoming = mailTo(email).filter((m) => m.subject.startsWith("Your next"));
    expect(upcoming).toHaveLength(1);
  });
});

describe("payments the customer's bank asks them to confirm", () => {
  it("email the customer the bank's link once, hold the subscription's later orders until Shopify reports the outcome, then bill on", async () => {
    const { shop, contract, stored, at, newOrders, email } = await subscribed();
    shop.failingPayments.push("AUTHENTICATION_REQUIRED");
    setClock(at(14));
    await settle();
    const [challenged] = await db().billingAttempt.findMany({ where: { contractId: stored.id } });
    expect(challenged).toMatchObject({ cycle: 1, retry: 0, status: "challenged" });
    expect(newOrders()).toBe(0);
    const asks = mailTo(email).filter((m) => m.subject.includes("confirm your"));
    expect(asks).toHaveLength(1);
    const link = /Confirm payment: (\S+)/.exec(asks[0]!.text)![1]!;

    // Two weeks on, the next order waits: nothing more is charged, retried or emailed.
    setClock(at(28));
    await settle();
    expect(await db().billingAttempt.count({ where: { contractId: stored.id } })).toBe(1);
    expect(mailTo(email).filter((m) => m.subject.includes("confirm your"))).toHaveLength(1);

    // The customer confirms with their bank: Shopify charges the order and says so, and the order
    // that was due meanwhile is billed at once.
    const confirmed = await fetch(link, { method: "POST", body: new URLSearchParams({ decision: "authenticate" }) });
    expect(confirmed.status).toBe(200);
    await settle();
    expect(newOrders()).toBe(2);
    const after = await mirror(shop.domain, stored.shopifyId);
    expect(after.dunningCycle).toBeNull();
    // Shopify's admin shows Orchard's next date for the contract.
    expect(contract.nextBillingDate.getTime()).toBe(after.nextBillingAt!.getTime());
    expect(after.nextBillingAt!.getTime()).toBe(at(42).getTime() - 60_000);
  });

  it("go through the retry schedule when the customer does not confirm", async () => {
    const { shop, stored, at, newOrders } = await subscribed();
    shop.failingPayments.push("AUTHENTICATION_REQUIRED");
    setClock(at(14));
    await settle();
    const attempt = [...shop.billingAttempts.values()].at(-1)!;
    const link = `${testContext().simulator.url}/payments/${shop.domain.replace(".myshopify.com", "")}/challenges/${attempt.id}`;
    expect((await fetch(link, { method: "POST", body: new URLSearchParams({ decision: "refuse" }) })).status).toBe(200);
    await settle();
    const attempts = await db().billingAttempt.findMany({ where: { contractId: stored.id }, orderBy: { retry: "asc" } });
    expect(attempts.map((a) => [a.retry, a.status, a.errorCode])).toEqual([
      [0, "failed", "AUTHENTICATION_FAILED"],
      [1, "scheduled", null],
    ]);
    setClock(at(15));
    await settle();
    expect(newOrders()).toBe(1);
  });
});

describe("Shopify's refusals of a charge", () => {
  it("wait while Shopify holds the contract for review, then charge the cycle once", async () => {
    const { shop, contract, stored, at, newOrders } = await subscribed();
    contract.underReview = true;
    setClock(at(14));
    await settle();
    const [held] = await db().billingAttempt.findMany({ where: { contractId: stored.id } });
    expect(held).toMatchObject({ status: "scheduled", errorCode: null });
    expect(held!.lastError).toContain("under review");
    expect(newOrders()).toBe(0);

    contract.underReview = false;
    setClock(new Date(at(14).getTime() + 61 * 60_000));
    await settle();
    await settle();
    expect(newOrders()).toBe(1);
    expect(await db().billingAttempt.findMany({ where: { contractId: stored.id } })).toMatchObject([{ status: "succeeded" }]);
    // The order is the cycle's: its origin time is the cycle's date, not the hour it was finally charged.
    expect([...shop.billingAttempts.values()].at(-1)!.originTime!.getTime()).toBe(held!.cycleDate.getTime());
  });
});

describe("a plan with a set number of orders", () => {
  it("charges the orders the customer agreed to and no more, then ends the subscription and tells them", async () => {
    const { shop } = await shopWithSubscription();
    setClock(new Date());
    const email = "two-orders@example.com";
    const { contract } = await subscribeToPlan(shop, email, {
      name: "Two deliveries",
      options: ["2 weeks, 2 orders"],
      interval: "WEEK",
      intervalCount: 2,
      percentageOff: 0,
      maxCycles: 2,
    });
    await settle();
    const stored = await mirror(shop.domain, gid("SubscriptionContract", contract.id));
    const ordersOf = () => [...shop.orders.values()].filter((order) => order.email === email).length;
    // The checkout's order was the first; the second comes two weeks later; then nothing more.
    for (const days of [14, 28, 42, 90]) {
      setClock(new Date(stored.firstBillingAt.getTime() + days * DAY + 60_000));
      await settle();
    }
    expect(ordersOf()).toBe(2);
    expect(contract.status).toBe("EXPIRED");
    const after = await mirror(shop.domain, stored.shopifyId);
    expect(after).toMatchObject({ status: "EXPIRED", nextBillingAt: null });
    expect(await db().billingAttempt.findMany({ where: { contractId: stored.id } })).toMatchObject([{ cycle: 1, status: "succeeded" }]);
    expect(mailTo(email).filter((m) => m.subject.includes("is complete"))).toHaveLength(1);
  });
});

describe("a change racing billing", () => {
  it("reschedules nothing when billing moved the next order after the change was read, and says so", async () => {
    const { shop, stored, at } = await subscribed();
    const loaded = (await contractWithState(shop.domain, stored.id))!;
    // Billing charges the order and moves the date on while the customer's change is on its way.
    setClock(at(14));
    await settle();
    const moved = await mirror(shop.domain, stored.shopifyId);
    const date = new Date(at(20).getTime()).toISOString().slice(0, 10);
    const result = await performAction(await backgroundAdmin(shop.domain), loaded, { action: "reschedule", date }, "customer");
    expect(result).toEqual({ ok: false, error: "alreadyDone" });
    expect(await mirror(shop.domain, stored.shopifyId)).toMatchObject({
      nextBillingAt: moved.nextBillingAt,
      scheduleFrom: moved.scheduleFrom,
    });
  });
});

describe("Shopify's next billing date", () => {
  it("follows each renewal, and the update webhook of Orchard's own change is not read back", async () => {
    const { contract, stored, at, newOrders, shop } = await subscribed();
    setClock(at(14));
    await settle();
    expect(newOrders()).toBe(1);
    const after = await mirror(shop.domain, stored.shopifyId);
    expect(contract.nextBillingDate.getTime()).toBe(after.nextBillingAt!.getTime());
    // Shopify's revision is the one Orchard's date change made; the mirror was not synced for it.
    expect(after.ownRevisionId).toBe(String(contract.revisionId));
    expect(after.revisionId).not.toBe(String(contract.revisionId));
  });
});
