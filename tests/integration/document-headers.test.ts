import { describe, expect, it } from "vitest";
import { adaptHeadersToSimulator } from "../../app/entry.server";
import { addDocumentResponseHeaders } from "../../app/shopify.server";

/**
 * The headers of the app's pages as production sends them (no simulator): only the shop's own admin
 * and Shopify's may frame the app, and App Bridge is preloaded from Shopify's CDN. Against the
 * simulator (tests, the demo) its origin may frame the app too, and nothing is preloaded from a CDN
 * the machine cannot reach.
 */
describe("the app's document headers", () => {
  const shop = "headers-shop.myshopify.com";
  const embedded = () =>
    new Request(`https://orchard.example.com/app?shop=${shop}&embedded=1&host=${Buffer.from(`${shop}/admin`).toString("base64url")}`);

  it("in production: framed by the shop's admin and Shopify's only, App Bridge from Shopify's CDN", () => {
    const headers = new Headers();
    addDocumentResponseHeaders(embedded(), headers);
    adaptHeadersToSimulator(headers, undefined);
    const policy = headers.get("Content-Security-Policy") ?? "";
    expect(policy).toMatch(/frame-ancestors [^;]*https:\/\/headers-shop\.myshopify\.com/);
    expect(policy).toMatch(/frame-ancestors [^;]*https:\/\/admin\.shopify\.com/);
    expect(policy).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(headers.get("Link") ?? "").toContain("https://cdn.shopify.com/shopifycloud/app-bridge.js");
  });

  it("against the simulator: its origin may frame the app as well, and nothing is preloaded from the CDN", () => {
    const headers = new Headers();
    addDocumentResponseHeaders(embedded(), headers);
    adaptHeadersToSimulator(headers, "http://127.0.0.1:4100/some/path");
    expect(headers.get("Content-Security-Policy") ?? "").toMatch(
      /frame-ancestors http:\/\/127\.0\.0\.1:4100 [^;]*https:\/\/admin\.shopify\.com/,
    );
    expect(headers.get("Link")).toBeNull();
  });
});
