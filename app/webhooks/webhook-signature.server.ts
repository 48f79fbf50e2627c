import { createHmac } from "node:crypto";
import { config } from "../config.server";
import { sameSignature } from "../signatures";

/**
 * A webhook's signature and headers, checked as Shopify's library checks them
 * (`webhooks.validate` in @shopify/shopify-api: a test holds the two to the same answers) and
 * nothing more. Orchard no longer calls the app package's `authenticate.webhook` here, for two
 * costs measured on bench/webhook-ingest.ts: it reads the shop's offline session from the database
 * for every delivery (the route uses none; the worker reads it when it works the delivery), and
 * its HMAC runs on WebCrypto, whose jobs wait in libuv's thread pool behind the database
 * driver's: under load a delivery waited there longer than for its own write. Node's HMAC here
 * takes microseconds on the request's own thread.
 */
export interface VerifiedWebhook {
  shop: string;
  /** As Shopify's library names topics: ORDERS_PAID. */
  topic: string;
  webhookId: string;
  apiVersion: string;
  triggeredAt: string | undefined;
}

const refused = (status: 400 | 401 | 405) =>
  new Response(null, { status, statusText: { 400: "Bad Request", 401: "Unauthorized", 405: "Method not allowed" }[status] });

/**
 * Signed with the app's secret, or during a rotation (docs/operations.md) with the previous one:
 * the HMAC-SHA256 of the raw body, in base64, compared in constant time. Shopify Flow signs its
 * callbacks and action requests the same way.
 */
export function signedByTheApp(rawBody: Buffer, hmac: string): boolean {
  const { SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS } = config();
  return [SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS].some(
    (secret) => secret !== undefined && sameSignature(hmac, createHmac("sha256", secret).update(rawBody).digest("base64")),
  );
}

/** The delivery's facts, or the Response the library would answer with: 405, 400 (unsigned or incomplete), 401 (forged). */
export function verifyWebhook(request: Request, rawBody: Buffer): VerifiedWebhook {
  if (request.method !== "POST") throw refused(405);
  const header = (name: string) => request.headers.get(`x-shopify-${name}`) || undefined;
  const hmac = header("hmac-sha256");
  if (rawBody.length === 0 || !hmac) throw refused(400);
  if (!signedByTheApp(rawBody, hmac)) throw refused(401);
  const [topic, shop, apiVersion, webhookId] = [header("topic"), header("shop-domain"), header("api-version"), header("webhook-id")];
  if (!topic || !shop || !apiVersion || !webhookId) throw refused(400);
  return { shop, topic: topic.toUpperCase().replace(/\/|\./g, "_"), webhookId, apiVersion, triggeredAt: header("triggered-at") };
}
