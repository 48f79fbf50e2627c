import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { Drop, type Context, type Liquid } from "liquidjs";
import { createThemeLiquid, PAGE, type PageHooks } from "./shopify-liquid";
import type { MoneyFormats } from "./money";
import { ColorDrop, ColorSchemeDrop, FontDrop } from "./setting-drops";
import type { BlockSchema, JsonTemplate, SettingSchema, TemplateBlock, ThemeSource } from "./theme-source";

/**
 * Renders a theme's pages as Shopify's online store does: a JSON template's sections (each in its
 * `shopify-section` wrapper, with its blocks and their settings), section groups, theme blocks
 * (`content_for`), app blocks where the merchant placed them, and the layout around them with
 * `content_for_header`. The same sections answer the Section Rendering API.
 */

/** A placed app block: its template entry's type names the app and block (shopify://apps/{app}/blocks/{block}/{uuid}). */
export class AppBlockDrop extends Drop {
  readonly type = "@app";
  readonly shopify_attributes = "";
  constructor(
    readonly id: string,
    readonly appType: string,
    readonly settings: Record<string, unknown>,
  ) {
    super();
  }
}

/** A section or theme block: id, type, settings with their defaults, and its blocks. */
export class BlockDrop extends Drop {
  readonly shopify_attributes: string;
  constructor(
    readonly id: string,
    readonly type: string,
    readonly settings: Record<string, unknown>,
    /** The blocks `content_for 'blocks'` renders, in the template's order. */
    readonly blocks: (BlockDrop | AppBlockDrop)[],
    /** The template's static blocks, which `content_for 'block'` renders by id. */
    readonly staticBlocks: Map<string, BlockDrop>,
    /** The theme file this renders (sections/x.liquid, blocks/x.liquid); none for a section's own block types. */
    readonly file: string,
    designMode: boolean,
  ) {
    super();
    this.shopify_attributes = designMode ? `data-shopify-editor-block="${id}"` : "";
  }
}

export interface PageRender {
  /** The objects every template sees (product, cart, shop, request, routes, settings…). */
  objects: Record<string, unknown>;
  localeCode: string;
  money: MoneyFormats;
  routes: Record<string, string>;
  assetBase: string;
  designMode: boolean;
  /** Renders an app block the merchant placed, with the objects of the place it is in. */
  renderAppBlock(block: AppBlockDrop, objects: Record<string, unknown>): Promise<string>;
  /** Lookups for settings that name a store resource. */
  resources: { collection(handle: string): unknown; product(handle: string): unknown };
}

const stableNumber = (text: string) => parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16) % 100_000_000;
const ON_LOCALE_FILE = /^t:/;
const SETTING_REFERENCE = /^\{\{\s*settings\.([\w.]+)\s*\}\}$/;

export class ThemeRenderer {
  private readonly engine: Liquid;
  private globalSettings?: Record<string, unknown>;

  constructor(readonly theme: ThemeSource) {
    this.engine = createThemeLiquid({
      root: theme.dir,
      partials: join(theme.dir, "snippets"),
      read: (path) => theme.read(relative(theme.dir, path)),
    });
  }

  /** The theme settings: settings_schema.json's defaults under config/settings_data.json's current values. */
  settings(page: PageRender): Record<string, unknown> {
    if (!this.globalSettings) {
      const schema = this.theme
        .json<{ settings?: SettingSchema[] }[]>("config/settings_schema.json")
        .flatMap((group) => group.settings ?? []);
      const data = this.theme.json<{ current: string | Record<string, unknown>; presets?: Record<string, Record<string, unknown>> }>(
        "config/settings_data.json",
      );
      const current = (typeof data.current === "string" ? data.presets?.[data.current] : data.current) ?? {};
      const schemes = this.colorSchemes(current.color_schemes as Record<string, { settings: Record<string, unknown> }> | undefined, schema);
      const resolved: Record<string, unknown> = {};
      // Settings may default to another setting ("{{ settings.color_palette.foreground }}"): those
      // are resolved once the others are.
      const referring = (setting: SettingSchema) => SETTING_REFERENCE.test(String(current[setting.id!] ?? setting.default ?? ""));
      for (const pass of [false, true])
        for (const setting of schema.filter((s) => s.id && referring(s) === pass)) {
          resolved[setting.id!] =
            setting.type === "color_scheme_group"
              ? schemes
              : this.resolve(setting, current[setting.id!], schemes, page.resources, resolved);
        }
      this.globalSettings = resolved;
    }
    return this.globalSettings;
  }

  private colorSchemes(
    data: Record<string, { settings: Record<string, unknown> }> | undefined,
    schema: SettingSchema[],
  ): ColorSchemeDrop[] {
    const group = schema.find((s) => s.type === "color_scheme_group") as (SettingSchema & { definition?: SettingSchema[] }) | undefined;
    return Object.entries(data ?? {}).map(([id, scheme]) => {
      const settings = Object.fromEntries(
        (group?.definition ?? [])
          .filter((d) => d.id)
          .map((d) => [d.id!, this.resolve(d, scheme.settings[d.id!], [], { collection: () => null, product: () => null }, {})]),
      );
      return new ColorSchemeDrop(id, settings);
    });
  }

  private resolve(
    setting: SettingSchema,
    raw: unknown,
    schemes: ColorSchemeDrop[],
    resources: PageRender["resources"],
    globals: Record<string, unknown>,
  ): unknown {
    const given = raw === undefined ? setting.default : raw;
    const reference = typeof given === "string" ? SETTING_REFERENCE.exec(given)?.[1] : undefined;
    const value = reference
      ? reference.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], globals)
      : given;
    switch (setting.type) {
      case "color":
        return value === undefined || value === null || value === "" ? "" : (ColorDrop.parse(value) ?? value);
      case "color_palette":
        return Object.fromEntries(
          Object.entries({ ...(setting.default as object), ...(value as object) }).map(([name, color]) => [
            name,
            ColorDrop.parse(color) ?? color,
          ]),
        );
      case "color_scheme":
        return schemes.find((s) => s.id === value) ?? schemes[0] ?? value;
      case "font_picker":
        return value ? new FontDrop(String(value)) : null;
      case "checkbox":
        return Boolean(value);
      case "range":
      case "number":
        return value === undefined || value === null || value === "" ? null : Number(value);
      case "collection":
        return value ? resources.collection(String(value)) : null;
      case "product":
        return value ? resources.product(String(value)) : null;
      case "link_list":
        return value ? { handle: value, title: value, links: [], levels: 0 } : null;
      case "image_picker":
      case "video":
      case "video_url":
      case "metaobject":
        return null;
      default:
        return typeof value === "string" && ON_LOCALE_FILE.test(value) ? "" : (value ?? null);
    }
  }

  private async blockDrop(
    id: string,
    entry: TemplateBlock,
    file: string,
    page: PageRender,
    objects: Record<string, unknown>,
  ): Promise<BlockDrop> {
    const schema = this.theme.schema(file);
    const settings = await this.settingsOf(schema.settings ?? [], entry.settings ?? {}, page, objects);
    const children: (BlockDrop | AppBlockDrop)[] = [];
    const statics = new Map<string, BlockDrop>();
    const order = entry.block_order ?? Object.keys(entry.blocks ?? {}).filter((key) => !entry.blocks![key]!.static);
    for (const key of order) {
      const child = entry.blocks?.[key];
      if (!child || child.disabled) continue;
      children.push(await this.childDrop(key, child, schema.blocks ?? [], page, objects));
    }
    for (const [key, child] of Object.entries(entry.blocks ?? {})) {
      if (!child.static) continue;
      const drop = await this.childDrop(key, child, schema.blocks ?? [], page, objects);
      if (drop instanceof BlockDrop) statics.set(key, drop);
    }
    return new BlockDrop(id, entry.type, settings, children, statics, file, page.designMode);
  }

  /** A block inside a section or block: an app block, a theme block (blocks/x.liquid), or a section's own block type. */
  private async childDrop(
    key: string,
    entry: TemplateBlock,
    accepted: BlockSchema[],
    page: PageRender,
    objects: Record<string, unknown>,
  ): Promise<BlockDrop | AppBlockDrop> {
    if (entry.type.startsWith("shopify://apps/")) return new AppBlockDrop(key, entry.type, entry.settings ?? {});
    // A section defines its own block types with a name and settings; a bare { type } entry only
    // accepts a theme block of that type (blocks/{type}.liquid).
    const local = accepted.find((b) => b.type === entry.type && b.name !== undefined);
    if (local) {
      const settings = await this.settingsOf(local.settings ?? [], entry.settings ?? {}, page, objects);
      return new BlockDrop(key, entry.type, settings, [], new Map(), "", page.designMode);
    }
    return this.blockDrop(key, entry, `blocks/${entry.type}.liquid`, page, objects);
  }

  /**
   * Setting values as Liquid sees them. Text that holds Liquid (a dynamic source such as
   * "{{ product.vendor }}" or Horizon's "{{ closest.product.title }}") is rendered with the page's objects.
   */
  private async settingsOf(
    schema: SettingSchema[],
    values: Record<string, unknown>,
    page: PageRender,
    objects: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const globals = this.settings(page);
    const schemes = (globals.color_schemes as ColorSchemeDrop[] | undefined) ?? [];
    const resolved: Record<string, unknown> = {};
    for (const setting of schema.filter((s) => s.id)) {
      const value = this.resolve(setting, values[setting.id!], schemes, page.resources, globals);
      resolved[setting.id!] =
        typeof value === "string" && value.includes("{{")
          ? await this.engine.parseAndRender(value, { ...objects, closest: { product: objects.product } })
          : value;
    }
    return resolved;
  }

  private hooks(page: PageRender, objects: Record<string, unknown>): PageHooks {
    const locale = this.theme.locale(page.localeCode);
    return {
      locale,
      fallbackLocale: this.theme.defaultLocale(),
      localeCode: page.localeCode,
      money: page.money,
      routes: page.routes,
      assetUrl: (file) => `${page.assetBase}/${file}`,
      assetContent: (file) => (this.theme.has(`assets/${file}`) ? this.theme.read(`assets/${file}`) : ""),
      renderSection: async (_ctx, type) => this.renderSectionFile(type, type, {}, page, objects),
      renderSectionGroup: async (_ctx, group) => this.renderGroup(group, page, objects),
      renderChildBlocks: async (ctx) => this.renderChildren(ctx, page),
      renderStaticBlock: async (ctx, args) => this.renderStatic(ctx, args, page),
      renderAppBlock: (ctx, block) => (block instanceof AppBlockDrop ? this.appBlock(ctx, block, page) : undefined),
    };
  }

  private async appBlock(ctx: Context, block: AppBlockDrop, page: PageRender): Promise<string> {
    const objects = {
      ...(ctx.globals as Record<string, unknown>),
      product: ctx.getSync(["product"]) ?? (ctx.globals as Record<string, unknown>).product,
    };
    const html = await page.renderAppBlock(block, objects);
    return `<div id="shopify-block-${block.id}" class="shopify-block shopify-app-block">${html}</div>`;
  }

  private async renderChildren(ctx: Context, page: PageRender): Promise<string> {
    const container = ctx.getSync(["__container"]) as BlockDrop | undefined;
    if (!container) throw new Error("{% content_for 'blocks' %} outside a section or block");
    let html = "";
    for (const child of container.blocks) {
      if (child instanceof AppBlockDrop) html += await this.appBlock(ctx, child, page);
      else if (child.file) html += await this.renderBlockFile(ctx, child);
    }
    return html;
  }

  private async renderStatic(ctx: Context, args: Record<string, unknown>, page: PageRender): Promise<string> {
    const container = ctx.getSync(["__container"]) as BlockDrop | undefined;
    const id = String(args.id);
    const objects = ctx.globals as Record<string, unknown>;
    const block =
      container?.staticBlocks.get(id) ??
      (await this.blockDrop(id, { type: String(args.type), settings: {} }, `blocks/${String(args.type)}.liquid`, page, objects));
    const extra = Object.fromEntries(Object.entries(args).filter(([name]) => name !== "id" && name !== "type"));
    return this.renderBlockFile(ctx, block, extra);
  }

  /**
   * A theme block's file, with `closest`: the nearest resource of each type, passed down by a
   * static block's `closest.product: …` argument or the page's own (shopify.dev, Liquid objects: closest).
   */
  private async renderBlockFile(ctx: Context, block: BlockDrop, extra: Record<string, unknown> = {}): Promise<string> {
    const section = ctx.getSync(["section"]);
    const inherited = (ctx.getSync(["closest"]) as Record<string, unknown> | undefined) ?? {};
    const closest = { ...inherited };
    const scope: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(extra)) {
      if (name.startsWith("closest.")) closest[name.slice("closest.".length)] = value;
      else scope[name] = value;
    }
    return this.engine.renderFile(
      block.file.replace(/\.liquid$/, ""),
      { ...scope, section, block, closest, __container: block },
      {
        globals: ctx.globals,
      },
    );
  }

  private async renderSectionFile(
    id: string,
    type: string,
    entry: Omit<TemplateBlock, "type">,
    page: PageRender,
    objects: Record<string, unknown>,
  ): Promise<string> {
    const file = `sections/${type}.liquid`;
    const section = await this.blockDrop(id, { ...entry, type }, file, page, objects);
    const schema = this.theme.schema(file) as { tag?: string; class?: string };
    const tag = schema.tag ?? "div";
    const globals = { ...objects, [PAGE]: this.hooks(page, objects) };
    const closest = { product: objects.product, collection: objects.collection };
    const html = await this.engine.renderFile(`sections/${type}`, { section, closest, __container: section }, { globals });
    return `<${tag} id="shopify-section-${id}" class="shopify-section${schema.class ? ` ${schema.class}` : ""}">${html}</${tag}>`;
  }

  private async renderGroup(group: string, page: PageRender, objects: Record<string, unknown>): Promise<string> {
    const template = this.theme.json<JsonTemplate>(`sections/${group}.json`);
    let html = "";
    for (const key of template.order) {
      const entry = template.sections[key];
      if (!entry || entry.disabled) continue;
      html += await this.renderSectionFile(`sections--${stableNumber(group)}__${key}`, entry.type, entry, page, objects);
    }
    return html;
  }

  /** The id Shopify gives a JSON template's section ("template--12345678__main"). */
  static sectionId(templateName: string, key: string): string {
    return `template--${stableNumber(templateName)}__${key}`;
  }

  private async renderTemplateSections(templateName: string, template: JsonTemplate, page: PageRender): Promise<string> {
    let html = "";
    for (const key of template.order) {
      const entry = template.sections[key];
      if (!entry || entry.disabled) continue;
      html += await this.renderSectionFile(ThemeRenderer.sectionId(templateName, key), entry.type, entry, page, page.objects);
    }
    return html;
  }

  /**
   * One section for the Section Rendering API (?section_id=, ?sections=, and the `sections` of
   * /cart/add.js and /cart/change.js): a section of the page's template by its id, a section group's
   * section, or any section file by its name. Null when the theme has no such section.
   */
  async renderSectionById(
    templateName: string,
    template: JsonTemplate,
    id: string,
    pageWithoutSettings: PageRender,
  ): Promise<string | null> {
    const page = this.withSettings(pageWithoutSettings);
    const inTemplate = /^template--\d+__(.+)$/.exec(id)?.[1];
    if (inTemplate) {
      const entry = id === ThemeRenderer.sectionId(templateName, inTemplate) ? template.sections[inTemplate] : undefined;
      return entry ? this.renderSectionFile(id, entry.type, entry, page, page.objects) : null;
    }
    const inGroup = /^sections--(\d+)__(.+)$/.exec(id);
    if (inGroup) {
      for (const group of ["header-group", "footer-group", "overlay-group"]) {
        if (!this.theme.has(`sections/${group}.json`) || stableNumber(group) !== Number(inGroup[1])) continue;
        const entry = this.theme.json<JsonTemplate>(`sections/${group}.json`).sections[inGroup[2]!];
        if (entry) return this.renderSectionFile(id, entry.type, entry, page, page.objects);
      }
      return null;
    }
    return /^[\w-]+$/.test(id) && this.theme.has(`sections/${id}.liquid`) ? this.renderSectionFile(id, id, {}, page, page.objects) : null;
  }

  /** The whole page: the template's sections inside layout/theme.liquid, app embeds before </body>. */
  async renderPage(
    templateName: string,
    template: JsonTemplate,
    pageWithoutSettings: PageRender,
    /** Asked once the sections are rendered: what they rendered decides what the header loads. */
    head: () => { contentForHeader: string; beforeBodyEnd: string },
  ): Promise<string> {
    const page = this.withSettings(pageWithoutSettings);
    const content = await this.renderTemplateSections(templateName, template, page);
    const { contentForHeader, beforeBodyEnd } = head();
    const globals = {
      ...page.objects,
      content_for_layout: content,
      content_for_header: contentForHeader,
      [PAGE]: this.hooks(page, page.objects),
    };
    const html = await this.engine.renderFile(`layout/${template.layout || "theme"}`, {}, { globals });
    const end = html.lastIndexOf("</body>");
    return end < 0 ? html + beforeBodyEnd : html.slice(0, end) + beforeBodyEnd + html.slice(end);
  }

  private withSettings(page: PageRender): PageRender {
    return { ...page, objects: { ...page.objects, settings: this.settings(page) } };
  }
}
