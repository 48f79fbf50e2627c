import { BODY_LIMITS, bodyWithin } from "../http/body-limit.server";
import { refusalsLogged } from "../logging/refused-requests.server";
import { signedByTheApp } from "../webhooks/webhook-signature.server";

/**
 * A request from Shopify Flow (a trigger's lifecycle callback, an action to run): a POST of JSON
 * signed like a webhook, X-Shopify-Hmac-SHA256 over the raw body with the app's secret. Its body as
 * an object, or the Response to answer: 405, 400 (unsigned, not a JSON object), 401 (forged).
 */
export async function signedFlowRequest(request: Request): Promise<Record<string, unknown>> {
  return refusalsLogged(
    "flow",
    request,
    (async () => {
      if (request.method !== "POST") throw new Response(null, { status: 405 });
      const rawBody = await bodyWithin(request, BODY_LIMITS.flow);
      const hmac = request.headers.get("x-shopify-hmac-sha256");
      if (rawBody.length === 0 || !hmac) throw new Response(null, { status: 400 });
      if (!signedByTheApp(rawBody, hmac)) throw new Response(null, { status: 401 });
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString("utf8"));
      } catch {
        throw new Response(null, { status: 400 });
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Response(null, { status: 400 });
      return body as Record<string, unknown>;
    })(),
  );
}
