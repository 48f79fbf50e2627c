import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { config } from "../config.server";
import { BODY_LIMITS, withinBodyLimit } from "../http/body-limit.server";
import { refusalsLogged } from "../logging/refused-requests.server";
import { drainInboxSoon, receiveWebhook } from "../webhooks/inbox.server";

/**
 * Every webhook Orchard subscribes to (shopify.app.toml) arrives here. The library checks the HMAC
 * (401 otherwise, nothing written); the delivery goes into the inbox and Shopify gets its 200.
 * Unknown fields are kept as they came; each handler checks the fields it reads.
 */
export const action = async ({ request: received }: ActionFunctionArgs) => {
  const request = await withinBodyLimit(received, BODY_LIMITS.webhook);
  const { shop, topic, webhookId, apiVersion, triggeredAt, payload } = await refusalsLogged(
    "webhook",
    request,
    // The library checks the HMAC, then parses the body: a signed body that is not JSON is a bad request, not a crash.
    authenticate.webhook(request).catch((error: unknown) => {
      if (error instanceof SyntaxError) throw new Response("Bad Request", { status: 400 });
      throw error;
    }),
  );
  await receiveWebhook({ shop, topic, webhookId, apiVersion, triggeredAt, payload });
  // Processed by the next worker round; inline, right away, so effects show without waiting for it.
  if (config().ORCHARD_RUN_WORKERS === "inline") void drainInboxSoon();
  return new Response(null, { status: 200 });
};
