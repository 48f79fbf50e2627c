import type { LoaderFunctionArgs } from "@remix-run/node";
import { shopCatalog } from "../protection/offers.server";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";

/**
 * The checkout extension's protection offers: the shop's catalog, for the shop the checkout
 * session token names. Nothing about the buyer is read or returned.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await refusalsLogged("checkout", request, authenticate.public.checkout(request));
  const shop = String(sessionToken.dest).replace(/^https:\/\//, "");
  return cors(Response.json(await shopCatalog(shop)));
};
