import { describe, expect, it } from "vitest";
import { addBlockLink, APP_HANDLE, settingsHaveAppEmbed, templateHasAppBlock } from "../../../app/onboarding/theme-blocks";
import { readAppConfig } from "../../../simulator/app-config";

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

  it("links to the theme editor with the block ready to add to the product page's main section", () => {
    const link = new URL(addBlockLink("api-key", "subscribe-and-save"));
    expect(link.protocol).toBe("shopify:");
    expect(`${link.host}${link.pathname}`).toBe("admin/themes/current/editor");
    expect(Object.fromEntries(link.searchParams)).toEqual({
      template: "product",
      addAppBlockId: "api-key/subscribe-and-save",
      target: "mainSection",
    });
  });
});
