import type { ActionFunctionArgs } from "@remix-run/node";
import { recordFlowLifecycle } from "../flow/flow-triggers.server";
import { lifecycleCallbackOf } from "../flow/lifecycle-callback";
import { signedFlowRequest } from "../requests/flow-request.server";
import { findShop } from "../shops/shops.server";

/**
 * Shopify Flow's trigger lifecycle callback (extensions/flow-trigger-lifecycle): a workflow that
 * uses one of Orchard's triggers was turned on or off. Flow lets the merchant turn it on only after
 * a 2xx, so anything Orchard cannot act on is refused: a trigger it does not know, a shop where it
 * is not installed.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const callback = lifecycleCallbackOf(await signedFlowRequest(request));
  if (!callback) return new Response(null, { status: 400 });
  const shop = await findShop(callback.shop);
  if (!shop || shop.uninstalledAt) return new Response(null, { status: 404 });
  return new Response(null, { status: (await recordFlowLifecycle(callback)) ? 200 : 404 });
};
