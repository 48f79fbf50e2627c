import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Liquid, type TagToken, type Template, type TopLevelToken } from "liquidjs";
import { formatMoney } from "./theme/money";
import { translate } from "./theme/shopify-liquid";

/**
 * Orchard's theme app extensions as Shopify's online store renders them: each block's Liquid with
 * its {% schema %} defaults as block.settings, `t` reading the extension's own locale files, and
 * `asset_url` pointing at the extension's assets.
 */
export interface AppBlock {
  extension: string;
  handle: string;
  source: string;
  schema: { name: string; target: string; javascript?: string; stylesheet?: string; settings?: { id: string; default?: unknown }[] };
}

export interface ThemeExtension {
  name: string;
  dir: string;
  blocks: AppBlock[];
  locales: Record<string, Record<string, unknown>>;
}

const extensionsRoot = resolve(import.meta.dirname, "..", "..", "extensions");

export function loadThemeExtensions(root: string = extensionsRoot): ThemeExtension[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, "blocks")))
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const blocks = readdirSync(join(dir, "blocks"))
        .filter((file) => file.endsWith(".liquid"))
        .sort()
        .map((file) => {
          const source = readFileSync(join(dir, "blocks", file), "utf8");
          const schemaText = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source)?.[1] ?? "{}";
          return { extension: name, handle: file.replace(/\.liquid$/, ""), source, schema: JSON.parse(schemaText) as AppBlock["schema"] };
        });
      const localesDir = join(dir, "locales");
      const locales = Object.fromEntries(
        (existsSync(localesDir) ? readdirSync(localesDir) : [])
          .filter((file) => !file.endsWith(".schema.json"))
          .map((file) => [
            file.replace(/(\.default)?\.json$/, ""),
            JSON.parse(readFileSync(join(localesDir, file), "utf8")) as Record<string, unknown>,
          ]),
      );
      return { name, dir, blocks, locales };
    });
}

function createLiquid(extension: ThemeExtension, options: { locale: string; moneyFormat: string; assetBase: string }): Liquid {
  const engine = new Liquid({ strictFilters: true, jsTruthy: false });
  // Theme-only tags whose content the online store takes out of the rendered block.
  for (const tag of ["schema", "javascript", "stylesheet"]) {
    engine.registerTag(tag, {
      parse(_token: TagToken, remaining: TopLevelToken[]) {
        let next: TopLevelToken | undefined;
        while ((next = remaining.shift())) if ((next as TagToken).name === `end${tag}`) return;
        throw new Error(`{% ${tag} %} is not closed`);
      },
      render: () => "",
    });
  }
  engine.registerFilter("money", (cents: unknown) => formatMoney(Number(cents), options.moneyFormat));
  engine.registerFilter("money_without_currency", (cents: unknown) => formatMoney(Number(cents), "{{amount}}"));
  engine.registerFilter("asset_url", (file: unknown) => `${options.assetBase}/${extension.name}/assets/${String(file)}`);
  const catalog = {
    locale: extension.locales[options.locale] ?? extension.locales.en ?? {},
    fallbackLocale: extension.locales.en ?? {},
    localeCode: options.locale,
  };
  engine.registerFilter("t", (key: unknown, ...args: unknown[]) => translate(catalog, String(key), args));
  return engine;
}

export function blockSettings(block: AppBlock): Record<string, unknown> {
  return Object.fromEntries((block.schema.settings ?? []).map((setting) => [setting.id, setting.default ?? null]));
}

// Like the online store, an extension's templates are parsed once, not on every page view.
const liquidCache = new Map<string, { engine: Liquid; template: (block: AppBlock) => Template[] }>();

export function cachedExtensionLiquid(extension: ThemeExtension, locale: string, assetBase: string, moneyFormat: string) {
  const key = `${extension.dir}|${locale}|${assetBase}|${moneyFormat}`;
  let cached = liquidCache.get(key);
  if (!cached) {
    const engine = createLiquid(extension, { locale, moneyFormat, assetBase });
    const parsed = new Map<string, Template[]>();
    const template = (block: AppBlock) => {
      if (!parsed.has(block.handle)) parsed.set(block.handle, engine.parse(block.source));
      return parsed.get(block.handle)!;
    };
    cached = { engine, template };
    liquidCache.set(key, cached);
  }
  return cached;
}
