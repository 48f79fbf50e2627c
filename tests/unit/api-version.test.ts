import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApiVersion } from "@shopify/shopify-api";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { readAppConfig } from "../../simulator/app-config";

describe("one Admin API version everywhere", () => {
  it("is a stable version the library knows", () => {
    expect(ADMIN_API_VERSION).not.toBe("unstable");
    expect(Object.values(ApiVersion)).toContain(ADMIN_API_VERSION);
  });

  it("is the version shopify.app.toml subscribes webhooks with", () => {
    expect(readAppConfig("shopify.app.toml").webhookApiVersion).toBe(ADMIN_API_VERSION);
  });

  it("is not written anywhere else in app/", () => {
    const hits = execSync(`grep -rlE '20[0-9]{2}-(01|04|07|10)' app --include=*.ts --include=*.tsx || true`, { encoding: "utf8" })
      .split("\n")
      .filter((path) => path && !path.startsWith("app/types/") && path !== "app/shopify/api-version.ts")
      .filter((path) => /["'`]20\d{2}-(01|04|07|10)["'`]/.test(readFileSync(path, "utf8")));
    expect(hits).toEqual([]);
  });
});
