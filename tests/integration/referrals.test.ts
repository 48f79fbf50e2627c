import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { action as referralsAction, loader as referralsLoader } from "../../app/routes/app.referrals";
import { loader as whatIfLoader } from "../../app/routes/app.retention.what-if";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { findContract, syncContract } from "../../app/subscriptions/contracts.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { orderPayload } from "../../simulator/webhook-payloads";
import type { ShopRecord } from "../../simulator/store";
import { acceptGrowthPlan } from "../support/app-plan";
import { adminFetchRequest, testContext, postForm } from "../support/context";
import { settle, shopWithSubscription } from "../support/subscriptions";

const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

const PROGRAM = { enabled: "on", renewalsBeforeInvite: "1", friendDiscount: "20", credit: "5.00", maxCreditsPerRenewal: "1" };

/** The subscriber's next renewal, charged: Orchard's clock and the store's moved past its date, and the worker run. */
async function renew(shop: ShopRecord, contractId: number) {
  const { simulator } = testContext();
  const stored = await findContract(shop.domain, gid("SubscriptionContract", contractId));
  const due = new Date(stored!.nextBillingAt!.getTime() + 60_000);
  simulator.clock.advance(Math.max(0, due.getTime() - simulator.clock.now().getTime()));
  clockRestores.push(replaceClock(new FixedClock(due)));
  await settle();
  return [...shop.orders.values()].at(-1)!;
}

const orderDiscount = (order: { lines: { discountMinor?: number }[] }) =>
  order.lines.reduce((sum, line) => sum + (line.discountMinor ?? 0), 0);

describe("referrals from happy subscribers", () => {
  it("refuse a program outside its bounds, each field with its message, and save nothing", async () => {
    const { shop } = await shopWithSubscription();
    expect(
      await postForm(referralsAction, "/app/referrals", shop.domain, {
        ...PROGRAM,
        renewalsBeforeInvite: "0",
        friendDiscount: "150",
        credit: "-5",
        maxCreditsPerRenewal: "99",
      }),
    ).toMatchObject({
      errors: {
        renewalsBeforeInvite: "renewalsInvalid",
        friendDiscount: "discountInvalid",
        credit: "creditInvalid",
        maxCreditsPerRenewal: "capInvalid",
      },
    });
    expect(await db().referralProgram.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("invite after a paid renewal; a friend's subscription is discounted and credits the referrer's renewals one at a time, never their own use", async () => {
    const { simulator } = testContext();
    const { shop, contract, coffee, sellingPlanIds, email } = await shopWithSubscription();
    await syncContract(await backgroundAdmin(shop.domain), gid("SubscriptionContract", contract.id));
    expect(await postForm(referralsAction, "/app/referrals", shop.domain, PROGRAM)).toEqual({ redirect: "/app/referrals?saved=1" });

    await renew(shop, contract.id);
    const [code] = await db().referralCode.findMany({ where: { shop: shop.domain } });
    expect(code).toMatchObject({ status: "issued" });
    const discount = [...shop.codeDiscounts.values()].find((d) => d.code === code!.code)!;
    expect(discount).toMatchObject({
      percentageBasisPoints: 2_000,
      appliesOnSubscription: true,
      appliesOnOneTimePurchase: false,
      appliesOncePerCustomer: true,
    });
    const [invite, ...more] = simulator.mailbox.to(email).filter((m) => m.subject.startsWith("Share"));
    expect(more).toEqual([]);
    expect(invite!.text).toContain(`/discount/${code!.code}?redirect=/`);
    expect(invite!.text).toContain("20 % off their first order");

    // Two friends subscribe with the code: each first order 20 % off; each earns the referrer a credit.
    const price = coffee.variants[0]!.priceMinor;
    const friends = [];
    for (const friend of ["first-friend", "second-friend"]) {
      const { order } = await completeCheckout(simulator, shop, {
        email: `${friend}@example.com`,
        discountCodes: [code!.code],
        lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
      });
      friends.push(order);
      await settle();
    }
    expect(orderDiscount(friends[0]!)).toBe(Math.floor((friends[0]!.lines[0]!.priceMinor * 2_000 + 5_000) / 10_000));
    // Shopify redelivers the first friend's order: nothing counts twice.
    await simulator.webhooks.send(shop.domain, "orders/paid", orderPayload(shop, friends[0]!));
    await settle();

    // The referrer uses their own code: Shopify takes it, Orchard credits nothing.
    await completeCheckout(simulator, shop, {
      email,
      discountCodes: [code!.code],
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
    });
    await settle();
    const referrals = await db().referral.findMany({
      where: { shop: shop.domain },
      orderBy: { orderedAt: "asc" },
      include: { credit: true },
    });
    expect(referrals.map((r) => [r.outcome, r.credit?.status ?? null])).toEqual([
      ["converted", "applied"],
      ["converted", "pending"],
      ["selfReferral", null],
    ]);

    const page = await referralsLoader({ request: adminFetchRequest("/app/referrals", shop.domain), params: {}, context: {} });
    expect(page.figures).toMatchObject({
      invited: 1,
      referrals: 2,
      converted: 2,
      revenueMinor: friends.reduce((sum, o) => sum + o.lines[0]!.priceMinor - orderDiscount(o), 0),
    });
    // Of the subscriptions started in the last 30 days (the referrer's, two friends', the referrer's
    // second), the friends' two, at the same MRR each, are half the new MRR.
    expect(page.figures.newMrrShare).toBe(0.5);
    // The dashboard shows the same figures for its period (this month and the two before).
    const dashboard = await dashboardLoader({ request: adminFetchRequest("/app?months=3", shop.domain), params: {}, context: {} });
    expect(dashboard.retention.referrals?.now).toMatchObject({ invited: 1, converted: 2, newMrrShare: 0.5 });

    // What-if: a $10.00 credit instead of $5.00, response 1, brings twice the friends (2 → 4 over
    // the 3 months of history) at twice the credit each. Nobody left: no churn.
    await acceptGrowthPlan(shop.domain);
    const whatIf = await whatIfLoader({
      request: adminFetchRequest("/app/retention/what-if?referralCredit=10.00&referralElasticity=1", shop.domain),
      params: {},
      context: {},
    });
    if (whatIf.locked) throw new Error("what-if pricing is locked for this shop");
    const referred = page.figures.referredNewMrrMinor;
    const third = (minor: number) => Math.floor((minor * 2 + 3) / 6);
    expect(whatIf.referrals.history).toMatchObject({ converted: 2, referredNewMrrMinor: referred, creditMinor: 500 });
    expect(whatIf.referrals.projection![0]).toEqual({
      month: 1,
      baselineMinor: third(referred) - third(2 * 500),
      projectedMinor: third(2 * referred) - third(4 * 1_000),
    });

    // The cap is one credit a renewal: the next renewal takes $5.00 off, the one after the other $5.00.
    const second = await renew(shop, contract.id);
    expect(orderDiscount(second)).toBe(500);
    expect(
      (await db().referralCredit.findMany({ where: { shop: shop.domain }, orderBy: { createdAt: "asc" } })).map((c) => c.status),
    ).toEqual(["used", "applied"]);
    expect(orderDiscount(await renew(shop, contract.id))).toBe(500);
    // Then nothing more: no credit is charged twice.
    expect(orderDiscount(await renew(shop, contract.id))).toBe(0);
    expect((await db().referralCredit.findMany({ where: { shop: shop.domain } })).every((c) => c.status === "used")).toBe(true);
    expect(price).toBeGreaterThan(500);
  });
});
