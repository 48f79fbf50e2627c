import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { loader as listLoader } from "../../app/routes/proxy.subscriptions._index";
import { action as changeAction } from "../../app/routes/proxy.subscriptions.$id";
import { action as signInAction } from "../../app/routes/proxy.subscriptions.sign-in";
import { action as cancelAction, loader as cancelLoader } from "../../app/routes/proxy.subscriptions.$id_.cancel";
import { formToken } from "../../app/self-service/self-service.server";
import { findContract } from "../../app/subscriptions/contracts.server";
import { saveEmailTemplate, saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { gid } from "../../simulator/ids";
import { proxiedRequest, TEST_API_SECRET, testContext } from "../support/context";
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
    for (const button of ["Skip", "Pause", "Change date", "Change frequency", "Add to next order"])
      expect(page).toContain(`>${button}</button>`);
    // Six orders to come, each with its own skip named by its date for screen readers.
    expect(page.match(/aria-label="Skip the order of [^"]+"/g)).toHaveLength(6);
    expect(page).toContain('href="/apps/orchard/subscriptions/');
    expect(page).not.toMatch(/\{\{|\{%/);
  });

  it("lets the customer skip their next order, confirmed in the merchant's words", async () => {
    const { shop, stored, customerId, token, email } = await customerWithSubscription();
    await saveEmailTemplate(shop.domain, "orderSkipped", "en", { subject: "{name}, we'll skip it at {shop}", body: "Next one: {date}." });
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
    // Confirmed by email, with the order that now comes next.
    expect(await db().emailMessage.count({ where: { contractId: stored.id, kind: "orderSkipped" } })).toBe(1);
    await settle();
    const received = testContext()
      .simulator.mailbox.to(email)
      .find((m) => m.subject.includes("we'll skip it"))!;
    expect(received.subject).toBe(`${stored.customerName ?? "there"}, we'll skip it at ${shop.name}`);
    expect(received.text).toMatch(/Next one: \w+ \d+, \d{4}\./);
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
    expect(offersPage).toContain("Pause for 2 months instead");
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
    // The pause kept the subscription's MRR as it was before the pause, for the dashboard's "MRR kept".
    expect(stored.mrrMinor).toBeGreaterThan(0);
    expect(events.find((e) => e.outcome === "accepted")!.mrrKeptMinor).toBe(stored.mrrMinor);
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

describe("what the customer sees of their subscription, and what they change themselves", () => {
  const post = (given: Awaited<ReturnType<typeof customerWithSubscription>>, form: Record<string, string>) =>
    respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${given.stored.id}`, given.shop.domain, given.customerId, {
          method: "POST",
          form: { token: given.token, ...form },
        }),
        params: { id: given.stored.id },
        context: {},
      }),
    );
  const pageOf = async (given: Awaited<ReturnType<typeof customerWithSubscription>>) =>
    (await listLoader({ request: proxiedRequest("/subscriptions", given.shop.domain, given.customerId), params: {}, context: {} })).text();

  it("confirms each change by email: what changed, the items now and the next order with its amount", async () => {
    const given = await customerWithSubscription();
    const line = (await db().subscriptionLine.findFirstOrThrow({ where: { contractId: given.stored.id } })).id;
    expect((await post(given, { action: "changeQuantity", lineId: line, quantity: "3" })).headers.get("location")).toContain("done=");
    const cycle = /name="cycle" value="(\d+)"/g;
    const later = [...given.page.matchAll(cycle)][2]![1]!;
    expect((await post(given, { action: "skip", cycle: later })).headers.get("location")).toContain("done=skip");
    await settle();
    // The store's clock stands still here: both were written at the same instant, in no order.
    const emails = await db().emailMessage.findMany({ where: { contractId: given.stored.id, kind: "changed" } });
    const data = emails.map((m) => JSON.parse(m.data) as { change: string; items: unknown; nextOrder: { amountMinor: number } });
    expect(data.map((d) => d.change).sort()).toEqual(["changeQuantity", "skipAhead"]);
    // Three bags at the plan's 10 % off 16.00.
    expect(data.find((d) => d.change === "changeQuantity")).toMatchObject({
      items: [{ quantity: 3 }],
      nextOrder: { amountMinor: 4_320, currencyCode: "USD" },
    });
    expect(emails.every((m) => m.status === "sent")).toBe(true);
    // From the shop's name; an answer goes to the shop's own contact address, not to Orchard.
    const received = testContext()
      .simulator.mailbox.to(given.email)
      .find((m) => m.subject.includes("is updated"))!;
    expect(received.from).toContain(given.shop.name);
    expect(received.headers["reply-to"]).toContain(given.shop.contactEmail);
    // A refused change is not confirmed.
    await post(given, { action: "skip", cycle: later });
    expect(await db().emailMessage.count({ where: { contractId: given.stored.id, kind: "changed" } })).toBe(2);
  });

  it("shows the next order's amount, where it ships, the card that pays and the orders so far", async () => {
    const given = await customerWithSubscription();
    const { shop, contract } = given;
    // The plan's 10 % off a 16.00 bag.
    expect(given.page).toMatch(/Next order: [^<]+ · \$14\.40/);
    expect(given.page).toContain("Ada Shopper<br>150 Elgin Street<br>K2P 1L4 Ottawa ON<br>Canada");
    expect(given.page).toContain("Visa ending in 4242, expires 12/2034");

    // Two weeks on, the renewal is charged; it is listed with what it came to.
    restores.push(replaceClock(new FixedClock(new Date(contract.nextBillingDate.getTime() + 3_600_000))));
    await settle();
    const page = await pageOf(given);
    expect(page).toMatch(/<tr><td>[^<]+<\/td><td>Paid<\/td><td>\$14\.40<\/td><\/tr>/);
    expect(shop.orders.size).toBe(2);
  });

  it("changes the delivery address in Shopify, and refuses an incomplete one field by field with nothing changed", async () => {
    const given = await customerWithSubscription();
    const { contract, stored } = given;
    const refused = await post(given, {
      action: "updateAddress",
      lastName: "",
      address1: "12 Rue de la Paix",
      city: "",
      zip: "75002",
      countryCode: "XX",
    });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    for (const message of ["Enter a last name.", "Enter a city.", "Choose a country or region."]) expect(page).toContain(message);
    // The customer's typing is kept, and the form is open on it.
    expect(page).toContain('value="12 Rue de la Paix"');
    expect(page).toContain("<details open>");
    expect(contract.deliveryAddress.city).toBe("Ottawa");

    const done = await post(given, {
      action: "updateAddress",
      firstName: "Ada",
      lastName: "Lovelace",
      address1: "12 Rue de la Paix",
      city: "Paris",
      zip: "75002",
      countryCode: "FR",
    });
    expect(done.headers.get("location")).toBe("/apps/orchard/subscriptions?done=updateAddress");
    expect(contract.deliveryAddress).toMatchObject({
      lastName: "Lovelace",
      address1: "12 Rue de la Paix",
      city: "Paris",
      countryCode: "FR",
      province: "",
    });
    const mirrored = await db().subscriptionContract.findUniqueOrThrow({ where: { id: stored.id } });
    expect(JSON.parse(mirrored.deliveryAddress!)).toMatchObject({ city: "Paris", countryCode: "FR" });
    expect(await pageOf(given)).toContain("Ada Lovelace<br>12 Rue de la Paix<br>75002 Paris<br>France");
  });

  it("has Shopify email the customer a link to update their card", async () => {
    const given = await customerWithSubscription();
    const response = await post(given, { action: "sendPaymentUpdate" });
    expect(response.headers.get("location")).toBe("/apps/orchard/subscriptions?done=sendPaymentUpdate");
    expect(given.shop.paymentUpdateEmails).toMatchObject([
      { paymentMethodId: given.contract.paymentMethodId, customerId: given.customerId },
    ]);
  });

  it("pauses for a number of orders and says when the next one comes; refuses a past day and two lengths at once", async () => {
    const given = await customerWithSubscription();
    const { contract, stored } = given;
    expect((await post(given, { action: "pause", until: "2020-01-01" })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?error=invalidDate",
    );
    for (const refused of [{ orders: "2", until: "2099-01-01" }, { orders: "7" }] as Record<string, string>[])
      expect((await post(given, { action: "pause", ...refused })).headers.get("location")).toBe(
        "/apps/orchard/subscriptions?error=invalidInput",
      );
    expect(contract.status).toBe("ACTIVE");

    const response = await post(given, { action: "pause", orders: "2" });
    expect(response.headers.get("location")).toBe("/apps/orchard/subscriptions?done=pause");
    await settle();
    expect(contract.status).toBe("PAUSED");
    // Every two weeks: the orders in two and four weeks are left out, the one in six weeks comes.
    const sixWeeks = new Date(stored.nextBillingAt!.getTime() + 28 * 86_400_000);
    const expected = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(sixWeeks);
    expect(await pageOf(given)).toContain(`Paused. Your next order will be on ${expected}.`);
  });

  it("restarts a cancelled subscription as a new contract on its terms, once, and bills its first order on the chosen day", async () => {
    const given = await customerWithSubscription();
    const { shop, contract, stored } = given;
    const cancel = (step: string) =>
      cancelAction({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, given.customerId, {
          method: "POST",
          form: { token: given.token, reason: "going_away", reasonText: "", step },
        }),
        params: { id: stored.id },
        context: {},
      }).catch((thrown: unknown) => thrown);
    await cancel("reason");
    await cancel("decline");
    await settle();
    expect(contract.status).toBe("CANCELLED");
    const listed = await pageOf(given);
    expect(listed).toMatch(/Cancelled on [^<]+\. Restart it and each order is \$14\.40/);
    expect(listed).toContain(">Restart subscription</button>");

    // A day in the past is refused and nothing is made.
    expect((await post(given, { action: "reactivate", date: "2020-01-01" })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?error=invalidDate",
    );
    expect(shop.contracts.size).toBe(1);

    const firstOrder = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const restarted = await post(given, { action: "reactivate", date: firstOrder });
    expect(restarted.headers.get("location")).toBe("/apps/orchard/subscriptions?done=reactivate");
    // The second click of a double click finds it restarted already.
    expect((await post(given, { action: "reactivate", date: firstOrder })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?error=notAllowed",
    );
    await settle();
    const fresh = [...shop.contracts.values()].find((c) => c.id !== contract.id)!;
    expect(shop.contracts.size).toBe(2);
    expect(fresh).toMatchObject({
      status: "ACTIVE",
      originOrderId: null,
      customerId: contract.customerId,
      paymentMethodId: contract.paymentMethodId,
      deliveryAddress: contract.deliveryAddress,
      billingPolicy: { interval: "WEEK", intervalCount: 2, minCycles: null, maxCycles: null },
    });
    expect(fresh.lines.map((l) => [l.variantId, l.quantity, l.currentPriceMinor])).toEqual(
      contract.lines.map((l) => [l.variantId, l.quantity, l.currentPriceMinor]),
    );
    const mirrored = (await findContract(shop.domain, gid("SubscriptionContract", fresh.id)))!;
    expect(mirrored.nextBillingAt!.toISOString().slice(0, 10)).toBe(firstOrder);
    expect(fresh.nextBillingDate.toISOString()).toBe(mirrored.nextBillingAt!.toISOString());
    // The new contract names the one it continues, so the customer is welcomed back rather than
    // thanked for a new subscription; and the orders it bills say so to the merchant.
    expect(fresh.customAttributes).toEqual([{ key: "_orchard_restarted_from", value: gid("SubscriptionContract", contract.id) }]);
    expect(await db().emailMessage.findMany({ where: { contractId: mirrored.id }, select: { kind: true } })).toEqual([
      { kind: "reactivated" },
    ]);
    const page = await pageOf(given);
    expect(page).not.toContain("Cancelled on");
    expect(page).toMatch(/Next order: [^<]+ · \$14\.40/);

    // The first order is charged on that day, once, at the price of the old one's last.
    restores.push(replaceClock(new FixedClock(new Date(mirrored.nextBillingAt!.getTime() + 3_600_000))));
    await settle();
    const renewals = [...shop.orders.values()].filter((o) => o.id !== [...shop.orders.values()][0]!.id);
    expect(renewals.map((o) => o.lines.map((l) => l.priceMinor * l.quantity))).toEqual([[1440]]);
    expect(renewals[0]!.noteAttributes).toEqual([{ name: "_orchard_restarted_from", value: gid("SubscriptionContract", contract.id) }]);
    expect(await db().billingAttempt.findMany({ where: { contractId: mirrored.id }, select: { cycle: true, status: true } })).toEqual([
      { cycle: 1, status: "succeeded" },
    ]);
  });

  it("asks only the reasons the merchant set and offers their offers in their order; a reason not asked is refused", async () => {
    const given = await customerWithSubscription();
    const { shop, stored } = given;
    await saveSettings(shop.domain, {
      ...DEFAULT_SETTINGS,
      cancellationFlow: {
        ...DEFAULT_SETTINGS.cancellationFlow,
        too_expensive: { shown: true, offers: ["skip", "discount"] },
        too_much_product: { shown: false, offers: [] },
        not_using: { shown: false, offers: [] },
        quality: { shown: false, offers: [] },
        going_away: { shown: false, offers: [] },
      },
    });
    const reasonsPage = await (
      await cancelLoader({
        request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, given.customerId),
        params: { id: stored.id },
        context: {},
      })
    ).text();
    expect([...reasonsPage.matchAll(/name="reason" value="(\w+)"/g)].map((m) => m[1])).toEqual(["too_expensive", "other"]);
    const step = (reason: string) =>
      respond(() =>
        cancelAction({
          request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, given.customerId, {
            method: "POST",
            form: { token: given.token, reason, reasonText: "", step: "reason" },
          }),
          params: { id: stored.id },
          context: {},
        }),
      );
    const offers = await (await step("too_expensive")).text();
    expect(offers.indexOf("Skip my next order instead")).toBeGreaterThan(-1);
    expect(offers.indexOf("Skip my next order instead")).toBeLessThan(offers.indexOf("off my next order"));
    expect(offers).not.toContain("Pause for");
    expect((await step("going_away")).status).toBe(422);
    expect(await db().retentionEvent.count({ where: { contractId: stored.id, reason: "going_away" } })).toBe(0);
  });

  it("gives the merchant's free product or swaps the item instead of cancelling, and offers neither again within the period", async () => {
    const given = await customerWithSubscription();
    const { shop, stored, contract, coffee } = given;
    const mug = [...shop.products.values()].find((p) => p.id !== coffee.id)!;
    await saveSettings(shop.domain, {
      ...DEFAULT_SETTINGS,
      oneTimeProducts: [{ id: gid("Product", mug.id), title: "Mug" }],
      freeOfferProductId: gid("Product", mug.id),
      cancellationFlow: { ...DEFAULT_SETTINGS.cancellationFlow, not_using: { shown: true, offers: ["freeProduct", "swap"] } },
    });
    const step = (form: Record<string, string>) =>
      respond(() =>
        cancelAction({
          request: proxiedRequest(`/subscriptions/${stored.id}/cancel`, shop.domain, given.customerId, {
            method: "POST",
            form: { token: given.token, reason: "not_using", reasonText: "", ...form },
          }),
          params: { id: stored.id },
          context: {},
        }),
      );
    const offers = await (await step({ step: "reason" })).text();
    expect(offers).toContain("Get Mug free with my next order");
    const otherSize = gid("ProductVariant", coffee.variants[1]!.id);
    expect(offers).toContain(`<option value="${otherSize}">`);

    expect((await step({ step: "accept", offer: "freeProduct" })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?done=addOneTime",
    );
    // Free, with the next order only.
    const free = contract.lines.find((l) => l.variantId === mug.variants[0]!.id)!;
    expect(free.currentPriceMinor).toBe(0);
    // Taken once: a second acceptance (a double click) finds nothing to take.
    expect((await step({ step: "accept", offer: "freeProduct" })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?error=invalidChoice",
    );
    expect(contract.lines.filter((l) => l.variantId === mug.variants[0]!.id)).toHaveLength(1);

    // Trying to cancel again the same month: the free product was taken, so only the swap is offered.
    const again = await (await step({ step: "reason" })).text();
    expect(again).not.toContain("Get Mug free");
    expect((await step({ step: "accept", offer: "swap", variantId: otherSize })).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?done=swapVariant",
    );
    expect(contract.lines[0]!.variantId).toBe(coffee.variants[1]!.id);
    expect(
      (await db().retentionEvent.findMany({ where: { contractId: stored.id, outcome: "accepted" } })).map((e) => e.offer).sort(),
    ).toEqual(["freeProduct", "swap"]);
  });

  it("swaps an item for another variant its plan sells, and refuses a product outside the plan with nothing changed", async () => {
    const given = await customerWithSubscription();
    const { shop, contract, coffee } = given;
    const line = (await db().subscriptionLine.findFirstOrThrow({ where: { contractId: given.stored.id } })).id;
    const otherSize = coffee.variants[1]!;
    expect(given.page).toContain(`<option value="${gid("ProductVariant", otherSize.id)}">`);
    const elsewhere = [...shop.products.values()].find((p) => p.id !== coffee.id)!.variants[0]!;
    expect(
      (await post(given, { action: "swapVariant", lineId: line, variantId: gid("ProductVariant", elsewhere.id) })).headers.get("location"),
    ).toBe("/apps/orchard/subscriptions?error=invalidChoice");
    expect(contract.lines[0]!.variantId).toBe(coffee.variants[0]!.id);
    const swapped = await post(given, { action: "swapVariant", lineId: line, variantId: gid("ProductVariant", otherSize.id) });
    expect(swapped.headers.get("location")).toBe("/apps/orchard/subscriptions?done=swapVariant");
    expect(contract.lines[0]!.variantId).toBe(otherSize.id);
  });

  it("adds once to the next order the products the merchant offers as add-ons, and refuses any other", async () => {
    const given = await customerWithSubscription();
    const { shop, contract, coffee } = given;
    const [mug, other] = [...shop.products.values()].filter((p) => p.id !== coffee.id);
    const mugVariant = gid("ProductVariant", mug!.variants[0]!.id);
    const add = (variantId: string) => post(given, { action: "addOneTime", variantId, quantity: "1" });
    // Not offered yet: refused, and nothing added.
    expect((await add(mugVariant)).headers.get("location")).toBe("/apps/orchard/subscriptions?error=invalidChoice");
    expect(contract.lines).toHaveLength(1);

    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, oneTimeProducts: [{ id: gid("Product", mug!.id), title: mug!.title }] });
    const page = await pageOf(given);
    expect(page).toMatch(new RegExp(`<option value="${mugVariant}">[^<]+ · \\$[\\d.]+</option>`));
    expect(page).not.toContain(gid("ProductVariant", other!.variants[0]!.id));
    expect((await add(mugVariant)).headers.get("location")).toBe("/apps/orchard/subscriptions?done=addOneTime");
    expect(contract.lines.map((l) => l.variantId)).toEqual([coffee.variants[0]!.id, mug!.variants[0]!.id]);
    expect((await add(gid("ProductVariant", other!.variants[0]!.id))).headers.get("location")).toBe(
      "/apps/orchard/subscriptions?error=invalidChoice",
    );
    expect(contract.lines).toHaveLength(2);
  });
});

describe("signing in by emailed link, for stores on classic customer accounts", () => {
  const askForLink = (shop: string, email: string) =>
    respond(() =>
      signInAction({ request: proxiedRequest("/subscriptions/sign-in", shop, null, { form: { email } }), params: {}, context: {} }),
    );
  const open = (shop: string, path: string) =>
    respond(() => listLoader({ request: proxiedRequest(path, shop, null), params: {}, context: {} }));
  const linkSentTo = async (shop: string, email: string) => {
    const message = await db().emailMessage.findFirst({
      where: { shop, kind: "signInLink", recipient: email },
      orderBy: { createdAt: "desc" },
    });
    return message ? (JSON.parse(message.data) as { url: string }).url : null;
  };

  it("emails a link that opens the customer's page once, and answers an unknown address the same way", async () => {
    const given = await customerWithSubscription();
    const { shop, email } = given;
    const answer = await (await askForLink(shop.domain, email.toUpperCase())).text();
    expect(answer).toContain(`If ${email.toUpperCase()} has subscriptions with us, we&#39;ve sent it a sign-in link.`);
    const stranger = await (await askForLink(shop.domain, "nobody@example.com")).text();
    expect(stranger.replace("nobody@example.com", "X")).toBe(answer.replace(email.toUpperCase(), "X"));
    expect(await db().emailMessage.count({ where: { shop: shop.domain, kind: "signInLink" } })).toBe(1);
    expect((await askForLink(shop.domain, "not an email")).status).toBe(422);

    const link = new URL((await linkSentTo(shop.domain, email))!);
    expect(link.origin + link.pathname).toBe(`https://${shop.domain}/apps/orchard/subscriptions`);
    const opened = await open(shop.domain, `/subscriptions${link.search}`);
    expect(opened.status).toBe(302);
    const session = new URL(opened.headers.get("location")!, link).searchParams.get("session")!;
    const page = await (await open(shop.domain, `/subscriptions?session=${encodeURIComponent(session)}`)).text();
    expect(page).toContain("House Blend");
    // Every form and link of the page carries the session, so the next step is signed in too.
    // (The library adds the trailing slash Shopify's proxy wants before the query.)
    expect(page).toContain(`/apps/orchard/subscriptions/${given.stored.id}/?session=`);
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const skipped = await respond(() =>
      changeAction({
        request: proxiedRequest(`/subscriptions/${given.stored.id}?session=${encodeURIComponent(session)}`, shop.domain, null, {
          form: { token, action: "skip" },
        }),
        params: { id: given.stored.id },
        context: {},
      }),
    );
    expect(skipped.headers.get("location")).toBe(`/apps/orchard/subscriptions?done=skip&session=${encodeURIComponent(session)}`);

    // Used once: the same link again opens nothing.
    const again = await open(shop.domain, `/subscriptions${link.search}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("That sign-in link has expired or was already used.");
  });

  it("refuses a forged, expired or other shop's link and another shop's session, and sends a few links an hour at most", async () => {
    const given = await customerWithSubscription();
    const other = await customerWithSubscription();
    const { shop, email } = given;
    await askForLink(shop.domain, email);
    const link = new URL((await linkSentTo(shop.domain, email))!);
    const access = link.searchParams.get("access")!;
    const [body, signature] = access.split(".");
    const claims = JSON.parse(Buffer.from(body!, "base64url").toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, customerId: gid("Customer", other.customerId) })).toString("base64url")}.${signature}`;
    expect(await (await open(shop.domain, `/subscriptions?access=${encodeURIComponent(forged)}`)).text()).toContain(
      "has expired or was already used",
    );
    // A link of this shop followed on another: refused there.
    expect((await open(other.shop.domain, `/subscriptions?access=${encodeURIComponent(access)}`)).status).toBe(200);
    // Half an hour later the link has expired.
    restores.push(replaceClock(new FixedClock(new Date(Date.now() + 31 * 60_000))));
    expect(await (await open(shop.domain, `/subscriptions?access=${encodeURIComponent(access)}`)).text()).toContain(
      "has expired or was already used",
    );
    restores.pop()!();
    // Opened where it belongs, its session does not open the other shop's page.
    const session = new URL(
      (await open(shop.domain, `/subscriptions?access=${encodeURIComponent(access)}`)).headers.get("location")!,
      link,
    ).searchParams.get("session")!;
    expect(await (await open(other.shop.domain, `/subscriptions?session=${encodeURIComponent(session)}`)).text()).toContain(
      "Log in to see",
    );
    // Asked again and again, the customer gets three links in the hour, then none.
    for (let i = 0; i < 4; i++) await askForLink(shop.domain, email);
    expect(await db().emailMessage.count({ where: { shop: shop.domain, kind: "signInLink" } })).toBe(3);
  });
});
