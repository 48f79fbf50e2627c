import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { cancelOffersPage, cancelReasonPage } from "../self-service/portal-page";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { loginUrl, proxyRequest, requireFormToken } from "../requests/proxy.server";
import { customerCancellationStep, customerSubscriptions } from "../self-service/self-service.server";

/**
 * Cancelling, as a retention flow: the reason (GET), then the offers that fit it (POST step=reason),
 * then an offer taken (step=accept) or declined and the subscription cancelled (step=decline).
 */
async function subscriptionOf(request: Request, id: string | undefined) {
  const proxy = await proxyRequest(request);
  if (!proxy.customer) throw redirect(loginUrl(proxy.prefix));
  const subscription = (await customerSubscriptions(proxy.customer)).find((s) => s.id === id && s.actions.includes("cancel"));
  if (!subscription) throw new Response("Not Found", { status: 404 });
  return { proxy, subscription };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { proxy, subscription } = await subscriptionOf(request, params.id);
  return proxy.liquid(cancelReasonPage(proxy, subscription));
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { proxy, subscription } = await subscriptionOf(request, params.id);
  const form = await formWithin(request, BODY_LIMITS.customerForm);
  const customer = requireFormToken(proxy, form);
  const step = await customerCancellationStep(customer, subscription.id, Object.fromEntries(form.entries()));
  if (!step) throw new Response("Not Found", { status: 404 });
  // No reason chosen: the same question again.
  if (step.kind === "invalid") return proxy.liquid(cancelReasonPage(proxy, subscription), 422);
  if (step.kind === "offers") return proxy.liquid(cancelOffersPage(proxy, subscription, step.offers, step.reason, step.reasonText));
  return redirect(proxy.link(step.result.ok ? `/subscriptions?done=${step.done}` : `/subscriptions?error=${step.result.error}`));
};
