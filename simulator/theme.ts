import { createHash } from "node:crypto";
import { loadThemeExtensions, type AppBlock } from "./storefront/theme-extensions";
import type { JsonTemplate, SectionSchema, TemplateBlock, ThemeSource } from "./storefront/theme/theme-source";

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
  /** The theme's name in the admin ("Dawn"). */
  name: string;
  /** The theme folder the storefront renders (dawn, horizon; docs/simulator.md). */
  folder: string;
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

/** An entry is the block's when its type names the block's handle and extension (the app's handle only labels it). */
export const typeNamesBlock = (type: string, block: AppBlock) => type.endsWith(`/blocks/${block.handle}/${extensionUuid(block.extension)}`);
const isBlock = (entry: ThemeBlockRecord, block: AppBlock) => typeNamesBlock(entry.type, block);

const blockRecord = (appHandle: string, block: AppBlock): ThemeBlockRecord => ({
  key: `${block.handle.replace(/-/g, "_")}_${extensionUuid(block.handle).slice(0, 4)}`,
  type: appBlockType(appHandle, block),
  disabled: false,
});

/**
 * A shop's theme. `withAppBlocks` plays a merchant who has already added every app block to the
 * product page and switched every app embed on; a fresh install has none.
 */
export function newTheme(id: number, appHandle: string, withAppBlocks: boolean, folder = "dawn"): ThemeRecord {
  const blocks = withAppBlocks ? loadThemeExtensions().flatMap((extension) => extension.blocks) : [];
  return {
    id,
    name: themeDisplayName(folder),
    folder,
    productBlocks: blocks.filter((b) => b.schema.target === "section").map((b) => blockRecord(appHandle, b)),
    embeds: blocks.filter((b) => b.schema.target === "body").map((b) => blockRecord(appHandle, b)),
  };
}

/** The merchant publishes another theme: the storefront renders it from now on. */
export function publishTheme(theme: ThemeRecord, folder: string): void {
  theme.folder = folder;
  theme.name = themeDisplayName(folder);
}

const themeDisplayName = (folder: string) => folder[0]!.toUpperCase() + folder.slice(1);

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

const entryOf = (b: ThemeBlockRecord): TemplateBlock => ({ type: b.type, ...(b.disabled ? { disabled: true } : {}), settings: {} });
const acceptsAppBlocks = (schema: SectionSchema) => (schema.blocks ?? []).some((b) => b.type === "@app");

/**
 * The product template with the app blocks the merchant placed. The theme editor adds them to the
 * main section's blocks; the simulator then places them where a merchant drags a purchase option:
 * just above the theme's buy buttons, in the container that holds them (Dawn: the main-product
 * section; Horizon: the product details block), or last in the main section when there are none.
 */
export function productTemplate(source: ThemeSource, theme: ThemeRecord): JsonTemplate {
  const template = source.template("product");
  if (theme.productBlocks.length === 0) return template;
  const placed = Object.fromEntries(theme.productBlocks.map((b) => [b.key, entryOf(b)]));
  const keys = theme.productBlocks.map((b) => b.key);
  const insertBefore = (container: TemplateBlock, schemaFile: string): boolean => {
    const order = container.block_order ?? [];
    const index = order.findIndex((key) => /buy[-_]buttons/.test(container.blocks?.[key]?.type ?? ""));
    if (index >= 0 && acceptsAppBlocks(source.schema(schemaFile))) {
      container.blocks = { ...container.blocks, ...placed };
      container.block_order = [...order.slice(0, index), ...keys, ...order.slice(index)];
      return true;
    }
    return Object.values(container.blocks ?? {}).some(
      (child) => source.has(`blocks/${child.type}.liquid`) && insertBefore(child, `blocks/${child.type}.liquid`),
    );
  };
  const main = template.sections.main ?? Object.values(template.sections)[0]!;
  if (!insertBefore(main, `sections/${main.type}.liquid`)) {
    main.blocks = { ...main.blocks, ...placed };
    main.block_order = [...(main.block_order ?? []), ...keys];
  }
  return template;
}

/** The theme's files as the Admin API's OnlineStoreTheme.files returns their text: the theme's own, with the merchant's edits. */
export function themeFiles(source: ThemeSource, theme: ThemeRecord): Map<string, string> {
  const settings = source.json<{ current: string | Record<string, unknown>; presets?: Record<string, Record<string, unknown>> }>(
    "config/settings_data.json",
  );
  const current = typeof settings.current === "string" ? (settings.presets?.[settings.current] ?? {}) : settings.current;
  const settingsData = {
    current: { ...current, blocks: { ...(current.blocks as object), ...Object.fromEntries(theme.embeds.map((b) => [b.key, entryOf(b)])) } },
    ...(settings.presets ? { presets: settings.presets } : {}),
  };
  return new Map([
    ["config/settings_data.json", GENERATED_HEADER + JSON.stringify(settingsData, null, 2)],
    ["layout/theme.liquid", source.read("layout/theme.liquid")],
    ["templates/product.json", GENERATED_HEADER + JSON.stringify(productTemplate(source, theme), null, 2)],
  ]);
}
