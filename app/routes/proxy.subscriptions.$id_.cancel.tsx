import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { cancelOffersPage, cancelReasonPage } from "../self-service/portal-page";
import { proxyRequest, requireFormToken } from "../self-service/proxy.server";
import { customerFinishCancellation, customerStartCancellation, customerSubscriptions } from "../self-service/self-service.server";
import { cancellationInput } from "../subscriptions/contract-actions";

/**
 * Cancelling, as a retention flow: the reason (GET), then the offers that fit it (POST step=reason),
 * then an offer taken (step=accept) or declined and the subscription cancelled (step=decline).
 */
async function subscriptionOf(request: Request, id: string | undefined) {
  const proxy = await proxyRequest(request);
  if (!proxy.customer) throw redirect(`/account/login?return_url=${encodeURIComponent(`${proxy.prefix}/subscriptions`)}`);
  const subscription = (await customerSubscriptions(proxy.customer)).find((s) => s.id === id && s.actions.includes("cancel"));
  if (!subscription) throw new Response("Not Found", { status: 404 });
  return { proxy, subscription };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { proxy, subscription } = await subscriptionOf(request, params.id);
  return proxy.liquid(cancelReasonPage(proxy, subscription));
};

const step = z.discriminatedUnion("step", [
  z.object({ step: z.literal("reason") }),
  z.object({
    step: z.literal("accept"),
    offer: z.enum(["pause", "skip", "frequency", "discount"]),
    sellingPlanId: z.string().max(200).optional(),
  }),
  z.object({ step: z.literal("decline") }),
]);

const doneFor = { pause: "pause", skip: "skip", frequency: "changeFrequency", discount: "discount" } as const;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { proxy, subscription } = await subscriptionOf(request, params.id);
  const form = await request.formData();
  const customer = requireFormToken(proxy, form);
  const values = Object.fromEntries(form.entries());
  const parsedStep = step.safeParse(values);
  const reason = cancellationInput.safeParse({ reason: values.reason, reasonText: values.reasonText || undefined });
  // No reason chosen: the same question again.
  if (!parsedStep.success || !reason.success) return proxy.liquid(cancelReasonPage(proxy, subscription), 422);
  const { reason: why, reasonText } = reason.data;
  const list = `${proxy.prefix}/subscriptions`;

  if (parsedStep.data.step === "reason") {
    const offers = (await customerStartCancellation(customer, subscription.id, why, reasonText)) ?? [];
    return proxy.liquid(cancelOffersPage(proxy, subscription, offers, why, reasonText ?? ""));
  }
  const choice =
    parsedStep.data.step === "decline"
      ? ({ decline: true } as const)
      : { accept: parsedStep.data.offer, sellingPlanId: parsedStep.data.sellingPlanId };
  const result = await customerFinishCancellation(customer, subscription.id, choice, why, reasonText);
  if (!result) throw new Response("Not Found", { status: 404 });
  if (!result.ok) return redirect(`${list}?error=${result.error}`);
  return redirect(`${list}?done=${"decline" in choice ? "cancel" : doneFor[choice.accept]}`);
};
