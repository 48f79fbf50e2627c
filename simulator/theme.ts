import { createHash } from "node:crypto";
import { loadThemeExtensions, type AppBlock } from "./storefront/theme-extensions";

/**
 * The shop's published theme, the part apps see and touch: the app blocks a merchant placed in the
 * product template's main section, and the app embeds switched on in the theme settings. The
 * storefront renders only those; the Admin API serves them as Shopify serves the theme's files
 * (templates/product.json, config/settings_data.json); the theme editor's deep links add them.
 */
export interface ThemeBlockRecord {
  /** The block's key in the template or the settings ("orchard_subscribe_and_save_4Xk2"). */
  key: string;
  /** shopify://apps/{app handle}/blocks/{block handle}/{extension uuid}, as Shopify writes it. */
  type: string;
  disabled: boolean;
}

export interface ThemeRecord {
  id: number;
  name: string;
  productBlocks: ThemeBlockRecord[];
  embeds: ThemeBlockRecord[];
}

/** Shopify gives every deployed extension a uuid; the simulator derives a stable one from its name. */
function extensionUuid(extension: string): string {
  const hex = createHash("sha1").update(extension).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const appBlockType = (appHandle: string, block: AppBlock) =>
  `shopify://apps/${appHandle}/blocks/${block.handle}/${extensionUuid(block.extension)}`;

/** An entry is the block's when it names the block's handle and extension (the app's handle only labels it). */
const isBlock = (entry: ThemeBlockRecord, block: AppBlock) =>
  entry.type.endsWith(`/blocks/${block.handle}/${extensionUuid(block.extension)}`);

const blockRecord = (appHandle: string, block: AppBlock): ThemeBlockRecord => ({
  key: `${block.handle.replace(/-/g, "_")}_${extensionUuid(block.handle).slice(0, 4)}`,
  type: appBlockType(appHandle, block),
  disabled: false,
});

/**
 * A shop's theme. `withAppBlocks` plays a merchant who has already added every app block to the
 * product page and switched every app embed on; a fresh install has none.
 */
export function newTheme(id: number, appHandle: string, withAppBlocks: boolean): ThemeRecord {
  const blocks = withAppBlocks ? loadThemeExtensions().flatMap((extension) => extension.blocks) : [];
  return {
    id,
    name: "Dawn",
    productBlocks: blocks.filter((b) => b.schema.target === "section").map((b) => blockRecord(appHandle, b)),
    embeds: blocks.filter((b) => b.schema.target === "body").map((b) => blockRecord(appHandle, b)),
  };
}

/** Whether the storefront shows the block: placed (a section block) or switched on (an embed), and not disabled. */
export function blockIsOn(theme: ThemeRecord, block: AppBlock): boolean {
  const list = block.schema.target === "section" ? theme.productBlocks : theme.embeds;
  return list.some((entry) => isBlock(entry, block) && !entry.disabled);
}

/** What the theme editor saves after a deep link: the block added to the product page, or the embed switched on. */
export function addToTheme(theme: ThemeRecord, appHandle: string, block: AppBlock): void {
  const list = block.schema.target === "section" ? theme.productBlocks : theme.embeds;
  const existing = list.find((entry) => isBlock(entry, block));
  if (existing) existing.disabled = false;
  else list.push(blockRecord(appHandle, block));
}

/** The merchant removes a block or switches an embed off in the theme editor. */
export function removeFromTheme(theme: ThemeRecord, block: AppBlock): void {
  if (block.schema.target === "section") theme.productBlocks = theme.productBlocks.filter((entry) => !isBlock(entry, block));
  else for (const entry of theme.embeds.filter((e) => isBlock(e, block))) entry.disabled = true;
}

// Shopify writes this header at the top of every JSON template and settings file it generates.
const GENERATED_HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 *
 * This file may be updated by the Shopify admin theme editor
 * or related systems. Please exercise caution as any changes
 * made to this file may be overwritten.
 * ------------------------------------------------------------
 */
`;

const THEME_BLOCKS = ["title", "price", "variant_picker", "quantity_selector", "buy_buttons", "description"];

/** The theme's files as the Admin API's OnlineStoreTheme.files returns their text. */
export function themeFiles(theme: ThemeRecord): Map<string, string> {
  const entry = (b: ThemeBlockRecord) => [b.key, { type: b.type, ...(b.disabled ? { disabled: true } : {}), settings: {} }];
  const productTemplate = {
    sections: {
      main: {
        type: "main-product",
        blocks: {
          ...Object.fromEntries(THEME_BLOCKS.map((type) => [type, { type, settings: {} }])),
          ...Object.fromEntries(theme.productBlocks.map(entry)),
        },
        block_order: [...THEME_BLOCKS.slice(0, -1), ...theme.productBlocks.map((b) => b.key), THEME_BLOCKS.at(-1)!],
        settings: {},
      },
    },
    order: ["main"],
  };
  const settingsData = { current: { blocks: Object.fromEntries(theme.embeds.map(entry)) }, presets: {} };
  return new Map([
    ["config/settings_data.json", GENERATED_HEADER + JSON.stringify(settingsData, null, 2)],
    ["layout/theme.liquid", "<!doctype html>\n<html>{{ content_for_header }}<body>{{ content_for_layout }}</body></html>\n"],
    ["templates/product.json", GENERATED_HEADER + JSON.stringify(productTemplate, null, 2)],
  ]);
}
