/**
 * Whether Orchard's blocks are on the merchant's published theme, read from the theme's own files
 * as Shopify documents it: an app block is an entry of a JSON template's section whose type is
 * shopify://apps/{app handle}/blocks/{block handle}/{uuid}; an app embed is such an entry under
 * config/settings_data.json's current blocks. A disabled entry is not on. Pure.
 */
export const APP_HANDLE = "orchard-recurring-revenue";

/** Shopify's JSON theme files open with a generated comment that JSON.parse refuses. */
export function parseThemeJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\s*\/\*[\s\S]*?\*\//, ""));
  } catch {
    return null;
  }
}

type BlockEntry = { type?: unknown; disabled?: unknown; blocks?: unknown };
const isOrchardBlock = (entry: BlockEntry, blockHandle: string) =>
  typeof entry.type === "string" && entry.type.startsWith(`shopify://apps/${APP_HANDLE}/blocks/${blockHandle}/`) && entry.disabled !== true;

const entriesOf = (blocks: unknown): BlockEntry[] =>
  blocks && typeof blocks === "object" ? Object.values(blocks as Record<string, BlockEntry>).filter((b) => b && typeof b === "object") : [];

/** Whether the block is among these entries or, where blocks nest (Horizon's theme blocks), inside an enabled one. */
const containsBlock = (blocks: unknown, blockHandle: string): boolean =>
  entriesOf(blocks).some(
    (entry) => isOrchardBlock(entry, blockHandle) || (entry.disabled !== true && containsBlock(entry.blocks, blockHandle)),
  );

/** The block is in one of the template's sections, at any depth, and neither it nor what holds it is disabled. */
export function templateHasAppBlock(templateText: string, blockHandle: string): boolean {
  const template = parseThemeJson(templateText) as { sections?: Record<string, { blocks?: unknown; disabled?: unknown }> } | null;
  return Object.values(template?.sections ?? {}).some(
    (section) => section && section.disabled !== true && containsBlock(section.blocks, blockHandle),
  );
}

/** The embed is switched on in the theme settings (current may name a preset instead of holding the settings). */
export function settingsHaveAppEmbed(settingsText: string, blockHandle: string): boolean {
  const settings = parseThemeJson(settingsText) as { current?: unknown; presets?: Record<string, { blocks?: unknown }> } | null;
  const current = typeof settings?.current === "string" ? settings.presets?.[settings.current] : settings?.current;
  return entriesOf((current as { blocks?: unknown } | undefined)?.blocks).some((entry) => isOrchardBlock(entry, blockHandle));
}

/**
 * Orchard's theme app extension blocks (extensions/orchard-theme/blocks/) the setup guide looks for:
 * app blocks go in the product template's main section, app embeds are switched on for every page.
 */
export const ORCHARD_THEME_BLOCKS = {
  "subscribe-and-save": "block",
  "protection-offer": "block",
  "protection-cart": "embed",
  "account-link": "embed",
} as const;
export type ThemeBlock = keyof typeof ORCHARD_THEME_BLOCKS;

/**
 * The theme editor deep link (an App Bridge shopify://admin link) that opens the product template
 * with the block added to its main section, or the app embeds with the embed switched on, for the
 * merchant to save.
 */
export function themeEditorLink(apiKey: string, block: ThemeBlock): string {
  const query = new URLSearchParams(
    ORCHARD_THEME_BLOCKS[block] === "block"
      ? { template: "product", addAppBlockId: `${apiKey}/${block}`, target: "mainSection" }
      : { context: "apps", template: "product", activateAppId: `${apiKey}/${block}` },
  );
  return `shopify://admin/themes/current/editor?${query.toString()}`;
}

/** One value for each of Orchard's blocks. */
export function perThemeBlock<T>(valueOf: (block: ThemeBlock) => T): Record<ThemeBlock, T> {
  const blocks = Object.keys(ORCHARD_THEME_BLOCKS) as ThemeBlock[];
  return Object.fromEntries(blocks.map((block) => [block, valueOf(block)])) as Record<ThemeBlock, T>;
}

/** Which of Orchard's blocks are on, from the published theme's product template and settings. */
export function blocksOnTheme(productTemplate: string, settingsData: string): Record<ThemeBlock, boolean> {
  return perThemeBlock((block) =>
    ORCHARD_THEME_BLOCKS[block] === "block" ? templateHasAppBlock(productTemplate, block) : settingsHaveAppEmbed(settingsData, block),
  );
}
