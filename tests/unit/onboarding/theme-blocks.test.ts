import { describe, expect, it } from "vitest";
import {
  APP_HANDLE,
  blocksOnTheme,
  ORCHARD_THEME_BLOCKS,
  settingsHaveAppEmbed,
  templateHasAppBlock,
  themeEditorLink,
} from "../../../app/onboarding/theme-blocks";
import { readAppConfig } from "../../../simulator/app-config";
import { loadThemeExtensions } from "../../../simulator/storefront/theme-extensions";

const header = "/*\n * IMPORTANT: The contents of this file are auto-generated.\n */\n";
const block = (handle: string, extra: Record<string, unknown> = {}, app = APP_HANDLE) => ({
  type: `shopify://apps/${app}/blocks/${handle}/0b5d7d8e-4c1f-4f2a-9c51-3b7e5a0e9f11`,
  settings: {},
  ...extra,
});
const template = (blocks: Record<string, unknown>, sectionExtra: Record<string, unknown> = {}) =>
  header +
  JSON.stringify({
    sections: { main: { type: "main-product", blocks: { title: { type: "title" }, ...blocks }, ...sectionExtra } },
    order: ["main"],
  });

describe("Orchard's blocks on the published theme", () => {
  it("names the app by the handle shopify.app.toml gives it", () => {
    expect(readAppConfig("shopify.app.toml").handle).toBe(APP_HANDLE);
  });

  it("finds the app block in a product template, past Shopify's generated header", () => {
    expect(templateHasAppBlock(template({ x: block("subscribe-and-save") }), "subscribe-and-save")).toBe(true);
  });

  it("does not count a disabled block, a disabled section, another block or another app's block of the same name", () => {
    expect(templateHasAppBlock(template({ x: block("subscribe-and-save", { disabled: true }) }), "subscribe-and-save")).toBe(false);
    expect(templateHasAppBlock(template({ x: block("subscribe-and-save") }, { disabled: true }), "subscribe-and-save")).toBe(false);
    expect(templateHasAppBlock(template({ x: block("protection-offer") }), "subscribe-and-save")).toBe(false);
    expect(templateHasAppBlock(template({ x: block("subscribe-and-save", {}, "another-app") }), "subscribe-and-save")).toBe(false);
  });

  it("finds an app block nested in theme blocks, as Horizon's product details hold it, unless what holds it is disabled", () => {
    const nested = (holderExtra: Record<string, unknown> = {}) =>
      template({
        "product-details": { type: "_product-details", static: true, blocks: { x: block("subscribe-and-save") }, ...holderExtra },
      });
    expect(templateHasAppBlock(nested(), "subscribe-and-save")).toBe(true);
    expect(templateHasAppBlock(nested({ disabled: true }), "subscribe-and-save")).toBe(false);
  });
  it("answers no for a file that is not JSON rather than failing", () => {
    expect(templateHasAppBlock("{{ not json", "subscribe-and-save")).toBe(false);
    expect(settingsHaveAppEmbed("", "protection-cart")).toBe(false);
  });

  it("finds an app embed switched on in the current settings, or in the preset they name", () => {
    const on = { blocks: { e: block("protection-cart", { disabled: false }) } };
    expect(settingsHaveAppEmbed(header + JSON.stringify({ current: on }), "protection-cart")).toBe(true);
    expect(settingsHaveAppEmbed(JSON.stringify({ current: "Default", presets: { Default: on } }), "protection-cart")).toBe(true);
    const off = { blocks: { e: block("protection-cart", { disabled: true }) } };
    expect(settingsHaveAppEmbed(JSON.stringify({ current: off }), "protection-cart")).toBe(false);
  });

  it("tells Orchard's blocks from its embeds as the theme extension declares them", () => {
    const declared = loadThemeExtensions().flatMap((extension) => extension.blocks);
    expect(Object.fromEntries(declared.map((b) => [b.handle, b.schema.target === "body" ? "embed" : "block"]))).toEqual(
      ORCHARD_THEME_BLOCKS,
    );
  });

  it("reads each block from the product template and each embed from the settings", () => {
    const settings = JSON.stringify({ current: { blocks: { e: block("protection-cart") } } });
    expect(blocksOnTheme(template({ x: block("subscribe-and-save") }), settings)).toEqual({
      "subscribe-and-save": true,
      "protection-offer": false,
      "protection-cart": true,
      "account-link": false,
    });
    // An embed's handle in the template is not the embed switched on.
    expect(blocksOnTheme(template({ x: block("protection-cart") }), "")["protection-cart"]).toBe(false);
  });

  it("links to the theme editor with a block ready to add to the product page's main section", () => {
    const link = new URL(themeEditorLink("api-key", "subscribe-and-save"));
    expect(link.protocol).toBe("shopify:");
    expect(`${link.host}${link.pathname}`).toBe("admin/themes/current/editor");
    expect(Object.fromEntries(link.searchParams)).toEqual({
      template: "product",
      addAppBlockId: "api-key/subscribe-and-save",
      target: "mainSection",
    });
  });

  it("links to the theme editor's app embeds with an embed ready to switch on", () => {
    const link = new URL(themeEditorLink("api-key", "protection-cart"));
    expect(Object.fromEntries(link.searchParams)).toEqual({
      context: "apps",
      template: "product",
      activateAppId: "api-key/protection-cart",
    });
  });
});
