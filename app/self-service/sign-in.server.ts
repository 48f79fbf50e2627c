import { randomUUID } from "node:crypto";
import { clock } from "../clock";
import { db } from "../db.server";
import { enqueueEmail } from "../email/outbox.server";
import { signingKey, verifyingKeys } from "../signing-keys.server";
import { findShop } from "../shops/shops.server";
import { readClaims, signClaims } from "./signed-claims";
import type { Customer } from "./self-service.server";

/**
 * Signing in to the storefront's subscriptions page by emailed link, for stores on classic customer
 * accounts where a customer may have no password. The link is signed, bound to the shop and the
 * customer, works once and for LINK_MINUTES; it opens a session of SESSION_HOURS, carried in the
 * page's own URLs (Shopify's app proxy passes no cookies to the app). Asking for a link answers
 * the same whether the address has subscriptions or not.
 */
const LINK_MINUTES = 30;
const SESSION_HOURS = 2;
/** Links sent to one customer in an hour at most: enough for a lost email, not a mail bomb. */
const LINKS_PER_HOUR = 3;

export async function sendSignInLink(shop: string, email: string, pageUrl: string): Promise<void> {
  const contract = await db().subscriptionContract.findFirst({
    where: { shop, customerEmail: email.toLowerCase(), customerId: { not: null } },
    select: { customerId: true, customerLocale: true },
  });
  if (!contract?.customerId) return;
  const now = clock().now();
  const recent = await db().portalSignIn.count({
    where: { shop, customerId: contract.customerId, createdAt: { gte: new Date(now.getTime() - 3_600_000) } },
  });
  if (recent >= LINKS_PER_HOUR) return;
  const nonce = randomUUID();
  const expiresAt = new Date(now.getTime() + LINK_MINUTES * 60_000);
  const token = signClaims(signingKey("portal-sign-in"), { shop, customerId: contract.customerId, expiresAt: expiresAt.getTime(), nonce });
  const shopName = (await findShop(shop))?.name ?? shop;
  await db().$transaction(async (tx) => {
    await tx.portalSignIn.create({ data: { id: nonce, shop, customerId: contract.customerId!, expiresAt, createdAt: now } });
    await enqueueEmail(tx, {
      shop,
      kind: "signInLink",
      dedupeKey: `signInLink:${nonce}`,
      recipient: email.toLowerCase(),
      locale: contract.customerLocale ?? "en",
      data: { shopName, url: `${pageUrl}?access=${encodeURIComponent(token)}`, minutes: LINK_MINUTES },
    });
  });
}

/** The session a sign-in link opens, once: null for a forged, expired, used or other shop's link. */
export async function openSession(shop: string, access: unknown): Promise<string | null> {
  const now = clock().now();
  const claims = readClaims(verifyingKeys("portal-sign-in"), access, shop, now);
  if (!claims?.nonce) return null;
  const used = await db().portalSignIn.updateMany({
    where: { id: claims.nonce, shop, customerId: claims.customerId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  return signClaims(signingKey("portal-session"), {
    shop,
    customerId: claims.customerId,
    expiresAt: now.getTime() + SESSION_HOURS * 3_600_000,
  });
}

/** The customer a session names, in the shop it was opened for, while it lasts. */
export function customerFromSession(shop: string, session: unknown): Customer | null {
  const claims = readClaims(verifyingKeys("portal-session"), session, shop, clock().now());
  return claims && !claims.nonce ? { shop, customerId: claims.customerId } : null;
}
