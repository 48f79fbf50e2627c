import { describe, expect, it } from "vitest";
import { parseConfig } from "../../app/config.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://orchard.example.com",
  SCOPES: "read_products",
};

describe("configuration checked at boot", () => {
  it("accepts a complete environment and fills the defaults", () => {
    const config = parseConfig(valid);
    expect(config.DATABASE_URL).toBe("file:./.data/orchard.db");
    expect(config.ORCHARD_RUN_WORKERS).toBe("inline");
  });

  it("names every bad variable in its message", () => {
    expect(() => parseConfig({ ...valid, SHOPIFY_API_SECRET: "", SHOPIFY_APP_URL: "orchard" })).toThrow(
      /SHOPIFY_API_SECRET: is required[\s\S]*SHOPIFY_APP_URL: must be the app's public URL/,
    );
  });

  it("refuses a database URL it cannot use", () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: "mysql://localhost/orchard" })).toThrow(/DATABASE_URL: must start with file:/);
  });

  it("requires a mail server in production, where subscribers' emails must go out", () => {
    expect(() => parseConfig({ ...valid, NODE_ENV: "production" })).toThrow(/SMTP_URL: is required in production/);
    expect(parseConfig({ ...valid, NODE_ENV: "production", SMTP_URL: "smtp://user:pass@mail.example:587" }).SMTP_URL).toBe(
      "smtp://user:pass@mail.example:587",
    );
  });

  it("accepts the previous app secret during a rotation, and no empty one", () => {
    expect(parseConfig({ ...valid, SHOPIFY_API_SECRET_PREVIOUS: "old" }).SHOPIFY_API_SECRET_PREVIOUS).toBe("old");
    expect(() => parseConfig({ ...valid, SHOPIFY_API_SECRET_PREVIOUS: "" })).toThrow(/SHOPIFY_API_SECRET_PREVIOUS/);
  });

  it("refuses to talk to the simulator in production", () => {
    expect(() => parseConfig({ ...valid, NODE_ENV: "production", SHOPIFY_SIMULATOR_URL: "http://127.0.0.1:4100" })).toThrow(
      /SHOPIFY_SIMULATOR_URL: must not be set in production/,
    );
  });
});
