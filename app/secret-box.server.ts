import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { signingKey, verifyingKeys } from "./signing-keys.server";

/**
 * Secrets a merchant gives Orchard for another service (a Klaviyo private key), kept encrypted at
 * rest: AES-256-GCM under a key derived for this purpose from the app's secret (signing-keys.server.ts),
 * so a database dump alone reveals nothing. After a rotation of the app's secret the previous one
 * still opens what it sealed; `open` says so, and the caller seals the secret again.
 */
const VERSION = "v1";

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", signingKey("stored-secret"), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, sealed, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The secret, and whether it was sealed with the current key; null for what no key of Orchard's opens. */
export function openSecret(sealed: string): { plain: string; current: boolean } | null {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !data || !tag) return null;
  for (const [index, key] of verifyingKeys("stored-secret").entries()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      return { plain, current: index === 0 };
    } catch {
      // sealed with another key (or tampered with): the next key, if any
    }
  }
  return null;
}
