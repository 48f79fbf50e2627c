import { isShopDomain } from "../shop-domain";
import { log } from "./log.server";

/** The doors Shopify's signed requests come through; a refusal names the one it was refused at. */
export type SignedEntry = "admin" | "webhook" | "app-proxy" | "customer-account" | "checkout" | "flow";

/** The shop a request says it comes from, unverified (that is why it was refused), if it looks like one. */
function claimedShop(request: Request): string | undefined {
  const url = new URL(request.url);
  const claimed = request.headers.get("x-shopify-shop-domain") ?? url.searchParams.get("shop") ?? "";
  return isShopDomain(claimed) ? claimed : undefined;
}

/**
 * Waits for the library's check of a request's signature (HMAC, session token, app proxy
 * signature) and, when it refuses the request, writes down that it did: where, which shop the
 * request claimed, the status. Never the token, the signature or the body: a log is read by more
 * people than the secret may be.
 */
export async function refusalsLogged<T>(entry: SignedEntry, request: Request, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status >= 400 && thrown.status < 500) {
      log().warn(
        { entry, status: thrown.status, method: request.method, path: new URL(request.url).pathname, claimedShop: claimedShop(request) },
        "signed request refused",
      );
    }
    throw thrown;
  }
}
