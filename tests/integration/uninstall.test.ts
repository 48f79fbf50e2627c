import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { DATA_KEPT_AFTER_UNINSTALL_MS } from "../../app/shops/shops.server";
import { runRound } from "../../app/worker/worker.server";
import { adminFetchRequest, testContext } from "../support/context";
import { shopRowCounts } from "../support/shop-rows";
import { settle, shopWithSubscription } from "../support/subscriptions";

const restores: (() => void)[] = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
});

const mailTo = (address: string) => testContext().simulator.mailbox.to(address);

/** A subscriber whose shop uninstalls Orchard while their welcome email waits and their next charge comes due. */
async function uninstalledWithWorkWaiting() {
  const { simulator } = testContext();
  const given = await shopWithSubscription();
  await simulator.webhooks.send(given.shop.domain, "app/uninstalled", { domain: given.shop.domain });
  await settle();
  await db().subscriptionContract.updateMany({
    where: { shop: given.shop.domain },
    data: { nextBillingAt: new Date(Date.now() - 60_000) },
  });
  await runRound();
  return given;
}

/** The shop's tables that hold rows, with how many. */
async function rowsOf(shop: string): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await shopRowCounts(shop)).filter(([, count]) => count > 0));
}

describe("app/uninstalled", () => {
  it("stops the shop's charges and emails from the next round, and a re-install takes them up again", async () => {
    const { shop, email } = await uninstalledWithWorkWaiting();
    expect(mailTo(email)).toEqual([]);
    expect(await db().emailMessage.count({ where: { shop: shop.domain, status: "pending" } })).toBe(1);
    expect(await db().billingAttempt.count({ where: { shop: shop.domain } })).toBe(0);
    expect(shop.billingAttempts.size).toBe(0);

    // The merchant comes back within the 48 hours: Orchard is authorized again, and the work goes on.
    await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    await settle();
    expect(mailTo(email)).toHaveLength(1);
    expect(shop.billingAttempts.size).toBe(1);
  });

  it("removes the shop's data once Shopify's 48 hours have passed, even without shop/redact", async () => {
    const { shop } = await uninstalledWithWorkWaiting();
    const other = await shopWithSubscription();
    await settle();
    const othersBefore = await rowsOf(other.shop.domain);
    expect(Object.keys(await rowsOf(shop.domain))).toContain("subscriptionContract");

    restores.push(replaceClock(new FixedClock(new Date(Date.now() + DATA_KEPT_AFTER_UNINSTALL_MS - 60_000))));
    await runRound();
    expect(Object.keys(await rowsOf(shop.domain))).toContain("subscriptionContract");

    restores.push(replaceClock(new FixedClock(new Date(Date.now() + DATA_KEPT_AFTER_UNINSTALL_MS + 60_000))));
    await runRound();
    expect(await rowsOf(shop.domain)).toEqual({});
    expect(await db().shop.count({ where: { domain: shop.domain } })).toBe(0);
    expect(await rowsOf(other.shop.domain)).toEqual(othersBefore);
  });
});
