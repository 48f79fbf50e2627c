import { isShopDomain } from "../shop-domain";

/** What Flow's lifecycle callback says: whether a workflow of the shop that uses the trigger is on. */
export interface FlowLifecycleCallback {
  shop: string;
  triggerId: string;
  enabled: boolean;
  at: Date;
}

/**
 * Flow's trigger lifecycle callback, as Shopify documents it: `flow_trigger_definition_id`,
 * `has_enabled_flow`, `shop_id`, `shopify_domain`, `timestamp` (ISO 8601). Null for a body that is
 * not one; fields Flow may add later are ignored. Pure.
 */
export function lifecycleCallbackOf(body: Record<string, unknown>): FlowLifecycleCallback | null {
  const { flow_trigger_definition_id: triggerId, has_enabled_flow: enabled, shopify_domain: shop, timestamp } = body;
  if (typeof triggerId !== "string" || triggerId === "" || typeof enabled !== "boolean") return null;
  if (!isShopDomain(shop) || typeof timestamp !== "string") return null;
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return null;
  return { shop, triggerId, enabled, at };
}
