import type { ActionFunctionArgs } from "@remix-run/node";
import { BODY_LIMITS, withinBodyLimit } from "../http/body-limit.server";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";
import { customerAction, customerCancellationStep, customerFromSessionToken } from "../self-service/self-service.server";

/**
 * A change from the customer account extension: `{ action, … }` as on the storefront page, or a
 * step of the cancellation flow, `{ step, reason, … }`. 404 for a subscription that is not theirs.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { sessionToken, cors } = await refusalsLogged("customer-account", request, authenticate.public.customerAccount(request));
  const customer = customerFromSessionToken(sessionToken);
  // Shopify signed the token but names no customer (`sub`): nobody is signed in, or the app has not
  // been granted protected customer data yet. The page says so rather than failing.
  if (!customer) return cors(Response.json({ ok: false, error: "noCustomer" }, { status: 403 }));
  const limited = await withinBodyLimit(request, BODY_LIMITS.customerForm).catch((refused: unknown) => {
    if (refused instanceof Response) return refused;
    throw refused;
  });
  if (limited instanceof Response) return cors(limited);
  const body: unknown = await limited.json().catch(() => null);
  if (!body || typeof body !== "object" || Array.isArray(body))
    return cors(Response.json({ ok: false, error: "invalidInput", fields: [] }, { status: 400 }));
  const values = body as Record<string, unknown>;
  const answer =
    "step" in values
      ? await customerCancellationStep(customer, params.id ?? "", values)
      : await customerAction(customer, params.id ?? "", values);
  if (!answer) return cors(Response.json({ errors: "Not Found" }, { status: 404 }));
  if ("kind" in answer && answer.kind === "invalid")
    return cors(Response.json({ ok: false, error: "invalidInput", fields: ["reason"] }, { status: 422 }));
  return cors(Response.json(answer, { status: "ok" in answer && !answer.ok ? 422 : 200 }));
};
