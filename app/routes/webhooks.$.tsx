import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "../config.server";
import { BODY_LIMITS, bodyWithin } from "../http/body-limit.server";
import { refusalsLogged } from "../logging/refused-requests.server";
import { drainInboxSoon, receiveWebhook } from "../webhooks/inbox.server";
import { verifyWebhook } from "../webhooks/webhook-signature.server";

/**
 * Every webhook Orchard subscribes to (shopify.app.toml) arrives here. Its HMAC is checked (401
 * otherwise, nothing written); the delivery goes into the inbox and Shopify gets its 200.
 * Unknown fields are kept as they came; each handler checks the fields it reads.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const rawBody = await bodyWithin(request, BODY_LIMITS.webhook);
  const { shop, topic, webhookId, apiVersion, triggeredAt } = await refusalsLogged(
    "webhook",
    request,
    Promise.resolve().then(() => verifyWebhook(request, rawBody)),
  );
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    // Signed, but not JSON: a bad request, not a crash.
    throw new Response("Bad Request", { status: 400 });
  }
  await receiveWebhook({ shop, topic, webhookId, apiVersion, triggeredAt, payload });
  // Processed by the next worker round; inline, right away, so effects show without waiting for it.
  if (config().ORCHARD_RUN_WORKERS === "inline") void drainInboxSoon();
  return new Response(null, { status: 200 });
};
