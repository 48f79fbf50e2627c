import type { LoaderFunctionArgs } from "@remix-run/node";
import { subscriptionOfferOpen } from "../app-billing/app-billing.server";
import { checkoutRequest } from "../requests/checkout-request.server";

/**
 * Whether the checkout extension may offer subscribe-and-save: false while the shop the checkout
 * session token names is at its plan's subscriber limit, as the storefront block is told.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, cors } = await checkoutRequest(request);
  return cors(Response.json({ open: await subscriptionOfferOpen(shop) }));
};
