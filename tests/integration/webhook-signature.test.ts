import { randomUUID } from "node:crypto";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/web-api";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { verifyWebhook } from "../../app/webhooks/webhook-signature.server";
import { TEST_API_KEY, TEST_API_SECRET, webhookRequest } from "../support/context";

/**
 * Orchard checks webhooks itself (app/webhooks/webhook-signature.server.ts says why): here it is
 * held to Shopify's library, which must accept and refuse the same requests, with the same status.
 */
const library = shopifyApi({
  apiKey: TEST_API_KEY,
  apiSecretKey: TEST_API_SECRET,
  apiVersion: ADMIN_API_VERSION as ApiVersion,
  hostName: "orchard.example.com",
  isEmbeddedApp: true,
  logger: { log: () => undefined },
});

/** What the library's `authenticate.webhook` answers: the facts, or 400/401/405. */
async function libraryAnswer(request: Request, body: string) {
  if (request.method !== "POST") return 405;
  const check = await library.webhooks.validate({ rawBody: body, rawRequest: request });
  if (!check.valid) return check.reason === "invalid_hmac" ? 401 : 400;
  return {
    shop: check.domain,
    topic: check.topic,
    webhookId: check.webhookId,
    apiVersion: check.apiVersion,
    triggeredAt: check.triggeredAt,
  };
}

function orchardAnswer(request: Request, body: string) {
  try {
    return verifyWebhook(request, Buffer.from(body));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const signed = (change: (headers: Headers) => void = () => {}, init: { method?: string; body?: string } = {}) => {
  const request = webhookRequest({
    shop: "signed.myshopify.com",
    topic: "orders/paid",
    payload: { id: 1, note: "café" },
    webhookId: randomUUID(),
  });
  const headers = new Headers(request.headers);
  change(headers);
  return { headers, method: init.method ?? "POST", body: init.body ?? '{"id":1,"note":"café"}' };
};

describe("a webhook's signature, as Shopify's library checks it", () => {
  it.each([
    ["signed by the app", signed()],
    ["signed by someone else", webhookRequestParts("forger")],
    ["without its HMAC", signed((h) => h.delete("x-shopify-hmac-sha256"))],
    ["with an HMAC that is not base64 of anything", signed((h) => h.set("x-shopify-hmac-sha256", "not-an-hmac"))],
    ["with the body changed after signing", signed(() => {}, { body: '{"id":2,"note":"café"}' })],
    ["with an empty body", signed(() => {}, { body: "" })],
    ["without its topic", signed((h) => h.delete("x-shopify-topic"))],
    ["without its shop", signed((h) => h.delete("x-shopify-shop-domain"))],
    ["without its API version", signed((h) => h.delete("x-shopify-api-version"))],
    ["without its webhook id", signed((h) => h.delete("x-shopify-webhook-id"))],
    ["without the time it was triggered", signed((h) => h.delete("x-shopify-triggered-at"))],
    ["sent with GET", signed(() => {}, { method: "GET" })],
  ])("%s: the same answer", async (_case, { headers, method, body }) => {
    const request = () =>
      new Request("https://orchard.example.com/webhooks/orders/paid", { method, headers, ...(method === "GET" ? {} : { body }) });
    expect(orchardAnswer(request(), body)).toEqual(await libraryAnswer(request(), body));
  });
});

function webhookRequestParts(secret: string) {
  const request = webhookRequest({
    shop: "signed.myshopify.com",
    topic: "orders/paid",
    payload: { id: 1, note: "café" },
    webhookId: randomUUID(),
    secret,
  });
  return { headers: new Headers(request.headers), method: "POST", body: '{"id":1,"note":"café"}' };
}
