import type { ActionFunctionArgs } from "@remix-run/node";
import { takeFlowAction } from "../flow/flow-actions.server";
import { flowActionRequestOf } from "../flow/flow-actions";
import { signedFlowRequest } from "../requests/flow-request.server";
import { backgroundAdmin } from "../shopify/background.server";
import { findShop } from "../shops/shops.server";

/**
 * Shopify Flow runs one of Orchard's actions (extensions/flow-<action>): the signed request names
 * the shop, the run and the action's properties; the answer is Flow's (app/flow/flow-actions.server.ts).
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const run = flowActionRequestOf(await signedFlowRequest(request));
  if (!run || run.handle !== params.handle) return Response.json({ message: "Not a Flow action request" }, { status: 400 });
  const shop = await findShop(run.shop);
  if (!shop || shop.uninstalledAt) return Response.json({ message: "Orchard is not installed on this shop" }, { status: 404 });
  const answer = await takeFlowAction(backgroundAdmin, run);
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.retryAfterSeconds ? { "Retry-After": String(answer.retryAfterSeconds) } : {},
  });
};
