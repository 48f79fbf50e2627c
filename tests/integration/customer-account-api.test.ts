import { afterEach, describe, expect, it } from "vitest";
import { clock, FixedClock, replaceClock } from "../../app/clock";
import { saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { contractWithState, performAction } from "../../app/subscriptions/contract-actions.server";
import { db } from "../../app/db.server";
import { loader as listLoader } from "../../app/routes/api.customer.subscriptions";
import { action as changeAction } from "../../app/routes/api.customer.subscriptions.$id";
import { findContract } from "../../app/subscriptions/contracts.server";
import { customerApi } from "../../extensions/orchard-customer-account/src/client";
import { gid } from "../../simulator/ids";
import { issueCustomerAccountToken } from "../../simulator/session-token";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/context";
import { settle, shopWithSubscription, subscribeToPlan } from "../support/subscriptions";

const restores: (() => void)[] = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
});

/** A request from the customer account extension, with the session token Shopify gave it. */
function fromExtension(path: string, shop: string, customerId: number | null, body?: unknown, secret = TEST_API_SECRET) {
  const token = issueCustomerAccountToken({ shop, apiKey: TEST_API_KEY, secret, customerId, nowSeconds: Math.floor(Date.now() / 1000) });
  return new Request(`https://orchard.example.com${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      origin: "https://extensions.shopifycdn.com",
      "content-type": "application/json",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const respond = (run: () => Promise<Response>) => run().catch((thrown: unknown) => thrown as Response);

async function customerWithSubscription() {
  const given = await shopWithSubscription();
  restores.push(replaceClock(new FixedClock(new Date())));
  await settle();
  const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
  return { ...given, stored, customerId: given.contract.customerId };
}

describe("the customer account extension's API", () => {
  it("refuses a request without a session token, or with one Shopify did not sign", async () => {
    const { shop, customerId } = await customerWithSubscription();
    const unsigned = new Request("https://orchard.example.com/api/customer/subscriptions", {
      headers: { "user-agent": "Mozilla/5.0 Chrome/156.0.0.0" },
    });
    expect((await respond(() => listLoader({ request: unsigned, params: {}, context: {} }))).status).toBe(401);
    const forged = fromExtension("/api/customer/subscriptions", shop.domain, customerId, undefined, "forged");
    expect((await respond(() => listLoader({ request: forged, params: {}, context: {} }))).status).toBe(401);
  });

  it("lists the signed-in customer's subscriptions with what they may do, and CORS headers for the extension", async () => {
    const { shop, customerId, stored } = await customerWithSubscription();
    const response = await listLoader({
      request: fromExtension("/api/customer/subscriptions", shop.domain, customerId),
      params: {},
      context: {},
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { subscriptions } = (await response.json()) as { subscriptions: { id: string; actions: string[]; planName: string }[] };
    expect(subscriptions).toMatchObject([{ id: stored.id, planName: "Every 2 weeks" }]);
    expect(subscriptions[0]!.actions).toContain("skip");
    expect(subscriptions[0]!.actions).not.toContain("billNow");
  });

  it("skips the next order, and answers 404 for another customer's subscription", async () => {
    const first = await customerWithSubscription();
    const second = await customerWithSubscription();
    const skipped = await changeAction({
      request: fromExtension(`/api/customer/subscriptions/${first.stored.id}`, first.shop.domain, first.customerId, { action: "skip" }),
      params: { id: first.stored.id },
      context: {},
    });
    expect(await skipped.json()).toEqual({ ok: true });
    const refused = await changeAction({
      request: fromExtension(`/api/customer/subscriptions/${first.stored.id}`, first.shop.domain, second.customerId, { action: "pause" }),
      params: { id: first.stored.id },
      context: {},
    });
    expect(refused.status).toBe(404);
    expect(first.contract.status).toBe("ACTIVE");
  });

  it("runs the cancellation flow: offers for the reason, then cancels when they are declined", async () => {
    const { shop, customerId, stored, contract } = await customerWithSubscription();
    const path = `/api/customer/subscriptions/${stored.id}`;
    const offers = await changeAction({
      request: fromExtension(path, shop.domain, customerId, { step: "reason", reason: "too_much_product" }),
      params: { id: stored.id },
      context: {},
    });
    expect(await offers.json()).toMatchObject({
      kind: "offers",
      offers: [{ kind: "frequency" }, { kind: "skip" }, { kind: "pause", months: 2 }],
    });
    const invalid = await changeAction({
      request: fromExtension(path, shop.domain, customerId, { step: "decline" }),
      params: { id: stored.id },
      context: {},
    });
    expect(invalid.status).toBe(422);
    const cancelled = await changeAction({
      request: fromExtension(path, shop.domain, customerId, { step: "decline", reason: "too_much_product" }),
      params: { id: stored.id },
      context: {},
    });
    expect(await cancelled.json()).toMatchObject({ kind: "done", done: "cancel", result: { ok: true } });
    expect(contract.status).toBe("CANCELLED");
    expect(await db().retentionEvent.count({ where: { contractId: stored.id, outcome: "declined" } })).toBe(3);
  });
});

describe("the customer account extension's client", () => {
  /** The extension's client, its fetch answered by Orchard's routes themselves for this customer. */
  const clientFor = (shop: string, customerId: number | null) => {
    const fetcher = (async (url: string, init: RequestInit) => {
      const path = new URL(url).pathname;
      const request = fromExtension(path, shop, customerId, init.body ? JSON.parse(String(init.body)) : undefined);
      const id = path.split("/")[4];
      return respond(() =>
        id ? changeAction({ request, params: { id }, context: {} }) : listLoader({ request, params: {}, context: {} }),
      );
    }) as typeof fetch;
    return customerApi(async () => "unused: fromExtension signs each request", fetcher, "https://orchard.example.com");
  };

  it("speaks Orchard's API as it is: lists, skips, and runs the cancellation flow with the session token", async () => {
    const { shop, customerId, stored, contract } = await customerWithSubscription();
    const api = clientFor(shop.domain, customerId);

    const listing = await api.list();
    const [subscription] = listing.kind === "subscriptions" ? listing.subscriptions : [];
    expect(subscription).toMatchObject({ id: stored.id, status: "ACTIVE", items: [{ quantity: 1 }] });
    expect(await api.change(stored.id, { action: "skip" })).toEqual({ ok: true });
    expect(await api.change(stored.id, { action: "changeQuantity", lineId: "x", quantity: 0 })).toEqual({
      ok: false,
      error: "invalidInput",
      fields: ["quantity"],
    });
    expect((await api.offersFor(stored.id, "going_away", "")).map((o) => o.kind)).toEqual(["pause", "skip"]);
    expect(await api.finishCancellation(stored.id, "going_away", { accept: "pause" })).toEqual({ ok: true });
    expect(contract.status).toBe("PAUSED");
  });

  it("lets a save offer be taken only once it was shown, once, and never stacks discounts", async () => {
    const { shop, customerId, stored, contract } = await customerWithSubscription();
    const api = clientFor(shop.domain, customerId);
    // Never shown: refused.
    expect(await api.finishCancellation(stored.id, "too_expensive", { accept: "discount" })).toEqual({ ok: false, error: "invalidChoice" });
    expect((await api.offersFor(stored.id, "too_expensive", "")).map((o) => o.kind)).toContain("discount");
    expect(await api.finishCancellation(stored.id, "too_expensive", { accept: "discount" })).toEqual({ ok: true });
    // Taken: a second acceptance finds nothing to take, and the flow no longer offers a discount.
    expect(await api.finishCancellation(stored.id, "too_expensive", { accept: "discount" })).toEqual({ ok: false, error: "invalidChoice" });
    expect((await api.offersFor(stored.id, "too_expensive", "")).map((o) => o.kind)).not.toContain("discount");
    expect(await api.finishCancellation(stored.id, "too_expensive", { accept: "discount" })).toEqual({ ok: false, error: "invalidChoice" });
    expect(contract.discounts).toHaveLength(1);
    // Once the merchant's period for that offer has passed since it was taken, it is offered again.
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, saveOfferPeriods: { ...DEFAULT_SETTINGS.saveOfferPeriods, discount: 60 } });
    const takenAt = clock().now().getTime();
    restores.push(replaceClock(new FixedClock(new Date(takenAt + 59 * 86_400_000))));
    expect((await api.offersFor(stored.id, "too_expensive", "")).map((o) => o.kind)).toEqual(["frequency", "pause"]);
    restores.push(replaceClock(new FixedClock(new Date(takenAt + 61 * 86_400_000))));
    expect((await api.offersFor(stored.id, "too_expensive", "")).map((o) => o.kind)).toEqual(["discount", "frequency", "pause"]);
  });

  it("holds the customer to the plan's minimum number of orders, saying so, while the merchant may still cancel", async () => {
    const { shop } = await customerWithSubscription();
    const email = "committed@example.com";
    const { contract } = await subscribeToPlan(shop, email, {
      name: "Three at least",
      options: ["Monthly, 3 orders at least"],
      interval: "MONTH",
      intervalCount: 1,
      percentageOff: 10,
      minCycles: 3,
    });
    await settle();
    const stored = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    const api = clientFor(shop.domain, contract.customerId);
    const listing = await api.list();
    const mine = listing.kind === "subscriptions" ? listing.subscriptions.find((s) => s.id === stored.id) : undefined;
    expect(mine).toMatchObject({ ordersOwed: 2 });
    expect(mine!.actions).not.toContain("cancel");
    expect(mine!.actions).not.toContain("skip");
    expect(await api.change(stored.id, { action: "skip" })).toEqual({ ok: false, error: "notAllowed" });
    expect(contract.status).toBe("ACTIVE");
    // The merchant may: the minimum is then waived, on record.
    const loaded = (await contractWithState(shop.domain, stored.id))!;
    expect(await performAction(await backgroundAdmin(shop.domain), loaded, { action: "skip" }, "merchant")).toEqual({ ok: true });
    expect((await findContract(shop.domain, stored.shopifyId))!.commitmentWaivedAt).toEqual(clock().now());
  });

  it("refuses a body far over a change's size with 413, readable by the extension, and changes nothing", async () => {
    const { shop, customerId, stored, contract } = await customerWithSubscription();
    const request = fromExtension(`/api/customer/subscriptions/${stored.id}`, shop.domain, customerId, {
      action: "skip",
      padding: "x".repeat(200 * 1024),
    });
    const response = await respond(() => changeAction({ request, params: { id: stored.id }, context: {} }));
    expect(response.status).toBe(413);
    expect(response.headers.get("access-control-allow-origin")).not.toBeNull();
    expect(await db().billingAttempt.count({ where: { contractId: stored.id } })).toBe(0);
    expect(contract.status).toBe("ACTIVE");
  });

  it("says nobody is signed in when Shopify's token names no customer (not signed in, or customer data not granted)", async () => {
    const { shop, stored } = await customerWithSubscription();
    const api = clientFor(shop.domain, null);
    expect(await api.list()).toEqual({ kind: "noCustomer" });
    expect(await api.change(stored.id, { action: "skip" })).toEqual({ ok: false, error: "noCustomer" });
  });
});
