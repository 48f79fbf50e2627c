import { createHmac } from "node:crypto";
import { sameSignature } from "../signatures";

/**
 * The links in a reminder email. Each goes through Orchard first (to record the click), carries a
 * signature over the reminder and the link's purpose made with a key of its own, and so cannot be
 * pointed at another customer's reminder: no login is needed and none can be forged.
 */
export const LINK_PURPOSES = ["reorder", "subscribe", "unsubscribe"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** The cart attribute that ties an order to the reminder whose link started it. */
export const ATTRIBUTION_ATTRIBUTE = "_orchard_reminder";

/** A key for reminder links (signing-keys.server.ts derives it; tests pass their own). */
type LinkKey = string | Buffer;

export function signLink(key: LinkKey, reminderId: string, purpose: LinkPurpose): string {
  return createHmac("sha256", key).update(`reminder-link:${purpose}:${reminderId}`).digest("base64url");
}

/** Whether the signature was made by one of the keys (the current one, or the one before a rotation). */
export function verifyLink(keys: readonly LinkKey[], reminderId: string, purpose: string, signature: string): purpose is LinkPurpose {
  if (!LINK_PURPOSES.includes(purpose as LinkPurpose)) return false;
  return keys.some((key) => sameSignature(signature, signLink(key, reminderId, purpose as LinkPurpose)));
}

export function reminderLink(appUrl: string, key: LinkKey, reminderId: string, purpose: LinkPurpose): string {
  const url = new URL(`/reminders/${encodeURIComponent(reminderId)}/${purpose}`, appUrl);
  url.searchParams.set("sig", signLink(key, reminderId, purpose));
  return url.toString();
}

/**
 * Shopify's cart permalink: a new cart with the variant and quantity, the discount applied, and
 * the reminder as a cart attribute so the order names it. Selling plans cannot ride on a
 * permalink, hence the separate subscribe link.
 */
export function reorderPermalink(
  storefrontUrl: string,
  reorder: { variantId: string; quantity: number; discountCode: string | null; reminderId: string },
): string {
  const variant = numericId(reorder.variantId);
  const url = new URL(`cart/${variant}:${reorder.quantity}`, withSlash(storefrontUrl));
  if (reorder.discountCode) url.searchParams.set("discount", reorder.discountCode);
  url.searchParams.set(`attributes[${ATTRIBUTION_ATTRIBUTE}]`, reorder.reminderId);
  url.searchParams.set("ref", "orchard-reminder");
  return url.toString();
}

/** The product page with the variant and the selling plan chosen: the theme preselects both. */
export function subscribePage(storefrontUrl: string, product: { handle: string; variantId: string; sellingPlanId: string }): string {
  const url = new URL(`products/${encodeURIComponent(product.handle)}`, withSlash(storefrontUrl));
  url.searchParams.set("variant", numericId(product.variantId));
  url.searchParams.set("selling_plan", numericId(product.sellingPlanId));
  return url.toString();
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

function numericId(gid: string): string {
  const id = /(\d+)$/.exec(gid)?.[1];
  if (!id) throw new Error(`not a Shopify id: ${gid}`);
  return id;
}
