import type { LoaderFunctionArgs } from "@remix-run/node";
import { loginRequiredPage, subscriptionsPage } from "../self-service/portal-page";
import { proxyRequest } from "../requests/proxy.server";
import { customerSubscriptions } from "../self-service/self-service.server";

/** The storefront's "Your subscriptions" page (app proxy: /apps/orchard/subscriptions). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const proxy = await proxyRequest(request);
  if (!proxy.customer) {
    return proxy.liquid(
      loginRequiredPage(proxy.locale, `/account/login?return_url=${encodeURIComponent(`${proxy.prefix}/subscriptions`)}`),
    );
  }
  const url = new URL(request.url);
  const subscriptions = await customerSubscriptions(proxy.customer);
  return proxy.liquid(
    subscriptionsPage(proxy, subscriptions, { done: url.searchParams.get("done"), error: url.searchParams.get("error") }),
  );
};
