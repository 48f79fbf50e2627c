import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { PublishedEvent } from "../../app/events/domain-events";
import { combineSubscribers, deliverEvents, publishEvent, type EventSubscribers } from "../../app/events/event-outbox.server";
import { redactCustomer } from "../../app/privacy/customer-privacy.server";
import { EVENT_SUBSCRIBERS } from "../../app/worker/worker.server";

type MrrChanged = PublishedEvent<"subscription.mrrChanged">;

const payload = (contractId: string) => ({ contractId, at: "2026-12-04T10:00:00.000Z", mrrMinor: 1500, currencyCode: "USD" });

async function publish(shop: string, contractIds: string[]): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const contractId of contractIds)
      await publishEvent(tx, "subscription.mrrChanged", { shop, customerId: `customer-of-${contractId}`, payload: payload(contractId) });
  });
}

/** A subscriber that notes each event it hears and writes a row in the delivery's transaction. */
function recorder(heard: MrrChanged[]): EventSubscribers {
  return {
    "subscription.mrrChanged": [
      async (tx, event) => {
        heard.push(event);
        await tx.reminderOptOut.create({ data: { shop: event.shop, customerId: event.customerId! } });
      },
    ],
  };
}

const pendingOf = (shop: string) => db().domainEvent.findMany({ where: { shop } });

describe("domain events", () => {
  it("are never delivered when the change that published them rolled back", async () => {
    const shop = "rolled-back.myshopify.com";
    await expect(
      db().$transaction(async (tx) => {
        await publishEvent(tx, "subscription.mrrChanged", { shop, customerId: "c1", payload: payload("k1") });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await pendingOf(shop)).toEqual([]);
  });

  it("reach every subscriber once, with the customer beside the payload, and are gone after", async () => {
    const shop = "delivered.myshopify.com";
    const first: MrrChanged[] = [];
    const second: MrrChanged[] = [];
    const subscribers = combineSubscribers(recorder(first), {
      "subscription.mrrChanged": [async (_tx, event) => void second.push(event)],
    });
    await publish(shop, ["k1"]);
    while ((await deliverEvents(subscribers)) > 0);
    expect(first).toEqual([
      {
        id: expect.any(String),
        publishedAt: expect.any(Date),
        shop,
        customerId: "customer-of-k1",
        customerEmail: null,
        payload: payload("k1"),
      },
    ]);
    expect(second).toEqual(first);
    expect(await pendingOf(shop)).toEqual([]);
    expect(await deliverEvents(subscribers)).toBe(0);
    expect(first).toHaveLength(1);
  });

  it("roll back a delivery one subscriber failed, keep the event to try again, and set it aside after five tries", async () => {
    const shop = "failing.myshopify.com";
    const heard: MrrChanged[] = [];
    const subscribers = combineSubscribers(recorder(heard), {
      "subscription.mrrChanged": [
        async () => {
          throw new Error("figures unavailable");
        },
      ],
    });
    await publish(shop, ["k1"]);
    await deliverEvents(subscribers);
    // The first subscriber ran, and its row went with the failed delivery.
    expect(heard).toHaveLength(1);
    expect(await db().reminderOptOut.count({ where: { shop } })).toBe(0);
    expect(await pendingOf(shop)).toMatchObject([{ status: "pending", attempts: 1, lastError: "figures unavailable" }]);
    for (let attempt = 2; attempt <= 5; attempt += 1) await deliverEvents(subscribers);
    expect(await pendingOf(shop)).toMatchObject([{ status: "failed", attempts: 5 }]);
    await deliverEvents(subscribers);
    expect(heard).toHaveLength(5);
  });

  it("are each delivered once while two workers deliver at the same time", async () => {
    const shop = "two-workers.myshopify.com";
    const heard: MrrChanged[] = [];
    const contracts = Array.from({ length: 40 }, (_, i) => `k${i}`);
    await publish(shop, contracts);
    const subscribers = recorder(heard);
    const worker = async () => {
      let delivered = 0;
      for (let n = 1; n > 0; delivered += n) n = await deliverEvents(subscribers, 15);
      return delivered;
    };
    const [one, two] = await Promise.all([worker(), worker()]);
    expect(one + two).toBe(contracts.length);
    expect(heard.map((event) => event.payload.contractId).sort()).toEqual([...contracts].sort());
    expect(await db().reminderOptOut.count({ where: { shop } })).toBe(contracts.length);
    expect(await pendingOf(shop)).toEqual([]);
  });
});

describe("customers/redact", () => {
  it("replaces the customer in events not delivered yet, so the dashboard's history gets the anonymous id", async () => {
    const shop = "redacted.myshopify.com";
    const customerId = "gid://shopify/Customer/12";
    await db().$transaction((tx) => publishEvent(tx, "subscription.mrrChanged", { shop, customerId, payload: payload("k1") }));
    await redactCustomer(shop, { customerId, email: null });
    while ((await deliverEvents(EVENT_SUBSCRIBERS)) > 0);
    const history = await db().mrrChange.findMany({ where: { shop } });
    expect(history).toHaveLength(1);
    expect(history[0]!.customerId).toMatch(/^redacted:/);
  });
});
