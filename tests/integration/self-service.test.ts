import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { loader as listLoader } from "../../app/routes/proxy.subscriptions._index";
import { action as changeAction } from "../../app/routes/proxy.subscriptions.$id";
import { action as cancelAction, loader as cancelLoader } from "../../app/routes/proxy.subscriptions.$id_.cancel";
import { formToken } from "../../app/self-service/self-service.server";
import { findContract } from "../../app/subscriptions/contracts.server";
import { gid } from "../../simulator/ids";
import { proxiedRequest, TEST_API_SECRET } from "../support/context";
import { settle, shopWithSubscription } from "../support/subscriptions";

const restores: (() => void)[] = [];
afterEach(() => {
  while (restores.length) restores.pop()!();
});

const respond = async (run: () => Promise<Response>) => run().catch((thrown: unknown) => thrown as Response);

/** GIVEN a customer with a subscription Orchard mirrors, and the token the page gives them. */
async function customerWithSubscription() {
  const given = await shopWithSubscription();
  restores.push(replaceClock(new FixedClock(new Date())));
  await settle();
  const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
  const customerId = given.contract.customerId;
  const page = await (
    await listLoader({ request: proxiedRequest("/subscriptions", given.shop.domain, customerId), params: {}, context: {} })
  ).text();
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { ...given, stored, customerId, page, token };
}

describe("the storefront's subscriptions page (app proxy)", () => {
  it("refuses a request not signed by Shopify", async () => {
    const { shop, customerId } = await customerWithSubscription();
    const response = await respond(() =>
      listLoader({ request: proxiedRequest("/subscriptions", shop.domain, customerId, { secret: "forged" }), params: {}, context: {} }),
    );
    expect(response.status).toBe(400);
  });

  it("asks a visitor who is not logged in to log in, and shows nobody's subscriptions", async () => {
    const { shop } = await customerWithSubscription();
    const response = await listLoader({ request: proxiedRequest("/subscriptions", shop.domain, null), params: {}, context: {} });
    expect(response.headers.get("content-type")).toContain("application/liquid");
    const body = await response.text();
    expect(body).toContain("Log in to see and manage your subscriptions.");
    expect(body).not.toContain("House Blend");
  });

  it("shows the customer their subscription with the actions its state allows, as Liquid-safe HTML", async () => {
    const { page } = await customerWithSubscription();
    expect(page).toContain("Every 2 weeks");
    expect(page).toContain("House Blend");
    for (const button of ["Skip next order", "Pause", "Change date", "Change frequency", "Add to next order"])
      expect(page).toContain(`>${button}</button>`);
    expect(page).toContain('href="/apps/orchard/subscriptions/');
    expect(page).not.toMatch(/\{\{|\{%/);
  });

  it("lets the customer skip their next order", async () => {
    const { shop, stored, customerId, token } = await customerWithSubscription();
    const response = await respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${stored.id}`, shop.domain, customerId, {
          method: "POST",
          form: { token, action: "skip" },
        }),
        params: { id: stored.id },
        context: {},
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/apps/orchard/subscriptions?done=skip");
    expect(await db().billingAttempt.findMany({ where: { contractId: stored.id } })).toMatchObject([
      { cycle: 1, status: "skipped", skipReason: "customer_skip" },
    ]);
    // They skipped it themselves: no email telling them so.
    expect(await db().emailMessage.count({ where: { contractId: stored.id, kind: "orderSkipped" } })).toBe(0);
  });

  it("refuses a post without the page's token, as from another site, and changes nothing", async () => {
    const { shop, contract, stored, customerId } = await customerWithSubscription();
    const response = await respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${stored.id}`, shop.domain, customerId, {
          method: "POST",
          form: { token: "guess", action: "pause" },
        }),
        params: { id: stored.id },
        context: {},
      }),
    );
    expect(response.headers.get("location")).toBe("/apps/orchard/subscriptions?error=expired");
    expect(contract.status).toBe("ACTIVE");
  });

  it("refuses a token made with the app's secret itself: the page's tokens have a key of their own", async () => {
    const { shop, contract, stored, customerId } = await customerWithSubscription();
    const day = new Date().toISOString().slice(0, 10);
    const withAppSecret = createHmac("sha256", TEST_API_SECRET)
      .update(`portal:${shop.domain}:${gid("Customer", customerId)}:${day}`)
      .digest("base64url");
    const response = await respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${stored.id}`, shop.domain, customerId, {
          method: "POST",
          form: { token: withAppSecret, action: "pause" },
        }),
        params: { id: stored.id },
        context: {},
      }),
    );
    expect(response.headers.get("location")).toBe("/apps/orchard/subscriptions?error=expired");
    expect(contract.status).toBe("ACTIVE");
  });

  it("does not let one customer touch another's subscription", async () => {
    const first = await customerWithSubscription();
    const second = await customerWithSubscription();
    // The second customer, logged in to the first one's shop: their page there lists nothing, and a
    // form token valid for them there does not open the first customer's subscription.
    const theirPage = await (
      await listLoader({ request: proxiedRequest("/subscriptions", first.shop.domain, second.customerId), params: {}, context: {} })
    ).text();
    expect(theirPage).toContain("You have no active subscriptions.");
    const token = formToken({ shop: first.shop.domain, customerId: gid("Customer", second.customerId) });
    const response = await respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${first.stored.id}`, first.shop.domain, second.customerId, {
          method: "POST",
          form: { token, action: "pause" },
        }),
        params: { id: first.stored.id },
        context: {},
      }),
    );
    expect([response.status, response.headers.get("location")]).toEqual([404, null]);
    expect(first.contract.status).toBe("ACTIVE");
    const other = await respond(() =>
      cancelLoader({
        request: proxiedRequest(`/subscriptions/${first.stored.id}/cancel`, first.shop.domain, second.customerId),
        params: { id: first.stored.id },
        context: {},
      }),
    );
    expect(other.status).toBe(404);
  });
});

describe("cancelling from the storefront", () => {
  it("names the plan escaped once: what the merchant wrote, never markup, never entities shown", async () => {
    const { shop, stored, customerId } = await customerWithSubscription();
    await db().subscriptionLine.updateMany({ where: { contractId: stored.id }, data: { sellingPlanName: "Coffee & Tea <b>weekly</b>" } });
    const page = await (
      await cancelLoader({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId),
        params: { id: stored.id },
        context: {},
      })
    ).text();
    expect(page).toContain("Coffee &#38; Tea &#60;b&#62;weekly&#60;/b&#62;");
    expect(page).not.toContain("&#38;#38;");
    expect(page).not.toContain("<b>weekly");
  });

  it("asks why, offers what fits, and a customer who takes the pause stays subscribed", async () => {
    const { shop, contract, stored, customerId, token } = await customerWithSubscription();
    const reasonPage = await (
      await cancelLoader({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId),
        params: { id: stored.id },
        context: {},
      })
    ).text();
    expect(reasonPage).toContain("Why do you want to cancel?");

    const offers = await cancelAction({
      request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId, {
        method: "POST",
        form: { token, step: "reason", reason: "going_away", reasonText: "Travelling" },
      }),
      params: { id: stored.id },
      context: {},
    });
    const offersPage = await offers.text();
    expect(offersPage).toContain("Pause for 2 month(s) instead");
    expect(offersPage).toContain("Skip my next order instead");
    expect(offersPage).toContain("No thanks, cancel my subscription");

    const accepted = await respond(() =>
      cancelAction({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId, {
          method: "POST",
          form: { token, step: "accept", offer: "pause", reason: "going_away", reasonText: "Travelling" },
        }),
        params: { id: stored.id },
        context: {},
      }),
    );
    expect(accepted.headers.get("location")).toBe("/apps/orchard/subscriptions?done=pause");
    expect(contract.status).toBe("PAUSED");
    const paused = (await findContract(shop.domain, stored.shopifyId))!;
    expect(paused.resumeAt).not.toBeNull();
    const events = await db().retentionEvent.findMany({
      where: { contractId: stored.id },
      orderBy: [{ createdAt: "asc" }, { outcome: "asc" }],
    });
    // One record per offer shown: the pause taken, the skip left as offered.
    expect(events.map((e) => [e.offer, e.outcome]).sort()).toEqual([
      ["pause", "accepted"],
      ["skip", "offered"],
    ]);
    expect(events.every((e) => e.reason === "going_away" && e.source === "customer")).toBe(true);
  });

  it("cancels when every offer is declined, and records why", async () => {
    const { shop, contract, stored, customerId, token } = await customerWithSubscription();
    const form = { token, reason: "too_expensive", reasonText: "" };
    await cancelAction({
      request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId, {
        method: "POST",
        form: { ...form, step: "reason" },
      }),
      params: { id: stored.id },
      context: {},
    });
    const declined = await respond(() =>
      cancelAction({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, customerId, {
          method: "POST",
          form: { ...form, step: "decline" },
        }),
        params: { id: stored.id },
        context: {},
      }),
    );
    expect(declined.headers.get("location")).toBe("/apps/orchard/subscriptions?done=cancel");
    expect(contract.status).toBe("CANCELLED");
    const outcomes = (await db().retentionEvent.findMany({ where: { contractId: stored.id } })).map((e) => e.outcome).sort();
    expect(outcomes).toEqual(["cancelled", "declined", "declined", "declined"]);
  });
});
