import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { contractPayload } from "../../simulator/webhook-payloads";
import { adminFetchRequest, createShop, testContext } from "../support/context";
import { settle, shopWithSubscription } from "../support/subscriptions";

async function dashboard(shop: string, query = "") {
  return dashboardLoader({ request: adminFetchRequest(`/app${query}`, shop), params: {}, context: {} });
}

describe("the retention dashboard", () => {
  it("shows a shop without subscriptions its empty state, over the period it asked for", async () => {
    const { shop } = createShop();
    const { retention, months } = await dashboard(shop.domain, "?months=12");
    expect(months).toBe(12);
    expect(retention).toMatchObject({ hasHistory: false, movements: expect.any(Array) });
    expect(retention.movements).toHaveLength(12);
    // A period it does not offer falls back to six months.
    expect((await dashboard(shop.domain, "?months=7")).months).toBe(6);
  });

  it("counts a subscriber's MRR from the mirror, then their churn, this month", async () => {
    const { simulator } = testContext();
    const { shop, contract } = await shopWithSubscription(2);
    await settle();
    // Two bags every two weeks: 26 orders a year over 12 months.
    const mrr = Math.floor((contract.lines[0]!.currentPriceMinor * 2 * 26 * 2 + 12) / 24);
    let { retention } = await dashboard(shop.domain, "?months=3");
    expect(retention.summary).toMatchObject({ mrr, activeCustomers: 1, arpu: mrr });
    expect(retention.movements.at(-1)).toMatchObject({ newMrr: mrr, newCustomers: 1, endMrr: mrr });
    expect(retention.cohorts).toMatchObject([{ customers: 1, startMrr: mrr, months: [{ activeCustomers: 1, mrr }] }]);

    contract.status = "CANCELLED";
    contract.revisionId += 1;
    await simulator.webhooks.send(shop.domain, "subscription_contracts/update", contractPayload(contract));
    await settle();
    ({ retention } = await dashboard(shop.domain, "?months=3"));
    expect(retention.summary).toMatchObject({ mrr: 0, activeCustomers: 0, arpu: null });
    expect(retention.movements.at(-1)).toMatchObject({ newMrr: mrr, churned: -mrr, churnedCustomers: 1, netNew: 0 });
    expect(retention.cohorts[0]!.months[0]).toEqual({ activeCustomers: 0, mrr: 0 });
  });
});
