import type { LoaderFunctionArgs } from "@remix-run/node";
import { shopCatalog } from "../protection/offers.server";
import { checkoutRequest } from "../requests/checkout-request.server";

/** The checkout extension's protection offers: the catalog of the shop the checkout session token names. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, cors } = await checkoutRequest(request);
  return cors(Response.json(await shopCatalog(shop)));
};
