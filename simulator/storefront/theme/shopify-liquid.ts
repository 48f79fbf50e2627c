import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import {
  Hash,
  Liquid,
  Tag,
  Tokenizer,
  evalToken,
  type Context,
  type Emitter,
  type TagToken,
  type Template,
  type TopLevelToken,
} from "liquidjs";
import type { Parser } from "liquidjs/dist/parser";
import type { FS } from "liquidjs/dist/fs/fs";
import { ColorDrop, FontDrop } from "./setting-drops";
import { formatMoney, type MoneyFormats } from "./money";

/**
 * Shopify's Liquid on liquidjs: the tags and filters themes use that plain Liquid lacks, as
 * shopify.dev documents them. Filters are strict: a filter Shopify has and this file lacks fails
 * the page loudly instead of rendering nothing. What a page needs from the online store (its
 * sections, blocks, app blocks, money formats) comes from the PageHooks the renderer puts in
 * the render's globals.
 */
export const PAGE = Symbol("page");

export interface PageHooks {
  locale: Record<string, unknown>;
  fallbackLocale: Record<string, unknown>;
  localeCode: string;
  money: MoneyFormats;
  assetUrl(file: string): string;
  assetContent(file: string): string;
  routes: Record<string, string>;
  renderSection(ctx: Context, type: string): Promise<string>;
  renderSectionGroup(ctx: Context, group: string): Promise<string>;
  renderChildBlocks(ctx: Context): Promise<string>;
  renderStaticBlock(ctx: Context, args: Record<string, unknown>): Promise<string>;
  /** `{% render block %}` of an @app block; undefined when the value is not one. */
  renderAppBlock(ctx: Context, block: unknown): Promise<string> | undefined;
}

const hooksOf = (ctx: Context): PageHooks => (ctx.globals as Record<symbol, PageHooks>)[PAGE]!;
/** Filters run with `this.context`, the render's Context. */
type FilterThis = { context: Context };
const hooksIn = (filter: FilterThis) => hooksOf(filter.context);

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

/** Shopify's `t`: a key of the locale file (or the default one), a plural form by `count`, {{ placeholders }} filled. */
/**
 * Shopify's `json` (Ruby's JSON with Rails' HTML-safe escaping): `<`, `>`, `&` and the line
 * separators as \u escapes and `/` as `\/`, as Shopify's own product JSON shows them, so a value
 * printed inside a <script> can never close it. liquidjs's `json` escapes none of them.
 */
export function shopifyJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return "";
  return text.replace(/[<>&\u2028\u2029/]/g, (c) => (c === "/" ? "\\/" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

export function translate(
  catalog: { locale: Record<string, unknown>; fallbackLocale: Record<string, unknown>; localeCode: string },
  key: string,
  args: unknown[],
): string {
  const values = Object.fromEntries(args.filter((a): a is [string, unknown] => Array.isArray(a)));
  let found = lookup(catalog.locale, key) ?? lookup(catalog.fallbackLocale, key);
  if (found && typeof found === "object" && "count" in values) {
    const forms = found as Record<string, unknown>;
    const count = Number(values.count);
    // The locale's CLDR plural rules (French counts 0 as "one"); Shopify also takes an explicit "zero".
    found = (count === 0 ? forms.zero : undefined) ?? forms[new Intl.PluralRules(catalog.localeCode).select(count)] ?? forms.other;
  }
  if (typeof found !== "string") return `Translation missing: ${catalog.localeCode}.${key}`;
  return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A tag whose body the online store takes out of the page (schema, doc, and bundled stylesheet/javascript). */
function silentBlock(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid) {
      super(token, remaining, liquid);
      let next: TopLevelToken | undefined;
      while ((next = remaining.shift())) if ((next as TagToken).name === `end${name}`) return;
      throw new Error(`{% ${name} %} is not closed`);
    }
    render() {}
  };
}

/** A tag with a body parsed as Liquid, rendered through `wrap`. */
abstract class BodyTag extends Tag {
  protected readonly body: Template[] = [];
  constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remaining, liquid);
    const stream = parser
      .parseStream(remaining)
      .on(`tag:end${token.name}`, () => stream.stop())
      .on("template", (template: Template) => this.body.push(template))
      .on("end", () => {
        throw new Error(`{% ${token.name} %} is not closed`);
      });
    stream.start();
  }
}

class StyleTag extends BodyTag {
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    emitter.write("<style data-shopify>");
    yield this.liquid.renderer.renderTemplates(this.body, ctx, emitter);
    emitter.write("</style>");
  }
}

const FORMS: Record<string, { action: (routes: Record<string, string>) => string; id: (object: unknown) => string; multipart?: boolean }> =
  {
    product: {
      action: (r) => r.cart_add_url!,
      id: (product) => `product_form_${String((product as { id?: unknown } | undefined)?.id ?? "")}`,
      multipart: true,
    },
    cart: { action: (r) => r.cart_url!, id: () => "cart" },
    customer: { action: (r) => `${r.root_url}/contact#contact_form`, id: () => "contact_form" },
    contact: { action: (r) => `${r.root_url}/contact#contact_form`, id: () => "contact_form" },
    localization: { action: (r) => `${r.root_url}/localization`, id: () => "localization_form" },
    customer_login: { action: (r) => r.account_login_url!, id: () => "customer_login" },
  };

const escapeAttribute = (value: unknown) =>
  String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** {% form 'product', product, id: …, class: … %}: Shopify's form with its hidden fields (shopify.dev, Liquid tags: form). */
class FormTag extends BodyTag {
  private readonly type: ReturnType<Tokenizer["readValue"]>;
  private readonly object: ReturnType<Tokenizer["readValue"]>;
  private readonly attributes: Hash;

  constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remaining, liquid, parser);
    const tokenizer = new Tokenizer(token.args, liquid.options.operators);
    this.type = tokenizer.readValue();
    tokenizer.skipBlank();
    if (tokenizer.peek() === ",") tokenizer.advance();
    const mark = tokenizer.p;
    tokenizer.skipBlank();
    const next = tokenizer.readValue();
    tokenizer.skipBlank();
    // A second positional value is the form's object; otherwise the hash starts there.
    if (next && tokenizer.peek() !== ":") this.object = next;
    else tokenizer.p = mark;
    this.attributes = new Hash(tokenizer, liquid.options.keyValueSeparator);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const type = String(yield evalToken(this.type, ctx));
    const form = FORMS[type];
    if (!form) throw new Error(`{% form '${type}' %} is not supported by the simulator (docs/simulator.md)`);
    const object = this.object ? yield evalToken(this.object, ctx) : undefined;
    const attributes = (yield this.attributes.render(ctx)) as Record<string, unknown>;
    const hooks = hooksOf(ctx);
    const id = attributes.id ?? form.id(object);
    const extra = Object.entries(attributes)
      .filter(([name, value]) => name !== "id" && name !== "return_to" && value !== undefined && value !== null)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join("");
    emitter.write(
      `<form method="post" action="${escapeAttribute(form.action(hooks.routes))}" id="${escapeAttribute(id)}" accept-charset="UTF-8"` +
        `${form.multipart ? ' enctype="multipart/form-data"' : ""}${extra}>` +
        `<input type="hidden" name="form_type" value="${escapeAttribute(type)}" /><input type="hidden" name="utf8" value="✓" />`,
    );
    ctx.push({ form: { id, errors: null, posted_successfully: false } });
    yield this.liquid.renderer.renderTemplates(this.body, ctx, emitter);
    ctx.pop();
    emitter.write("</form>");
  }
}

/** {% paginate list by n %}: one page, which is all the simulator's stores need. */
class PaginateTag extends BodyTag {
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    ctx.push({ paginate: { current_page: 1, pages: 1, items: 0, parts: [], previous: null, next: null, page_size: 50 } });
    yield this.liquid.renderer.renderTemplates(this.body, ctx, emitter);
    ctx.pop();
  }
}

/** A tag whose single argument (a quoted name) goes to a page hook. */
function hookTag(call: (hooks: PageHooks, ctx: Context, name: string) => Promise<string>) {
  return class extends Tag {
    private readonly argument: ReturnType<Tokenizer["readValue"]>;
    constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid) {
      super(token, remaining, liquid);
      this.argument = new Tokenizer(token.args, liquid.options.operators).readValue();
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = String(yield evalToken(this.argument, ctx));
      emitter.write(yield call(hooksOf(ctx), ctx, name));
    }
  };
}

/**
 * {% content_for 'blocks' %} and {% content_for 'block', type: …, id: … %} (theme blocks). Its keys
 * may be paths (`closest.product: product`), which Liquid's own hash syntax does not read.
 */
class ContentForTag extends Tag {
  private readonly kind: ReturnType<Tokenizer["readValue"]>;
  private readonly args: [string, NonNullable<ReturnType<Tokenizer["readValue"]>>][] = [];
  constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid) {
    super(token, remaining, liquid);
    const tokenizer = new Tokenizer(token.args, liquid.options.operators);
    this.kind = tokenizer.readValue();
    for (const [, key, value] of tokenizer.remaining().matchAll(/([\w.-]+)\s*:\s*((?:"[^"]*"|'[^']*'|[^,])+)/g)) {
      const parsed = new Tokenizer(value!.trim(), liquid.options.operators).readValue();
      if (parsed) this.args.push([key!, parsed]);
    }
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const kind = String(yield evalToken(this.kind, ctx));
    const hooks = hooksOf(ctx);
    if (kind === "blocks") {
      emitter.write(yield hooks.renderChildBlocks(ctx));
      return;
    }
    if (kind !== "block") throw new Error(`{% content_for '${kind}' %} is not supported by the simulator`);
    const args: Record<string, unknown> = {};
    for (const [key, value] of this.args) args[key] = yield evalToken(value, ctx);
    emitter.write(yield hooks.renderStaticBlock(ctx, args));
  }
}

/** {% render block %} renders an @app block; a quoted name renders a snippet as Liquid does. */
function renderTag(engine: Liquid) {
  const SnippetRender = engine.tags.render!;
  return class extends SnippetRender {
    private readonly target: ReturnType<Tokenizer["readValue"]>;
    constructor(token: TagToken, remaining: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remaining, liquid, parser);
      this.target = new Tokenizer(token.args, liquid.options.operators).readValue();
    }
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const globals = ctx.globals;
      if (this.target && !/^['"]/.test(this.target.getText())) {
        const value = yield evalToken(this.target, ctx);
        const rendered = hooksOf(ctx).renderAppBlock(ctx, value);
        if (rendered) {
          emitter.write(yield rendered);
          return;
        }
      }
      // Shopify lets a snippet see the block and the closest resources of the place it is rendered
      // from (Horizon's snippets read block.settings without being passed the block).
      const implicit = { block: ctx.getSync(["block"]), closest: ctx.getSync(["closest"]) };
      ctx.globals = { ...(ctx.globals as object), ...implicit };
      try {
        yield (SnippetRender.prototype.render as Tag["render"]).call(this, ctx, emitter);
      } finally {
        ctx.globals = globals;
      }
    }
  };
}

const attributes = (args: unknown[], skip: string[] = []) =>
  args
    .filter(
      (a): a is [string, unknown] => Array.isArray(a) && !skip.includes(a[0]) && a[1] !== null && a[1] !== undefined && a[1] !== false,
    )
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join("");
const named = (args: unknown[]) => Object.fromEntries(args.filter((a): a is [string, unknown] => Array.isArray(a)));

/** Products in the simulator have no media, so image filters answer for the placeholders themes show instead. */
function imageUrl(image: unknown, ...args: unknown[]): string {
  if (image === null || image === undefined || image === "") return "";
  const src = typeof image === "string" ? image : String((image as { src?: unknown }).src ?? "");
  const { width, height } = named(args);
  const query = [width ? `width=${String(width)}` : "", height ? `height=${String(height)}` : ""].filter(Boolean).join("&");
  return query ? `${src}${src.includes("?") ? "&" : "?"}${query}` : src;
}

/**
 * The online store reads a theme file without its {% schema %}, {% doc %}, {% stylesheet %} and
 * {% javascript %} bodies (JSON, docs and bundled assets, never Liquid: a schema's "{{ … }}"
 * visible_if would not even tokenize).
 */
const NOT_LIQUID = /\{%-?\s*(schema|doc|stylesheet|javascript)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g;

function themeFiles(read: (path: string) => string): FS {
  const withoutBodies = (path: string) => read(path).replace(NOT_LIQUID, "");
  return {
    exists: async (path) => existsSync(path),
    existsSync,
    readFile: async (path) => withoutBodies(path),
    readFileSync: withoutBodies,
    resolve: (dir, file, ext) => resolve(dir, file.endsWith(ext) ? file : `${file}${ext}`),
    contains: (root, file) => resolve(file).startsWith(resolve(root) + sep),
    sep,
    dirname,
  };
}

export function createThemeLiquid(options: { root: string; partials: string; read: (path: string) => string }): Liquid {
  const engine = new Liquid({
    root: options.root,
    partials: options.partials,
    fs: themeFiles(options.read),
    extname: ".liquid",
    cache: true,
    strictFilters: true,
    jsTruthy: false,
    relativeReference: false,
  });
  for (const name of ["schema", "stylesheet", "javascript", "doc"]) engine.registerTag(name, silentBlock(name));
  engine.registerTag("style", StyleTag);
  engine.registerTag("form", FormTag);
  engine.registerTag("paginate", PaginateTag);
  engine.registerTag(
    "section",
    hookTag((hooks, ctx, name) => hooks.renderSection(ctx, name)),
  );
  engine.registerTag(
    "sections",
    hookTag((hooks, ctx, name) => hooks.renderSectionGroup(ctx, name)),
  );
  engine.registerTag("content_for", ContentForTag);
  engine.registerTag("render", renderTag(engine));

  const filter = (name: string, implementation: (this: FilterThis, value: unknown, ...args: unknown[]) => unknown) =>
    engine.registerFilter(name, implementation);

  filter("t", function (key, ...args) {
    return translate(hooksIn(this), String(key), args);
  });
  filter("asset_url", function (file) {
    return hooksIn(this).assetUrl(String(file));
  });
  filter("inline_asset_content", function (file) {
    return hooksIn(this).assetContent(String(file));
  });
  filter("shopify_asset_url", (file) => `/shopifycloud/${String(file)}`);
  filter("stylesheet_tag", (url, ...args) => {
    const { preload } = named(args);
    return `<link href="${escapeAttribute(url)}" rel="stylesheet" type="text/css" media="all"${preload ? ' fetchpriority="high"' : ""}>`;
  });
  filter("script_tag", (url) => `<script src="${escapeAttribute(url)}" type="text/javascript"></script>`);
  filter("preload_tag", (url, ...args) => `<link href="${escapeAttribute(url)}" rel="preload"${attributes(args)}>`);

  const money = (format: keyof MoneyFormats) =>
    function (this: FilterThis, cents: unknown) {
      if (cents === null || cents === undefined || cents === "") return "";
      return formatMoney(Number(cents), hooksIn(this).money[format]);
    };
  filter("money", money("money_format"));
  filter("money_with_currency", money("money_with_currency_format"));
  filter("money_without_currency", function (cents) {
    return formatMoney(Number(cents), "{{amount}}");
  });
  filter("money_without_trailing_zeros", function (cents) {
    return formatMoney(Number(cents), hooksIn(this).money.money_format).replace(/[.,]00(?!\d)/, "");
  });

  filter("image_url", imageUrl);
  filter("img_url", imageUrl);
  filter("image_tag", (url, ...args) => (url ? `<img src="${escapeAttribute(url)}"${attributes(args, ["preload", "widths"])}>` : ""));
  filter("placeholder_svg_tag", (name, className) => {
    const classAttribute = className ? ` class="${escapeAttribute(className)}"` : "";
    return `<svg${classAttribute} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 525.5 525.5" data-placeholder="${escapeAttribute(name)}"></svg>`;
  });
  // Media, wallets, payment terms and accounts: what Shopify renders here, the simulator's stores do not have.
  for (const name of [
    "media_tag",
    "video_tag",
    "external_video_tag",
    "external_video_url",
    "model_viewer_tag",
    "payment_terms",
    "payment_button",
    "login_button",
    "avatar",
    "payment_type_svg_tag",
    "unit_price_with_measurement",
    "metafield_tag",
    "default_pagination",
  ])
    filter(name, () => "");
  for (const algorithm of ["md5", "sha1", "sha256"] as const)
    filter(algorithm, (text) =>
      createHash(algorithm)
        .update(String(text ?? ""))
        .digest("hex"),
    );
  filter("base64_encode", (text) => Buffer.from(String(text ?? "")).toString("base64"));
  filter("url_escape", (text) => encodeURI(String(text ?? "")));
  filter("url_param_escape", (text) => encodeURIComponent(String(text ?? "")));
  filter("camelize", (text) => String(text ?? "").replace(/[-_\s]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : "")));
  filter("pluralize", (count, one, many) => (Number(count) === 1 ? one : many));
  filter("default_errors", (errors) => (Array.isArray(errors) ? errors.join(", ") : ""));
  filter(
    "link_to",
    (text, url, title) => `<a href="${escapeAttribute(url)}"${title ? ` title="${escapeAttribute(title)}"` : ""}>${String(text)}</a>`,
  );
  const handleize = (text: unknown) =>
    String(text ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  filter("handleize", handleize);
  filter("handle", handleize);
  // Shopify formats the shown date by the theme's format name; the simulator shows one plain form.
  filter("time_tag", (date) => {
    const value = new Date(String(date));
    return `<time datetime="${value.toISOString()}">${value.toDateString()}</time>`;
  });
  // An address as Shopify prints it: one line per part, in the order of a North American address.
  filter("format_address", (address) => {
    const a = (address ?? {}) as Record<string, string | undefined>;
    const lines = [a.name, a.address1, a.address2, [a.city, a.province, a.zip].filter(Boolean).join(" "), a.country].filter(Boolean);
    return lines.length ? `<p>${lines.map((line) => escapeAttribute(line)).join("<br>")}</p>` : "";
  });
  filter("json", (value) => shopifyJson(value));
  filter(
    "structured_data",
    (object) =>
      `<script type="application/ld+json">${shopifyJson({ "@context": "http://schema.org/", name: (object as { title?: string })?.title })}</script>`,
  );
  filter("standard_event_data", (object) => shopifyJson(object ?? null));
  filter("item_count_for_variant", (cart, variantId) =>
    ((cart as { items?: { variant_id: number; quantity: number }[] })?.items ?? [])
      .filter((item) => String(item.variant_id) === String(variantId))
      .reduce((sum, item) => sum + item.quantity, 0),
  );
  filter("line_items_for", (cart, object) => {
    const id = String((object as { id?: unknown })?.id ?? object);
    return ((cart as { items?: { variant_id: number; product_id: number }[] })?.items ?? []).filter(
      (item) => String(item.variant_id) === id || String(item.product_id) === id,
    );
  });

  filter("font_face", (font, ...args) => {
    if (!(font instanceof FontDrop) || font["system?"]) return "";
    const { font_display } = named(args);
    return `@font-face { font-family: ${font.family}; font-weight: ${font.weight}; font-style: ${font.style};${font_display ? ` font-display: ${String(font_display)};` : ""} src: url("/fonts/${font.handle}.woff2") format("woff2"); }`;
  });
  filter("font_modify", (font, property, value) => (font instanceof FontDrop ? font.modify(String(property), String(value)) : null));
  filter("font_url", (font) => (font instanceof FontDrop ? `/fonts/${font.handle}.woff2` : ""));

  const color = (value: unknown) => ColorDrop.parse(value);
  filter("color_brightness", (value) => color(value)?.brightness() ?? 0);
  filter("color_lighten", (value, amount) => color(value)?.withLightness(Number(amount)) ?? value);
  filter("color_darken", (value, amount) => color(value)?.withLightness(-Number(amount)) ?? value);
  filter("color_modify", (value, property, amount) => {
    const parsed = color(value);
    if (!parsed) return value;
    if (property === "alpha") return parsed.withAlpha(Number(amount));
    if (property === "lightness") return parsed.withLightness(Number(amount) - parsed.lightness);
    throw new Error(`color_modify: ${String(property)} is not supported by the simulator`);
  });
  filter("color_to_rgb", (value) => {
    const parsed = color(value);
    return parsed ? `rgb(${parsed.red}, ${parsed.green}, ${parsed.blue})` : "";
  });
  filter("color_to_hex", (value) => color(value)?.hex() ?? "");
  filter("color_contrast", (value, other) => {
    const luminance = (c: ColorDrop) => {
      const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue);
    };
    const [a, b] = [color(value), color(other)];
    if (!a || !b) return 1;
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return Math.round(((light + 0.05) / (dark + 0.05)) * 10) / 10;
  });
  return engine;
}
