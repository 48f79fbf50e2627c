import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { proxyRequest, requireFormToken } from "../requests/proxy.server";
import { customerAction } from "../self-service/self-service.server";

/** A change the customer makes from the subscriptions page; back to the page with what happened. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const proxy = await proxyRequest(request);
  const form = await formWithin(request, BODY_LIMITS.customerForm);
  const customer = requireFormToken(proxy, form);
  const values = Object.fromEntries([...form.entries()].filter(([key]) => key !== "token"));
  const result = await customerAction(customer, params.id ?? "", values);
  if (!result) throw new Response("Not Found", { status: 404 });
  const list = `${proxy.prefix}/subscriptions`;
  return redirect(result.ok ? `${list}?done=${String(values.action)}` : `${list}?error=${result.error}`);
};
