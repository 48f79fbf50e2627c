import { redirect } from "@remix-run/node";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";
import { customerFromProxy, formToken, formTokenValid, type Customer } from "../self-service/self-service.server";
import { customerFromSession } from "../self-service/sign-in.server";

/**
 * Every request through the app proxy (the storefront's /apps/orchard/… pages): the library checks
 * Shopify's signature (400 otherwise); the customer is the one Shopify says is logged in.
 */
export interface ProxyRequest {
  shop: string;
  customer: Customer | null;
  locale: string;
  /** Where Shopify mounts the proxy on the shop's domain, for links and form actions. */
  prefix: string;
  token: string;
  /** A path under the prefix, carrying the sign-in session when the customer came by emailed link. */
  link: (path: string) => string;
  liquid: (body: string, status?: number) => Response;
}

const PREFIX = /^\/(apps|a|community|tools)\/[a-z0-9-]{1,60}$/;

export async function proxyRequest(request: Request): Promise<ProxyRequest> {
  const { liquid, session } = await refusalsLogged("app-proxy", request, authenticate.public.appProxy(request));
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  // Orchard can do nothing for a shop it is not installed on (no offline token).
  if (!session) throw new Response("Not Found", { status: 404 });
  // Logged in to the store, Shopify says who; otherwise a session an emailed sign-in link opened,
  // carried in the page's URLs (the proxy passes the app no cookies).
  const loggedIn = customerFromProxy(shop, url.searchParams.get("logged_in_customer_id"));
  const signInSession = loggedIn ? null : url.searchParams.get("session");
  const customer = loggedIn ?? (signInSession ? customerFromSession(shop, signInSession) : null);
  const carried = customer && signInSession ? `session=${encodeURIComponent(signInSession)}` : "";
  const mountedAt = url.searchParams.get("path_prefix") ?? "";
  const prefix = PREFIX.test(mountedAt) ? mountedAt : "/apps/orchard";
  const language = (request.headers.get("accept-language") ?? "en").split(",")[0]!.trim();
  return {
    shop,
    customer,
    locale: language,
    prefix,
    token: customer ? formToken(customer) : "",
    link: (path) => `${prefix}${path}${carried ? `${path.includes("?") ? "&" : "?"}${carried}` : ""}`,
    liquid: (body, status = 200) => liquid(body, { status }),
  };
}

/** The store's own login page, coming back to the subscriptions page. */
export const loginUrl = (prefix: string) => `/account/login?return_url=${encodeURIComponent(`${prefix}/subscriptions`)}`;

/** A POST from the page must come from the page: the customer's form token, or back to the list. */
export function requireFormToken(proxy: ProxyRequest, form: FormData): Customer {
  if (!proxy.customer) throw redirect(loginUrl(proxy.prefix));
  if (!formTokenValid(proxy.customer, form.get("token"))) throw redirect(proxy.link("/subscriptions?error=expired"));
  return proxy.customer;
}
