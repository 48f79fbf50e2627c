import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";

/**
 * A request from Orchard's checkout extension: signed by Shopify with the checkout session token,
 * which names the shop (its `dest`) and nothing about the buyer. Unsigned requests are refused and logged.
 */
export async function checkoutRequest(request: Request): Promise<{ shop: string; cors: (response: Response) => Response }> {
  const { sessionToken, cors } = await refusalsLogged("checkout", request, authenticate.public.checkout(request));
  return { shop: String(sessionToken.dest).replace(/^https:\/\//, ""), cors };
}
