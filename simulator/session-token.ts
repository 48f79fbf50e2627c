import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** App Bridge session tokens: HS256 JWTs signed with the app's secret, as Shopify admin issues them. */
export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  /** The staff member (admin) or the customer (customer accounts; absent when nobody is signed in). */
  sub?: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
}

const b64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export function signSessionToken(claims: SessionTokenClaims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${signature}`;
}

/** A minute's validity from now, with the unique ids every Shopify session token carries. */
function lifetime(nowSeconds: number) {
  return { exp: nowSeconds + 60, nbf: nowSeconds - 5, iat: nowSeconds, jti: randomUUID(), sid: randomUUID() };
}

export function issueSessionToken(opts: { shop: string; apiKey: string; secret: string; userId: number; nowSeconds: number }): string {
  return signSessionToken(
    {
      iss: `https://${opts.shop}/admin`,
      dest: `https://${opts.shop}`,
      aud: opts.apiKey,
      sub: String(opts.userId),
      ...lifetime(opts.nowSeconds),
    },
    opts.secret,
  );
}

/**
 * The session token a customer account UI extension gets from `shopify.sessionToken.get()`: the
 * shop's domain as `dest`, and the signed-in customer's gid as `sub` (absent when nobody is).
 */
export function issueCustomerAccountToken(opts: {
  shop: string;
  apiKey: string;
  secret: string;
  customerId: number | null;
  nowSeconds: number;
}): string {
  const claims = { iss: `https://${opts.shop}`, dest: opts.shop, aud: opts.apiKey, ...lifetime(opts.nowSeconds) };
  return signSessionToken(opts.customerId ? { ...claims, sub: `gid://shopify/Customer/${opts.customerId}` } : claims, opts.secret);
}

/** Checks signature, audience and time window; returns the claims or null. */
export function verifySessionToken(token: string, secret: string, apiKey: string, nowSeconds: number): SessionTokenClaims | null {
  const [head, body, signature] = token.split(".");
  if (!head || !body || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as SessionTokenClaims;
    if (claims.aud !== apiKey) return null;
    if (claims.exp < nowSeconds - 5 || claims.nbf > nowSeconds + 5) return null;
    return claims;
  } catch {
    return null;
  }
}
