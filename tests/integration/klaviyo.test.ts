import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { action as integrationsAction, loader as integrationsLoader } from "../../app/routes/app.integrations";
import { action as detailAction } from "../../app/routes/app.subscriptions.$id";
import { findContract } from "../../app/subscriptions/contracts.server";
import { gid } from "../../simulator/ids";
import { adminFetchRequest, postForm, testContext } from "../support/context";
import { settle, shopWithSubscription } from "../support/subscriptions";

const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

const klaviyo = () => testContext().simulator.klaviyo;
const mailTo = (address: string) => testContext().simulator.mailbox.to(address);

/** The merchant's form on the integrations page. */
const connect = (shop: string, fields: Record<string, string>) => postForm(integrationsAction, "/app/integrations", shop, fields);

/** GIVEN a subscriber mirrored by Orchard, and the merchant's Klaviyo account connected with a fresh key. */
async function connected(settings: Record<string, string> = {}) {
  const given = await shopWithSubscription();
  clockRestores.push(replaceClock(new FixedClock(new Date())));
  const key = klaviyo().issueKey({ organizationName: "Bean There" });
  expect(await connect(given.shop.domain, { key, ...settings })).toEqual({ redirect: "/app/integrations?saved=1" });
  await settle();
  const stored = (await findContract(given.shop.domain, gid("SubscriptionContract", given.contract.id)))!;
  const account = klaviyo().accountOf(key)!;
  const metrics = () =>
    klaviyo()
      .eventsOf(account)
      .map((event) => event.metric);
  return { ...given, key, stored, account, metrics };
}

async function merchant(shop: string, contractId: string, fields: Record<string, string>) {
  const request = adminFetchRequest(`/app/subscriptions/${contractId}`, shop, { method: "POST", body: new URLSearchParams(fields) });
  return detailAction({ request, params: { id: contractId }, context: {} });
}

describe("connecting Klaviyo", () => {
  it("refuses a key that is not a private key, one Klaviyo does not know or that lacks its scopes, each with its message, and saves nothing", async () => {
    const { shop } = await shopWithSubscription();
    expect(await connect(shop.domain, { key: "" })).toEqual({ error: "keyRequired" });
    expect(await connect(shop.domain, { key: "AbC123" })).toEqual({ error: "keyFormat" });
    expect(await connect(shop.domain, { key: "pk_0123456789abcdef0123456789abcdef00" })).toEqual({ error: "keyRefused" });
    const revoked = klaviyo().issueKey();
    klaviyo().revokeKey(revoked);
    expect(await connect(shop.domain, { key: revoked })).toEqual({ error: "keyRefused" });
    expect(await connect(shop.domain, { key: klaviyo().issueKey({ scopes: ["events:write"] }) })).toEqual({ error: "keyScopes" });
    expect(await db().klaviyoConnection.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("keeps the key sealed, shows only its end, and forgets it on disconnect", async () => {
    const { shop, key } = await connected();
    const row = (await db().klaviyoConnection.findUnique({ where: { shop: shop.domain } }))!;
    expect(row.sealedKey).not.toContain(key);
    expect(row.sealedKey).not.toContain(key.slice(3, 20));
    const page = await integrationsLoader({ request: adminFetchRequest("/app/integrations", shop.domain), params: {}, context: {} });
    expect(page.klaviyo).toMatchObject({ status: "connected", keyHint: key.slice(-4), accountName: "Bean There" });
    expect(JSON.stringify(page)).not.toContain(key);
    expect(await connect(shop.domain, { intent: "disconnect" })).toEqual({ redirect: "/app/integrations?disconnected=1" });
    expect(await db().klaviyoConnection.count({ where: { shop: shop.domain } })).toBe(0);
  });
});

describe("Klaviyo events", () => {
  it("reach the customer's profile once each, as documented metrics, waiting out Klaviyo's rate limit", async () => {
    const { shop, stored, email, metrics, account } = await connected();
    expect(metrics()).toEqual(["Orchard Subscription Created"]);
    // Klaviyo's window is spent: the batch is throttled, and nothing more is asked of Klaviyo until
    // its Retry-After has passed, however often the worker runs.
    klaviyo().throttleFor("bulkEvents", 8);
    expect(await merchant(shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    await settle();
    const requests = () => klaviyo().requests.filter((r) => r.path.endsWith("/event-bulk-create-jobs"));
    expect(requests().at(-1)).toMatchObject({ status: 429 });
    const asked = requests().length;
    expect(await merchant(shop.domain, stored.id, { action: "resume" })).toMatchObject({ ok: true });
    await settle();
    expect(requests()).toHaveLength(asked);
    const { throttledUntil } = (await db().klaviyoConnection.findUnique({ where: { shop: shop.domain } }))!;
    expect(throttledUntil!.getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, throttledUntil!.getTime() - Date.now() + 50));
    await settle();
    // Both waiting events in one batch, each metric once.
    expect(requests()).toHaveLength(asked + 1);
    expect(metrics()).toEqual(["Orchard Subscription Created", "Orchard Subscription Paused", "Orchard Subscription Resumed"]);
    const [paused] = klaviyo()
      .eventsOf(account)
      .filter((e) => e.metric === "Orchard Subscription Paused");
    expect(paused).toMatchObject({ email, properties: { SubscriptionContractId: stored.shopifyId }, uniqueId: expect.any(String) });
    expect(await db().klaviyoEvent.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("stop when Klaviyo refuses the key: Orchard's own emails go out again, and the events wait for a new key", async () => {
    const { shop, stored, key, email, metrics } = await connected({ leaveSubscriptionEmails: "on" });
    expect(mailTo(email).filter((m) => m.subject.includes("is confirmed"))).toHaveLength(0);
    const confirmation = await db().emailMessage.findFirst({ where: { shop: shop.domain, kind: "confirmation" } });
    expect(confirmation).toMatchObject({ status: "skipped" });

    klaviyo().revokeKey(key);
    expect(await merchant(shop.domain, stored.id, { action: "pause" })).toMatchObject({ ok: true });
    await settle();
    expect((await db().klaviyoConnection.findUnique({ where: { shop: shop.domain } }))!.status).toBe("revoked");
    // Klaviyo would not send it now: Orchard does.
    await settle();
    expect(mailTo(email).filter((m) => m.subject.includes("is paused"))).toHaveLength(1);
    expect(await db().klaviyoEvent.count({ where: { shop: shop.domain, status: "pending" } })).toBe(1);

    // A new key of the same account: what waited is sent, once.
    const account = klaviyo().accountOf(key)!;
    const newKey = klaviyo().issueKey({ account });
    // Klaviyo answers one account lookup a second for an account, and connecting asked one already.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await connect(shop.domain, { key: newKey, leaveSubscriptionEmails: "on" })).toEqual({ redirect: "/app/integrations?saved=1" });
    await settle();
    expect(metrics()).toEqual(["Orchard Subscription Created", "Orchard Subscription Paused"]);
  });

  it("mark a key that cannot write events, and customers/redact removes a customer's events not sent", async () => {
    const given = await shopWithSubscription();
    const key = klaviyo().issueKey({ scopes: ["accounts:read"] });
    expect(await connect(given.shop.domain, { key })).toEqual({ redirect: "/app/integrations?saved=1" });
    await settle();
    expect((await db().klaviyoConnection.findUnique({ where: { shop: given.shop.domain } }))!.status).toBe("forbidden");
    const waiting = await db().klaviyoEvent.findMany({ where: { shop: given.shop.domain } });
    expect(waiting).toHaveLength(1);
    const { redactCustomer } = await import("../../app/privacy/customer-privacy.server");
    await redactCustomer(given.shop.domain, { customerId: waiting[0]!.customerId!, email: waiting[0]!.email });
    expect(await db().klaviyoEvent.count({ where: { shop: given.shop.domain } })).toBe(0);
  });
});
