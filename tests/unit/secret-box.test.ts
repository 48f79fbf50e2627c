import { describe, expect, it, vi } from "vitest";

const secrets: { SHOPIFY_API_SECRET: string; SHOPIFY_API_SECRET_PREVIOUS?: string } = { SHOPIFY_API_SECRET: "first-secret" };
vi.mock("../../app/config.server", () => ({ config: () => secrets }));

const { openSecret, sealSecret } = await import("../../app/secret-box.server");

describe("sealed secrets", () => {
  it("open to what was sealed, and nothing of it shows in the sealed text", () => {
    const sealed = sealSecret("pk_live_0123456789abcdef");
    expect(sealed).not.toContain("0123456789abcdef");
    expect(sealSecret("pk_live_0123456789abcdef")).not.toBe(sealed);
    expect(openSecret(sealed)).toEqual({ plain: "pk_live_0123456789abcdef", current: true });
  });

  it("refuse a sealed text changed by one character, or of another format", () => {
    for (let seal = 0; seal < 50; seal += 1) {
      const [version, iv, data, tag] = sealSecret("pk_live_0123456789abcdef").split(".") as [string, string, string, string];
      // The ciphertext's first character: all six of its bits count (a last one may hold padding bits).
      const changed = `${data[0] === "A" ? "B" : "A"}${data.slice(1)}`;
      expect(openSecret([version, iv, changed, tag].join("."))).toBeNull();
    }
    expect(openSecret("pk_live_0123456789abcdef")).toBeNull();
  });

  it("still open after the app's secret is rotated, saying the secret should be sealed again; not once the old secret is gone", () => {
    const sealed = sealSecret("pk_live_0123456789abcdef");
    secrets.SHOPIFY_API_SECRET_PREVIOUS = secrets.SHOPIFY_API_SECRET;
    secrets.SHOPIFY_API_SECRET = "second-secret";
    expect(openSecret(sealed)).toEqual({ plain: "pk_live_0123456789abcdef", current: false });
    delete secrets.SHOPIFY_API_SECRET_PREVIOUS;
    expect(openSecret(sealed)).toBeNull();
  });
});
