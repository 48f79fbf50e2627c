import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { loginUrl, proxyRequest } from "../requests/proxy.server";
import { loginRequiredPage } from "../self-service/portal-page";
import { sendSignInLink } from "../self-service/sign-in.server";

const email = z.string().trim().max(254).email();

/**
 * A visitor asks for a sign-in link by email. The answer is the same whether the address has
 * subscriptions here or not, so the page tells no one who subscribes.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const proxy = await proxyRequest(request);
  const form = await formWithin(request, BODY_LIMITS.customerForm);
  const parsed = email.safeParse(form.get("email"));
  if (!parsed.success) return proxy.liquid(loginRequiredPage(proxy, loginUrl(proxy.prefix), { emailInvalid: true }), 422);
  const pageUrl = `https://${proxy.shop}${proxy.prefix}/subscriptions`;
  await sendSignInLink(proxy.shop, parsed.data, pageUrl);
  return proxy.liquid(loginRequiredPage(proxy, loginUrl(proxy.prefix), { sentTo: parsed.data }));
};
