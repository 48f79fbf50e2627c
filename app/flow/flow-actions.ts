import { isShopDomain } from "../shop-domain";

/**
 * Orchard's Shopify Flow actions (docs/flow.md): what a merchant's workflow may do to a
 * subscription, each declared by an extension of its own (extensions/flow-<name>) whose fields a
 * unit test holds to FLOW_ACTIONS. Flow posts the action's properties under the fields' keys; each
 * is checked here before anything is done. Pure.
 */
export const FLOW_ACTIONS = {
  "pause-subscription": {
    name: "Pause subscription",
    fields: { "subscription contract id": "single_line_text_field", "pause months": "number_integer" },
  },
  "skip-next-order": { name: "Skip next subscription order", fields: { "subscription contract id": "single_line_text_field" } },
  "add-one-time-product": {
    name: "Add one time product to next order",
    fields: {
      "subscription contract id": "single_line_text_field",
      "product variant id": "single_line_text_field",
      quantity: "number_integer",
    },
  },
  "discount-next-order": {
    name: "Discount next subscription order",
    fields: { "subscription contract id": "single_line_text_field", "percent off": "number_integer" },
  },
} as const satisfies Record<string, { name: string; fields: Record<string, "single_line_text_field" | "number_integer"> }>;

export type FlowActionHandle = keyof typeof FLOW_ACTIONS;

export type FlowActionInput =
  | { kind: "pause"; contractId: string; months: number }
  | { kind: "skip"; contractId: string }
  | { kind: "addOneTime"; contractId: string; variantId: string; quantity: number }
  | { kind: "discount"; contractId: string; percent: number };

/** Shopify's gid of a resource from what a merchant types or a workflow passes: the gid or its number. */
function gidOf(resource: string, value: unknown): string | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (/^\d{1,20}$/.test(text)) return `gid://shopify/${resource}/${text}`;
  return new RegExp(`^gid://shopify/${resource}/\\d{1,20}$`).test(text) ? text : null;
}

/** A whole number within bounds, as Flow sends a number_integer field (or its text). */
function wholeNumber(value: unknown, min: number, max: number): number | null {
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** The action's input, or the message Flow shows the merchant in the workflow's run. */
export function flowActionInput(handle: string, properties: Record<string, unknown>): { input: FlowActionInput } | { error: string } {
  const contractId = gidOf("SubscriptionContract", properties["subscription contract id"]);
  if (!Object.hasOwn(FLOW_ACTIONS, handle)) return { error: `Unknown action: ${handle}` };
  if (!contractId) return { error: "subscription contract id must be a subscription contract's ID (gid://shopify/SubscriptionContract/…)" };
  switch (handle as FlowActionHandle) {
    case "pause-subscription": {
      const months = wholeNumber(properties["pause months"], 1, 12);
      return months === null
        ? { error: "pause months must be a whole number from 1 to 12" }
        : { input: { kind: "pause", contractId, months } };
    }
    case "skip-next-order":
      return { input: { kind: "skip", contractId } };
    case "add-one-time-product": {
      const variantId = gidOf("ProductVariant", properties["product variant id"]);
      const quantity = wholeNumber(properties.quantity, 1, 100);
      if (!variantId) return { error: "product variant id must be a product variant's ID (gid://shopify/ProductVariant/…)" };
      if (quantity === null) return { error: "quantity must be a whole number from 1 to 100" };
      return { input: { kind: "addOneTime", contractId, variantId, quantity } };
    }
    case "discount-next-order": {
      const percent = wholeNumber(properties["percent off"], 1, 100);
      return percent === null
        ? { error: "percent off must be a whole number from 1 to 100" }
        : { input: { kind: "discount", contractId, percent } };
    }
  }
}

/** What Flow posts to an action's runtime URL, as Shopify documents it; null for anything else. */
export interface FlowActionRequest {
  shop: string;
  actionRunId: string;
  handle: string;
  properties: Record<string, unknown>;
}

export function flowActionRequestOf(body: Record<string, unknown>): FlowActionRequest | null {
  const { shopify_domain: shop, action_run_id: actionRunId, handle, properties } = body;
  if (!isShopDomain(shop)) return null;
  if (typeof actionRunId !== "string" || actionRunId === "" || actionRunId.length > 200 || typeof handle !== "string") return null;
  if (typeof properties !== "object" || properties === null || Array.isArray(properties)) return null;
  return { shop, actionRunId, handle, properties: properties as Record<string, unknown> };
}
