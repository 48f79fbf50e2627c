import { settleBillingAttempt } from "./admin-api/billing-attempts";
import { escapeHtml, html, type Router, type SimRequest } from "./http";
import type { SimulatorContext } from "./context";

/**
 * The page behind a challenged billing attempt's nextActionUrl, where the customer's bank asks them
 * to authenticate the payment (3-D Secure). Authenticating charges the attempt (an order and a
 * subscription_billing_attempts/success webhook); refusing fails it with AUTHENTICATION_FAILED.
 */
export function paymentChallengeRoutes(sim: SimulatorContext, router: Router): void {
  const find = (req: SimRequest) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    const attempt = shop?.billingAttempts.get(Number(req.params.id));
    return shop && attempt ? { shop, attempt } : null;
  };
  const page = (title: string, body: string, status = 200) =>
    html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} (simulator)</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px"><main>${body}</main></body></html>`,
      status,
    );

  router.on("GET", "/payments/:store/challenges/:id", (req) => {
    const found = find(req);
    if (!found) return page("Not found", "<h1>Not found</h1>", 404);
    if (!found.attempt.challenged) return page("Payment", "<h1>This payment needs nothing more from you</h1>", 409);
    return page(
      "Confirm your payment",
      `<h1>Confirm your payment</h1>
<p>Your bank asks you to confirm the payment for your ${escapeHtml(found.shop.name)} subscription.</p>
<form method="post" style="display:flex;gap:8px">
<button name="decision" value="refuse">Cancel</button>
<button name="decision" value="authenticate">Confirm payment</button>
</form>`,
    );
  });

  router.on("POST", "/payments/:store/challenges/:id", async (req) => {
    const found = find(req);
    const decision = new URLSearchParams(req.rawBody).get("decision");
    if (!found || !found.attempt.challenged || (decision !== "authenticate" && decision !== "refuse")) {
      return page("Payment", "<h1>This payment needs nothing more from you</h1>", 409);
    }
    const { shop, attempt } = found;
    const events: { topic: string; payload: unknown }[] = [];
    settleBillingAttempt(
      sim.store,
      shop,
      attempt,
      decision === "authenticate" ? null : "AUTHENTICATION_FAILED",
      sim.clock.now(),
      (topic, payload) => events.push({ topic, payload }),
    );
    for (const { topic, payload } of events) await sim.webhooks.send(shop.domain, topic, payload);
    return page("Payment", decision === "authenticate" ? "<h1>Payment confirmed</h1>" : "<h1>Payment cancelled</h1>");
  });
}
