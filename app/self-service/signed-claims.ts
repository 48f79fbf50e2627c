import { createHmac } from "node:crypto";
import { sameSignature } from "../signatures";

/**
 * A customer's claims, signed by Orchard and carried in a URL: the emailed sign-in link (single
 * use, its nonce recorded) and the session that link opens (stateless, short). Pure: the keys come
 * from the caller. The claims are readable (base64url JSON) but not forgeable, and expire.
 */
export interface CustomerClaims {
  shop: string;
  customerId: string;
  /** Milliseconds since the epoch; refused from this instant on. */
  expiresAt: number;
  /** The sign-in link's nonce (its single use is recorded); absent on a session. */
  nonce?: string;
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest("base64url");

export function signClaims(key: Buffer, claims: CustomerClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(key, body)}`;
}

/** The claims of a token signed with one of `keys`, unexpired at `now`, for `shop`; null otherwise. */
export function readClaims(keys: Buffer[], token: unknown, shop: string, now: Date): CustomerClaims | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length || !keys.some((key) => sameSignature(signature, mac(key, body)))) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as CustomerClaims;
    const valid =
      claims.shop === shop &&
      typeof claims.customerId === "string" &&
      /^gid:\/\/shopify\/Customer\/\d+$/.test(claims.customerId) &&
      typeof claims.expiresAt === "number" &&
      claims.expiresAt > now.getTime();
    return valid ? claims : null;
  } catch {
    return null;
  }
}
