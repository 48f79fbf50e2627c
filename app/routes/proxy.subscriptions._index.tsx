import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { loginRequiredPage, subscriptionsPage } from "../self-service/portal-page";
import { loginUrl, proxyRequest } from "../requests/proxy.server";
import { customerSubscriptions } from "../self-service/self-service.server";
import { openSession } from "../self-service/sign-in.server";

/**
 * The storefront's "Your subscriptions" page (app proxy: /apps/orchard/subscriptions). An emailed
 * sign-in link arrives here with `access`: used once, it opens a session and leaves the link's
 * token out of the address the customer goes on from.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const proxy = await proxyRequest(request);
  const url = new URL(request.url);
  const access = url.searchParams.get("access");
  if (access && !proxy.customer) {
    const session = await openSession(proxy.shop, access);
    if (session) throw redirect(`${proxy.prefix}/subscriptions?session=${encodeURIComponent(session)}`);
  }
  if (!proxy.customer) {
    return proxy.liquid(loginRequiredPage(proxy, loginUrl(proxy.prefix), { linkInvalid: access !== null }));
  }
  const subscriptions = await customerSubscriptions(proxy.customer);
  return proxy.liquid(
    subscriptionsPage(proxy, subscriptions, { done: url.searchParams.get("done"), error: url.searchParams.get("error") }),
  );
};
