import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { clock, FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { FLOW_TRIGGERS, type FlowTriggerHandle } from "../../app/flow/flow-triggers";
import { sendFlowTriggers } from "../../app/flow/flow-triggers.server";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { ShopifyUnavailableError } from "../../app/shopify/errors";
import { action as lifecycleAction } from "../../app/routes/flow.lifecycle";
import { action as integrationsAction } from "../../app/routes/app.integrations";
import { action as detailAction } from "../../app/routes/app.subscriptions.$id";
import { findContract } from "../../app/subscriptions/contracts.server";
import { saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { gid } from "../../simulator/ids";
import type { ShopRecord } from "../../simulator/store";
import { adminFetchRequest, postForm, TEST_API_SECRET, testContext } from "../support/context";
import { settle, shopWithSubscription } from "../support/subscriptions";

const DAY = 86_400_000;
const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});
const setClock = (date: Date) => clockRestores.push(replaceClock(new FixedClock(date)));
const HANDLES = Object.keys(FLOW_TRIGGERS) as FlowTriggerHandle[];

/** The merchant turns on a workflow for each of Orchard's triggers (Flow asks Orchard first). */
async function workflowsOn(shop: ShopRecord, handles: FlowTriggerHandle[] = HANDLES) {
  const { simulator } = testContext();
  for (const handle of handles) expect(await simulator.setFlowWorkflow(shop, handle, true)).toEqual({ enabled: true, status: 200 });
}

/**
 * GIVEN a subscription made at checkout while the merchant's workflows are on (and, if asked, their
 * Klaviyo account connected), and mirrored.
 */
async function subscribed(options: { klaviyoKey?: string } = {}) {
  const given = await shopWithSubscription();
  await workflowsOn(given.shop);
  if (options.klaviyoKey) {
    const connected = await postForm(integrationsAction, "/app/integrations", given.shop.domain, { key: options.klaviyoKey });
    expect(connected).toEqual({ redirect: "/app/integrations?saved=1" });
  }
  setClock(new Date());
  await settle();
  const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
  const at = (days: number) => new Date(stored.firstBillingAt.getTime() + days * DAY + 60_000);
  return { ...given, stored, at };
}

const runsOf = (shop: ShopRecord, handle: string) => shop.flowTriggerRuns.filter((run) => run.handle === handle).map((run) => run.payload);

async function merchant(shop: string, contractId: string, fields: Record<string, string>) {
  const request = adminFetchRequest(`/app/subscriptions/${contractId}`, shop, { method: "POST", body: new URLSearchParams(fields) });
  return detailAction({ request, params: { id: contractId }, context: {} });
}

/** A request signed as Flow signs them, to a route of Orchard's. */
function flowRequest(path: string, body: unknown, secret = TEST_API_SECRET) {
  const text = JSON.stringify(body);
  return new Request(`https://orchard.example.com${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-hmac-sha256": createHmac("sha256", secret).update(text).digest("base64") },
    body: text,
  });
}

describe("Flow triggers", () => {
  it("fire once per event, with the payload the trigger's extension declares, for a subscription's life; Klaviyo gets the same events", async () => {
    const { simulator } = testContext();
    const klaviyoKey = simulator.klaviyo.issueKey();
    const { shop, contract, stored } = await subscribed({ klaviyoKey });
    const customer = { customer_id: contract.customerId, "subscription contract id": stored.shopifyId };
    expect(runsOf(shop, "subscription-created")).toEqual([customer]);

    expect(await merchant(shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    await settle();
    expect(await merchant(shop.domain, stored.id, { action: "resume" })).toMatchObject({ ok: true });
    await settle();
    expect(runsOf(shop, "subscription-paused")).toEqual([customer]);
    expect(runsOf(shop, "subscription-resumed")).toEqual([customer]);

    // The renewal's card is declined, then every retry: each failure once, then the final action.
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, paymentRetryDays: [1], paymentFinalAction: "cancel" });
    shop.failingPayments.push("PAYMENT_METHOD_DECLINED", "INSUFFICIENT_FUNDS");
    const renewal = (await findContract(shop.domain, stored.shopifyId))!.nextBillingAt!;
    for (const day of [0, 1]) {
      setClock(new Date(renewal.getTime() + day * DAY + 60_000));
      await settle();
    }
    expect(runsOf(shop, "payment-failed")).toEqual([
      { ...customer, "error code": "PAYMENT_METHOD_DECLINED", "retry number": 0 },
      { ...customer, "error code": "INSUFFICIENT_FUNDS", "retry number": 1 },
    ]);
    expect(runsOf(shop, "dunning-exhausted")).toEqual([{ ...customer, "final action": "cancel" }]);
    expect(runsOf(shop, "subscription-cancelled")).toEqual([{ ...customer, "cancellation reason": "" }]);
    // Nothing more, however often the rounds run.
    const count = shop.flowTriggerRuns.length;
    await settle();
    expect(shop.flowTriggerRuns).toHaveLength(count);
    expect(await db().flowTriggerRun.count({ where: { shop: shop.domain } })).toBe(0);
    // The same events, as metrics on the subscriber's Klaviyo profile (the last failure and the
    // retries' end were published together: either may come first).
    const metrics = simulator.klaviyo.eventsOf(simulator.klaviyo.accountOf(klaviyoKey)!);
    expect(metrics.map((event) => [event.metric, event.email]).sort()).toEqual(
      [
        "Orchard Subscription Cancelled",
        "Orchard Subscription Created",
        "Orchard Subscription Paused",
        "Orchard Subscription Payment Failed",
        "Orchard Subscription Payment Failed",
        "Orchard Subscription Resumed",
        "Orchard Subscription Retries Exhausted",
      ].map((metric) => [metric, stored.customerEmail]),
    );
    expect(metrics.find((event) => event.metric === "Orchard Subscription Retries Exhausted")!.properties).toEqual({
      SubscriptionContractId: stored.shopifyId,
      FinalAction: "cancel",
    });
  });

  it("say why the merchant cancelled, and a restart is a reactivation, not a new subscriber", async () => {
    const { shop, contract, stored } = await subscribed();
    expect(await merchant(shop.domain, stored.id, { action: "cancel", reason: "too_expensive" })).toMatchObject({ ok: true });
    await settle();
    expect(runsOf(shop, "subscription-cancelled")).toEqual([
      { customer_id: contract.customerId, "subscription contract id": stored.shopifyId, "cancellation reason": "too_expensive" },
    ]);
    const tomorrow = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    expect(await merchant(shop.domain, stored.id, { action: "reactivate", date: tomorrow })).toMatchObject({ ok: true });
    await settle();
    expect(runsOf(shop, "subscription-reactivated")).toHaveLength(1);
    expect(runsOf(shop, "subscription-created")).toHaveLength(1);
  });

  it("are not sent while no workflow uses them, and stop when the merchant turns the workflow off", async () => {
    const { simulator } = testContext();
    const given = await shopWithSubscription();
    await workflowsOn(given.shop, ["subscription-paused"]);
    setClock(new Date());
    await settle();
    const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
    expect(given.shop.flowTriggerRuns).toEqual([]);
    expect(await merchant(given.shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    await settle();
    expect(await simulator.setFlowWorkflow(given.shop, "subscription-paused", false)).toMatchObject({
      enabled: false,
      status: 200,
    });
    await merchant(given.shop.domain, stored.id, { action: "resume" });
    await settle();
    await merchant(given.shop.domain, stored.id, { action: "pause" });
    await settle();
    expect(given.shop.flowTriggerRuns.map((run) => run.handle)).toEqual(["subscription-paused"]);
  });

  it("go back to wait when Shopify stays throttled past the client's own waits, and are sent once it lets them through", async () => {
    const { shop, contract, stored } = await subscribed();
    const payload = { customer_id: contract.customerId, "subscription contract id": stored.shopifyId };
    const run = await db().flowTriggerRun.create({
      data: {
        shop: shop.domain,
        handle: "subscription-paused",
        customerId: stored.customerId,
        payload: JSON.stringify(payload),
        sendAfter: clock().now(),
      },
    });
    // What the Admin client throws when THROTTLED outlasts its retries (tested against the simulator's bucket on its own).
    const throttled = async () => ({
      shop: shop.domain,
      request: () => Promise.reject(new ShopifyUnavailableError("FlowTriggerReceive", 5, "THROTTLED")),
    });
    expect(await sendFlowTriggers(throttled)).toBe(0);
    const waiting = (await db().flowTriggerRun.findUnique({ where: { id: run.id } }))!;
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(await sendFlowTriggers(backgroundAdmin)).toBe(0);
    setClock(new Date(waiting.sendAfter.getTime() + 1_000));
    expect(await sendFlowTriggers(backgroundAdmin)).toBe(1);
    expect(runsOf(shop, "subscription-paused")).toEqual([payload]);
    expect(await db().flowTriggerRun.count({ where: { id: run.id } })).toBe(0);
  });
});

describe("the demo's page of the merchant's other tools", () => {
  it("turns a workflow on through Orchard's lifecycle callback, lists the triggers received, and makes a Klaviyo key", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription();
    const post = (path: string, body: string) =>
      fetch(`${simulator.url}${path}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
    expect((await post(`/tools/${shop.domain}/flow/subscription-created`, "enabled=on")).status).toBe(303);
    expect(shop.flowWorkflows.has("subscription-created")).toBe(true);
    expect(
      await db().flowTriggerUse.findUnique({ where: { shop_handle: { shop: shop.domain, handle: "subscription-created" } } }),
    ).toMatchObject({
      enabled: true,
    });
    await settle();
    expect((await post("/tools/klaviyo/keys", "")).status).toBe(303);
    const tools = await (await fetch(`${simulator.url}/tools`)).text();
    expect(tools).toContain("a workflow uses it");
    expect(tools).toContain("<strong>subscription-created</strong>");
    expect(tools).toContain(simulator.klaviyo.issuedKeys.at(-1));
  });
});

describe("Flow's lifecycle callback", () => {
  it("is refused unsigned, forged, for a trigger or shop Orchard does not know; an older one changes nothing", async () => {
    const { shop } = await subscribed();
    const body = (fields: object) => ({
      flow_trigger_definition_id: "subscription-paused",
      has_enabled_flow: false,
      shop_id: shop.id,
      shopify_domain: shop.domain,
      timestamp: new Date(Date.now() - DAY).toISOString(),
      ...fields,
    });
    const answer = (request: Request) =>
      lifecycleAction({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown as Response);
    expect((await answer(flowRequest("/flow/lifecycle", body({}), "another-secret"))).status).toBe(401);
    expect((await answer(new Request("https://orchard.example.com/flow/lifecycle", { method: "POST", body: "{}" }))).status).toBe(400);
    expect((await answer(flowRequest("/flow/lifecycle", body({ flow_trigger_definition_id: "Add row to spreadsheet" })))).status).toBe(404);
    expect((await answer(flowRequest("/flow/lifecycle", body({ shopify_domain: "unknown-shop.myshopify.com" })))).status).toBe(404);
    expect((await answer(flowRequest("/flow/lifecycle", body({ has_enabled_flow: "yes" })))).status).toBe(400);
    // Older than the one that turned it on: ignored. The trigger's name is taken as its id too.
    expect((await answer(flowRequest("/flow/lifecycle", body({})))).status).toBe(200);
    expect((await answer(flowRequest("/flow/lifecycle", body({ flow_trigger_definition_id: "Subscription paused" })))).status).toBe(200);
    expect(
      await db().flowTriggerUse.findUnique({ where: { shop_handle: { shop: shop.domain, handle: "subscription-paused" } } }),
    ).toMatchObject({ enabled: true });
  });
});

describe("Flow actions", () => {
  it("pause, skip the next order, add a one-time product and discount the next order, each once per run", async () => {
    const { simulator } = testContext();
    const { shop, contract, stored, coffee } = await subscribed();
    const mug = [...shop.products.values()].find((p) => p.id !== coffee.id)!;
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, oneTimeProducts: [{ id: gid("Product", mug.id), title: "Mug" }] });
    const contractId = { "subscription contract id": stored.shopifyId };
    const next = (await findContract(shop.domain, stored.shopifyId))!.nextBillingAt!;

    expect(await simulator.runFlowAction(shop, "skip-next-order", contractId, "run-skip")).toEqual({ status: 200, body: {} });
    // Flow sends a run again when it had no answer in time: the first answer, and one order skipped.
    expect(await simulator.runFlowAction(shop, "skip-next-order", contractId, "run-skip")).toEqual({ status: 200, body: {} });
    await settle();
    const skipped = await db().billingAttempt.findMany({ where: { contractId: stored.id, status: "skipped" } });
    expect(skipped).toHaveLength(1);
    expect((await findContract(shop.domain, stored.shopifyId))!.nextBillingAt!.getTime()).toBe(next.getTime() + 14 * DAY);

    const variantId = gid("ProductVariant", mug.variants[0]!.id);
    expect(
      await simulator.runFlowAction(shop, "add-one-time-product", { ...contractId, "product variant id": variantId, quantity: 2 }),
    ).toEqual({ status: 200, body: {} });
    expect(contract.lines.find((line) => line.variantId === mug.variants[0]!.id)).toMatchObject({ quantity: 2 });
    expect(await simulator.runFlowAction(shop, "discount-next-order", { ...contractId, "percent off": 15 })).toEqual({
      status: 200,
      body: {},
    });
    expect(contract.discounts.map((d) => d.title)).toContain("15% off this order");

    expect(await simulator.runFlowAction(shop, "pause-subscription", { ...contractId, "pause months": 2 })).toEqual({
      status: 200,
      body: {},
    });
    await settle();
    expect(contract.status).toBe("PAUSED");
    // Paused: nothing more can be skipped, and Flow is told why in its own format.
    const refused = await simulator.runFlowAction(shop, "skip-next-order", contractId);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ message: expect.stringContaining("paused") });
  });

  it("refuse bad properties, another shop's contract and a forged request, each with Flow's message, and change nothing", async () => {
    const { simulator } = testContext();
    const { shop, contract, stored } = await subscribed();
    const other = await subscribed();
    const run = (handle: string, properties: Record<string, unknown>) => simulator.runFlowAction(shop, handle, properties);
    expect(await run("pause-subscription", { "subscription contract id": stored.shopifyId, "pause months": 13 })).toEqual({
      status: 400,
      body: { message: "pause months must be a whole number from 1 to 12" },
    });
    expect(await run("discount-next-order", { "subscription contract id": "42; DROP", "percent off": 10 })).toMatchObject({
      status: 400,
    });
    expect(
      await run("add-one-time-product", {
        "subscription contract id": stored.shopifyId,
        "product variant id": "gid://shopify/ProductVariant/1",
        quantity: 1,
      }),
    ).toMatchObject({
      status: 422,
    });
    expect(await run("skip-next-order", { "subscription contract id": other.stored.shopifyId })).toEqual({
      status: 404,
      body: { message: `No Orchard subscription ${other.stored.shopifyId} in this shop` },
    });
    const forged = flowRequest(
      "/flow/actions/skip-next-order",
      {
        shopify_domain: shop.domain,
        action_run_id: "forged",
        handle: "skip-next-order",
        properties: { "subscription contract id": stored.shopifyId },
      },
      "another-secret",
    );
    const { action } = await import("../../app/routes/flow.actions.$handle");
    expect(await action({ request: forged, params: { handle: "skip-next-order" }, context: {} }).catch((r: Response) => r.status)).toBe(
      401,
    );
    await settle();
    expect(contract.status).toBe("ACTIVE");
    expect(other.contract.status).toBe("ACTIVE");
    expect(await db().billingAttempt.count({ where: { contractId: { in: [stored.id, other.stored.id] }, status: "skipped" } })).toBe(0);
  });
});
