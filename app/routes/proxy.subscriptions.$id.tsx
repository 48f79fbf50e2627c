import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { proxyRequest, requireFormToken } from "../requests/proxy.server";
import { subscriptionsPage } from "../self-service/portal-page";
import { customerAction, customerSubscriptions } from "../self-service/self-service.server";

/**
 * A change the customer makes from the subscriptions page; back to the page with what happened. An
 * address refused field by field is shown again at once, with the customer's values and a message
 * under each field to correct, and nothing changed.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const proxy = await proxyRequest(request);
  const form = await formWithin(request, BODY_LIMITS.customerForm);
  const customer = requireFormToken(proxy, form);
  const values = Object.fromEntries([...form.entries()].filter(([key]) => key !== "token").map(([key, value]) => [key, String(value)]));
  const result = await customerAction(customer, params.id ?? "", values);
  if (!result) throw new Response("Not Found", { status: 404 });
  // The address form is the one whose typing is worth keeping; a refusal of the others goes back
  // to the page with its message (a page drawn again reads the subscription's choices from Shopify).
  if (!result.ok && result.error === "invalidInput" && values.action === "updateAddress") {
    const refused = { contractId: params.id ?? "", action: values.action ?? "", fields: result.fields, values };
    return proxy.liquid(subscriptionsPage(proxy, await customerSubscriptions(customer), { error: "invalidInput" }, refused), 422);
  }
  return redirect(proxy.link(result.ok ? `/subscriptions?done=${values.action}` : `/subscriptions?error=${result.error}`));
};
