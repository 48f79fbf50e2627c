import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";
import { customerFromSessionToken, customerSubscriptions } from "../self-service/self-service.server";

/**
 * The customer account extension's "Subscriptions" page reads the signed-in customer's
 * subscriptions here, authenticated by the customer account session token.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await refusalsLogged("customer-account", request, authenticate.public.customerAccount(request));
  const customer = customerFromSessionToken(sessionToken);
  // Shopify signed the token but names no customer (`sub`): nobody is signed in, or the app has not
  // been granted protected customer data yet. The page says so rather than failing.
  if (!customer) return cors(Response.json({ ok: false, error: "noCustomer" }, { status: 403 }));
  return cors(Response.json({ subscriptions: await customerSubscriptions(customer) }));
};
