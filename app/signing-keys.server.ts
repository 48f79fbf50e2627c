import { hkdfSync } from "node:crypto";
import { config } from "./config.server";

/**
 * Keys for what Orchard signs itself (and seals: secret-box.server.ts), each derived for one purpose (HKDF-SHA256) from the app's
 * secret: a token made for one purpose never verifies for another, and the secret Shopify signs
 * its requests with never signs anything customers see. After a rotation of the app's secret
 * (docs/operations.md), the previous one (SHOPIFY_API_SECRET_PREVIOUS) still verifies what was
 * signed before, until it is removed; new signatures always use the current one.
 */
export type SigningPurpose = "portal-form" | "reminder-link" | "portal-sign-in" | "portal-session" | "stored-secret";

function derive(secret: string, purpose: SigningPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "orchard", `orchard:${purpose}:v1`, 32));
}

/** The key new signatures of this purpose are made with. */
export function signingKey(purpose: SigningPurpose): Buffer {
  return derive(config().SHOPIFY_API_SECRET, purpose);
}

/** The keys a signature of this purpose may have been made with: the current one first. */
export function verifyingKeys(purpose: SigningPurpose): Buffer[] {
  const { SHOPIFY_API_SECRET, SHOPIFY_API_SECRET_PREVIOUS } = config();
  return [SHOPIFY_API_SECRET, ...(SHOPIFY_API_SECRET_PREVIOUS ? [SHOPIFY_API_SECRET_PREVIOUS] : [])].map((secret) =>
    derive(secret, purpose),
  );
}
