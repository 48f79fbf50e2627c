import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { insertBillingAttempts, moveNextBillingDates } from "../../app/subscriptions/billing-statements.server";
import { findContract } from "../../app/subscriptions/contracts.server";
import { processInbox } from "../../app/webhooks/inbox.server";
import { deliverEvents } from "../../app/events/event-outbox.server";
import { EVENT_SUBSCRIBERS } from "../../app/worker/worker.server";
import { gid } from "../../simulator/ids";
import { testContext, webhookRequest } from "../support/context";
import { PREPAID_QUARTERLY, shopWithSubscription, subscribeToPlan } from "../support/subscriptions";

async function contractWebhook(shop: string, contractId: number, topic = "subscription_contracts/create") {
  const request = webhookRequest({
    shop,
    topic,
    payload: { admin_graphql_api_id: gid("SubscriptionContract", contractId), id: contractId },
    webhookId: randomUUID(),
  });
  expect((await webhookAction({ request, params: {}, context: {} })).status).toBe(200);
  await processInbox();
}

describe("subscription contracts", () => {
  it("mirrors the contract a checkout created: lines, prices, policies, and the next billing date in the shop's time zone", async () => {
    const { shop, contract, email } = await shopWithSubscription(2);
    await contractWebhook(shop.domain, contract.id);

    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored).toMatchObject({
      status: "ACTIVE",
      customerEmail: email,
      billingInterval: "WEEK",
      billingIntervalCount: 2,
      firstBillingAt: contract.createdAt,
      nextBillingAt: new Date(contract.createdAt.getTime() + 14 * 86_400_000),
    });
    expect(stored!.lines).toMatchObject([
      { quantity: 2, unitPriceMinor: contract.lines[0]!.currentPriceMinor, sellingPlanName: "Every 2 weeks" },
    ]);
  });

  it("mirrors a prepaid contract at its whole term, as Shopify prices the line: the MRR is the monthly share", async () => {
    const { shop } = await shopWithSubscription();
    const { order, contract, unitPriceMinor: price } = await subscribeToPlan(shop, "prepaid@example.com", PREPAID_QUARTERLY);
    const term = Math.round((price * 9000) / 10_000) * 3;
    // As Shopify has it: the line's price is per billing, the whole term; its policy keeps the unit price.
    expect(order.lines[0]!.priceMinor).toBe(term);
    expect(contract.lines[0]).toMatchObject({
      currentPriceMinor: term,
      pricingPolicy: { basePriceMinor: price, cycleDiscounts: [{ afterCycle: 0, computedPriceMinor: term }] },
    });
    await contractWebhook(shop.domain, contract.id);
    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored).toMatchObject({ billingInterval: "MONTH", billingIntervalCount: 3, mrrMinor: term / 3 });
  });

  it("mirrors every line of a contract with more lines than one page holds", async () => {
    const { shop, contract } = await shopWithSubscription();
    const [first] = contract.lines;
    for (let extra = 1; extra <= 11; extra += 1) contract.lines.push({ ...first!, id: first!.id * 100 + extra });
    await contractWebhook(shop.domain, contract.id);
    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored!.lines).toHaveLength(12);
  });

  it("never lets an older revision overwrite a newer one", async () => {
    const { shop, contract } = await shopWithSubscription(2);
    contract.revisionId = 3;
    contract.lines[0]!.quantity = 4;
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");

    contract.revisionId = 2;
    contract.lines[0]!.quantity = 9;
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");

    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored).toMatchObject({ revisionId: "3" });
    expect(stored!.lines[0]!.quantity).toBe(4);
  });

  it("leaves the billing date where a worker scheduling the contract moved it while the mirror was being written", async () => {
    const { shop, contract } = await shopWithSubscription(2);
    await contractWebhook(shop.domain, contract.id);
    const before = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    const cycleOne = before.nextBillingAt!;
    const cycleTwo = new Date(cycleOne.getTime() + 14 * 86_400_000);

    // Another worker schedules cycle 1 and has not committed yet when the contract's update arrives.
    const { promise: written, resolve: writtenUncommitted } = Promise.withResolvers<void>();
    const { promise: committing, resolve: commit } = Promise.withResolvers<void>();
    const scheduling = db().$transaction(async (tx) => {
      await moveNextBillingDates(tx, [{ contractId: before.id, from: cycleOne, to: cycleTwo }]);
      await insertBillingAttempts(tx, [
        { shop: shop.domain, contractId: before.id, cycle: 1, cycleDate: cycleOne, sendAfter: cycleOne, idempotencyKey: "race:cycle:1" },
      ]);
      writtenUncommitted();
      await committing;
    });
    await written;
    contract.revisionId += 1;
    const readsBefore = testContext().simulator.graphql.served.get("ContractDetail") ?? 0;
    const mirroring = contractWebhook(shop.domain, contract.id, "subscription_contracts/update");
    // On PostgreSQL the mirror reads the contract from Shopify and then waits on the scheduler's row
    // lock. SQLite has one writer: the delivery's own inbox row waits for the scheduler's commit.
    if (testContext().database.provider === "postgresql") {
      await expect.poll(() => testContext().simulator.graphql.served.get("ContractDetail") ?? 0).toBeGreaterThan(readsBefore);
      await expect
        .poll(
          async () => (await db().$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_locks WHERE NOT granted`)[0]!.waiting,
        )
        .toBeGreaterThan(0n);
    }
    commit();
    await Promise.all([scheduling, mirroring]);

    const after = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    expect(after.revisionId).toBe(String(contract.revisionId));
    expect(after.nextBillingAt).toEqual(cycleTwo);
  });

  it("keeps each change of the contract's MRR once, for the retention dashboard", async () => {
    const { shop, contract } = await shopWithSubscription(2);
    const price = contract.lines[0]!.currentPriceMinor;
    // Every 2 weeks: 26 orders a year, 12 months: × 26 / 12, rounded half up.
    const mrrOf = (quantity: number) => Math.floor((price * quantity * 52 + 12) / 24);
    await contractWebhook(shop.domain, contract.id);
    contract.revisionId = 2;
    contract.lines[0]!.quantity = 4;
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");
    // The same revision again (a duplicate delivery) changes nothing.
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");
    contract.revisionId = 3;
    contract.status = "PAUSED";
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");
    // The mirror publishes each change; the dashboard's history takes it when the worker delivers it.
    expect(await db().mrrChange.count({ where: { shop: shop.domain } })).toBe(0);
    await deliverEvents(EVENT_SUBSCRIBERS);

    const history = await db().mrrChange.findMany({ where: { shop: shop.domain }, orderBy: { id: "asc" } });
    expect(history.map((c) => c.mrrMinor)).toEqual([mrrOf(2), mrrOf(4), 0]);
    expect(new Set(history.map((c) => c.contractId))).toEqual(new Set([gid("SubscriptionContract", contract.id)]));
    expect((await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!.mrrMinor).toBe(0);
  });
});
