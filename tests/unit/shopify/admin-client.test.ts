import { describe, expect, it } from "vitest";
import {
  backoffMs,
  createAdminClient,
  operation,
  throttleWaitMs,
  ThrottleGauge,
  type RawResponse,
  type RetryPolicy,
} from "../../../app/shopify/admin-client";
import { ShopifyGraphqlError, ShopifyUnavailableError, ShopifyUserErrors } from "../../../app/shopify/errors";

const Probe = operation<{ shop: { name: string } }>(`#graphql
  query Probe { shop { name } }
`);
const Rename = operation<{ productUpdate: { userErrors: { field: string[]; message: string }[] } }>(`#graphql
  mutation Rename { productUpdate(product: { id: "gid://shopify/Product/1", title: "" }) { userErrors { field message } } }
`);

const ok: RawResponse = { status: 200, data: { shop: { name: "Demo" } } };
const throttled = (available: number): RawResponse => ({
  status: 200,
  errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
  extensions: {
    cost: {
      requestedQueryCost: 50,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
    },
  },
});

function scripted(responses: RawResponse[]) {
  const sleeps: number[] = [];
  let calls = 0;
  const policy: RetryPolicy = {
    maxAttempts: 3,
    maxThrottledAttempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => 0,
    headroom: 0,
  };
  const client = createAdminClient(
    "demo.myshopify.com",
    async () => responses[Math.min(calls++, responses.length - 1)]!,
    policy,
    new ThrottleGauge(),
  );
  return { client, sleeps, calls: () => calls };
}

describe("Admin client", () => {
  it("waits for the bucket to refill after THROTTLED, then succeeds", async () => {
    const { client, sleeps, calls } = scripted([throttled(10), ok]);
    await expect(client.request(Probe)).resolves.toEqual({ shop: { name: "Demo" } });
    // 40 points missing at 100 points/s: 400 ms, plus the margin.
    expect(sleeps).toEqual([450]);
    expect(calls()).toBe(2);
  });

  /** A client whose requests cost 10 points and whose clock moves only when it sleeps, answered `available` points in turn. */
  function pacedClient(available: number[], headroom: number) {
    let now = 0;
    const sleeps: number[] = [];
    const answers = available.map(
      (points): RawResponse => ({
        ...ok,
        extensions: {
          cost: {
            requestedQueryCost: 10,
            actualQueryCost: 10,
            throttleStatus: { maximumAvailable: 2000, currentlyAvailable: points, restoreRate: 100 },
          },
        },
      }),
    );
    const client = createAdminClient(
      "paced.myshopify.com",
      async () => answers.shift()!,
      {
        maxAttempts: 3,
        maxThrottledAttempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 1000,
        random: () => 0.5,
        now: () => now,
        sleep: async (ms) => void sleeps.push((now += ms)),
        headroom,
      },
      new ThrottleGauge(),
    );
    return { client, sleeps };
  }

  it("paces requests to the shop's bucket so Shopify never has to refuse them", async () => {
    const { client, sleeps } = pacedClient([12, 0, 0], 0);
    await client.request(Probe); // nothing known yet: sent at once; 12 points left
    await client.request(Probe); // 12 ≥ 10: sent at once; Shopify says 0 left
    await client.request(Probe); // 0 left: waits the 100 ms that 10 points take to restore
    expect(sleeps).toEqual([100]);
  });

  it("leaves a part of the bucket to others when it is background work", async () => {
    // A tenth of 2,000 points is left: a request of 10 goes once 210 are there.
    const { client, sleeps } = pacedClient([250, 205, 0], 0.1);
    await client.request(Probe); // nothing known yet: sent at once; 250 left
    await client.request(Probe); // 250 ≥ 210: sent at once; Shopify says 205 left
    await client.request(Probe); // 205 < 210: waits the 50 ms that 5 points take
    expect(sleeps).toEqual([50]);
  });

  it("retries 5xx and network failures with jittered backoff, then succeeds", async () => {
    const { client, sleeps } = scripted([{ status: 502 }, { status: 0, networkError: "ECONNRESET" }, ok]);
    await expect(client.request(Probe)).resolves.toBeDefined();
    expect(sleeps).toEqual([50, 100]);
  });

  it("gives up after its cap and says why", async () => {
    const { client, calls } = scripted([{ status: 503 }]);
    const error = await client.request(Probe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect((error as ShopifyUnavailableError).message).toContain("HTTP 503");
    expect(calls()).toBe(3);
  });

  it("does not retry a request Shopify refused as invalid", async () => {
    const { client, calls } = scripted([
      { status: 200, errors: [{ message: "Field 'nme' doesn't exist on type 'Shop'", extensions: { code: "undefinedField" } }] },
    ]);
    const error = await client.request(Probe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as ShopifyGraphqlError).codes).toEqual(["undefinedField"]);
    expect(calls()).toBe(1);
  });

  it("turns userErrors into a typed error with messages per field", async () => {
    const { client } = scripted([
      { status: 200, data: { productUpdate: { userErrors: [{ field: ["product", "title"], message: "Title can't be blank" }] } } },
    ]);
    const error = await client.request(Rename).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserErrors);
    expect((error as ShopifyUserErrors).forField("title")).toEqual(["Title can't be blank"]);
  });

  it("refuses an unnamed operation", () => {
    expect(() => operation(`query { shop { name } }`)).toThrow(/must be named/);
  });
});

describe("throttle and backoff arithmetic", () => {
  it("waits only for the points missing", () => {
    const cost = {
      requestedQueryCost: 100,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 },
    };
    expect(throttleWaitMs(cost, 1000)).toBe(50);
    expect(throttleWaitMs(undefined, 1000)).toBe(1000);
    // Background work also waits for the tenth it leaves: 200 more points, 2 s more.
    expect(throttleWaitMs(cost, 1000, 0.1)).toBe(2050);
  });

  it("caps the exponential backoff", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
