import { readdirSync, readFileSync } from "node:fs";
import { BODY_LIMITS } from "../../app/http/body-limit.server";
import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { loader as unknownPageLoader } from "../../app/routes/app.$";
import { db } from "../../app/db.server";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { operation } from "../../app/shopify/admin-client";
import { seedShop } from "../../simulator/seed";
import { adminFetchRequest, createShop, sessionToken, testContext } from "../support/context";

async function load(request: Request) {
  try {
    return { response: await dashboardLoader({ request, params: {}, context: {} }) };
  } catch (thrown) {
    if (thrown instanceof Response) return { thrown };
    throw thrown;
  }
}

function seededShop() {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 3, months: 1 });
  return shop;
}

describe("admin requests", () => {
  it("installs on the first authenticated request (token exchange) and serves the shop's own data", async () => {
    const shop = seededShop();
    const { response } = await load(adminFetchRequest("/app", shop.domain));
    expect(response?.overview).toEqual({
      name: shop.name,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      activeProducts: 20,
      collections: 4,
    });
    expect(shop.installed).toBe(true);
    expect(await db().shop.findUnique({ where: { domain: shop.domain } })).toMatchObject({
      ianaTimezone: "America/New_York",
      uninstalledAt: null,
    });
  });

  it("does not render merchant data for a request without a session token", async () => {
    const shop = seededShop();
    const request = new Request(`https://orchard.example.com/app?shop=${shop.domain}`, {
      headers: { "User-Agent": "Mozilla/5.0 Chrome/156" },
    });
    const { response, thrown } = await load(request);
    expect(response).toBeUndefined();
    expect(thrown?.status).toBeGreaterThanOrEqual(300);
    // Sent to log in (a redirect or the library's bounce page), never a server error.
    expect(thrown?.status).toBeLessThan(500);
    expect(await thrown?.text()).not.toContain(shop.name);
  });

  it("refuses a session token signed with another secret", async () => {
    const shop = seededShop();
    const request = new Request("https://orchard.example.com/app", {
      headers: { Authorization: `Bearer ${sessionToken(shop.domain, "someone-elses-secret")}`, "User-Agent": "Mozilla/5.0 Chrome/156" },
    });
    const { thrown } = await load(request);
    expect(thrown?.status).toBe(401);
    expect(shop.installed).toBe(false);
  });

  it("answers an unknown admin page with 404 only after authenticating", async () => {
    const shop = seededShop();
    const outsider = await unknownPageLoader({
      request: new Request("https://orchard.example.com/app/nope"),
      params: {},
      context: {},
    }).catch((r: Response) => r);
    expect((outsider as Response).status).not.toBe(404);
    const merchant = await unknownPageLoader({ request: adminFetchRequest("/app/nope", shop.domain), params: {}, context: {} }).catch(
      (r: Response) => r,
    );
    expect((merchant as Response).status).toBe(404);
  });

  it("background work waits out THROTTLED with the offline token and succeeds", async () => {
    const shop = seededShop();
    await load(adminFetchRequest("/app", shop.domain));
    const { simulator } = testContext();
    simulator.graphql.bucket(shop).drainTo(0);

    // 102 points: the empty bucket needs about a second at 100 points/s before Shopify accepts it.
    const ProductPage = operation<{ products: { nodes: { id: string }[] } }>(`#graphql
      query ProductPage { products(first: 100) { nodes { id } } }
    `);
    const admin = await backgroundAdmin(shop.domain);
    const data = await admin.request(ProductPage);

    expect(data.products.nodes).toHaveLength(20);
    expect(simulator.graphql.throttled.get(shop.domain)).toBeGreaterThanOrEqual(1);
  });
});

describe("admin forms", () => {
  // Every admin route with an action, found in app/routes: a route added later is covered too.
  const actionRoutes = readdirSync("app/routes")
    .filter((file) => file.startsWith("app.") && /export (async function|const) action\b/.test(readFileSync(`app/routes/${file}`, "utf8")))
    .map((file) => file.replace(/\.tsx?$/, ""));

  it.each(actionRoutes)("%s refuses a body over a form's size while reading it: 413, nothing read", async (route) => {
    const shop = seededShop();
    await load(adminFetchRequest("/app", shop.domain));
    const { action } = (await import(`../../app/routes/${route}.tsx`)) as { action: (args: unknown) => Promise<unknown> };
    // Twice the largest body any route takes (a subscriptions file to import), 64 KiB at a time.
    const chunks = (2 * Math.max(...Object.values(BODY_LIMITS))) / (64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < chunks) controller.enqueue(new TextEncoder().encode(`x=${"a".repeat(64 * 1024)}&`));
        else controller.close();
      },
    });
    const request = adminFetchRequest("/app/route", shop.domain, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit);
    const outcome = await action({ request, params: { id: "1" }, context: {} }).catch((thrown: unknown) => thrown);
    // Refused while read, or not read at all (a route whose record is not the shop's answers first).
    if (outcome instanceof Response && outcome.status === 413) expect(sent).toBeLessThanOrEqual(chunks / 2 + 1);
    else expect({ route, sent }).toEqual({ route, sent: 1 });
  });
});
