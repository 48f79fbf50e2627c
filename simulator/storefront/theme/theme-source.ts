import { existsSync, readdirSync, readFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";

/**
 * A Shopify theme folder as the online store reads it: layout, JSON templates, sections and section
 * groups, theme blocks, snippets, locales, settings and assets. Shopify's reference themes are read
 * where they are (../shared/themes, or THEMES_DIR): their licence forbids copying them here.
 */
export interface SettingSchema {
  id?: string;
  type: string;
  default?: unknown;
}

export interface BlockSchema {
  type: string;
  name?: string;
  settings?: SettingSchema[];
  blocks?: BlockSchema[];
}

export interface SectionSchema {
  name?: string;
  settings?: SettingSchema[];
  blocks?: BlockSchema[];
}

/** One entry of a JSON template, a section group, or a block's children in them. */
export interface TemplateBlock {
  type: string;
  settings?: Record<string, unknown>;
  blocks?: Record<string, TemplateBlock>;
  block_order?: string[];
  disabled?: boolean;
  static?: boolean;
}

export interface JsonTemplate {
  layout?: string | false;
  sections: Record<string, TemplateBlock>;
  order: string[];
}

export class ThemeNotFound extends Error {}

/**
 * Where themes are read from: THEMES_DIR (several folders separated like PATH), or Shopify's
 * reference themes beside the project (../shared/themes).
 */
export function themesDir(): string {
  return process.env.THEMES_DIR ?? resolve(import.meta.dirname, "..", "..", "..", "..", "shared", "themes");
}

/**
 * Theme JSON as Shopify reads it: JSON with comments (the generated header of templates and
 * settings, `//` notes to translators in locale files), taken out outside strings.
 */
export function parseThemeJson<T>(text: string): T {
  return JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string?: string) => string ?? "")) as T;
}

const SCHEMA = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;
const STYLESHEET = /\{%-?\s*stylesheet\s*-?%\}([\s\S]*?)\{%-?\s*endstylesheet\s*-?%\}/g;
const JAVASCRIPT = /\{%-?\s*javascript\s*-?%\}([\s\S]*?)\{%-?\s*endjavascript\s*-?%\}/g;

export class ThemeSource {
  readonly dir: string;
  private readonly files = new Map<string, string>();
  private readonly schemas = new Map<string, SectionSchema>();
  private readonly locales = new Map<string, Record<string, unknown>>();
  private defaultLocaleCode: string | null | undefined;

  constructor(
    readonly name: string,
    root: string = themesDir(),
  ) {
    const roots = root.split(delimiter);
    const found = roots.map((dir) => join(dir, name)).find((dir) => existsSync(join(dir, "layout", "theme.liquid")));
    if (!found)
      throw new ThemeNotFound(
        `No ${name} theme in ${roots.join(", ")}: put the theme's folder there (layout/theme.liquid, templates/, sections/…) or set THEMES_DIR to the folder that holds it`,
      );
    this.dir = found;
  }

  /** A theme file's text, read once (the online store serves a theme version, not the disk). */
  read(path: string): string {
    let text = this.files.get(path);
    if (text === undefined) {
      text = readFileSync(join(this.dir, path), "utf8");
      this.files.set(path, text);
    }
    return text;
  }

  has(path: string): boolean {
    return this.files.has(path) || existsSync(join(this.dir, path));
  }

  json<T>(path: string): T {
    return parseThemeJson<T>(this.read(path));
  }

  template(name: string): JsonTemplate {
    return this.json<JsonTemplate>(`templates/${name}.json`);
  }

  /** The {% schema %} of a section (`sections/x.liquid`) or a theme block (`blocks/x.liquid`). */
  schema(path: string): SectionSchema {
    let schema = this.schemas.get(path);
    if (!schema) {
      const body = SCHEMA.exec(this.read(path))?.[1];
      schema = body ? (JSON.parse(body) as SectionSchema) : {};
      this.schemas.set(path, schema);
    }
    return schema;
  }

  /** A locale's translations ({code}.json, or {code}.default.json for the theme's default), parsed once. */
  locale(code: string): Record<string, unknown> {
    let messages = this.locales.get(code);
    if (!messages) {
      const file = existsSync(join(this.dir, "locales", `${code}.json`)) ? `locales/${code}.json` : `locales/${code}.default.json`;
      messages = this.has(file) ? this.json<Record<string, unknown>>(file) : {};
      this.locales.set(code, messages);
    }
    return messages;
  }

  /** The theme's default locale, which answers what another locale leaves out; its file is looked for once. */
  defaultLocale(): Record<string, unknown> {
    if (this.defaultLocaleCode === undefined)
      this.defaultLocaleCode =
        readdirSync(join(this.dir, "locales"))
          .find((f) => /^[a-z-]+\.default\.json$/i.test(f))
          ?.replace(/\.default\.json$/, "") ?? null;
    return this.defaultLocaleCode ? this.locale(this.defaultLocaleCode) : {};
  }

  /**
   * The `{% stylesheet %}` and `{% javascript %}` bodies of every section, block and snippet,
   * which Shopify bundles into one stylesheet and one script for the whole theme.
   */
  compiledAssets(): { styles: string; scripts: string } {
    const bodies = (pattern: RegExp) =>
      ["sections", "blocks", "snippets"]
        .filter((folder) => existsSync(join(this.dir, folder)))
        .flatMap((folder) =>
          readdirSync(join(this.dir, folder))
            .filter((file) => file.endsWith(".liquid"))
            .sort()
            .flatMap((file) => [...this.read(`${folder}/${file}`).matchAll(pattern)].map((match) => match[1]!)),
        )
        .join("\n");
    return { styles: bodies(STYLESHEET), scripts: bodies(JAVASCRIPT) };
  }
}
