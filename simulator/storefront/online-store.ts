import { escapeHtml } from "../http";
import type { SimulatorContext } from "../context";
import { onSale, type CustomerRecord, type ProductRecord, type ShopRecord } from "../store";
import { productTemplate, typeNamesBlock } from "../theme";
import { appDrop, CartDrop, customerDrop, productDrop, type SelectedOptions } from "./drops";
import { blockSettings, cachedExtensionLiquid, type AppBlock, type ThemeExtension } from "./theme-extensions";
import { moneyFormatsFor } from "./theme/money";
import { AppBlockDrop, type PageRender } from "./theme/theme-renderer";
import { themeRenderer } from "./theme/theme-library";
import type { JsonTemplate } from "./theme/theme-source";

/**
 * A shop's online store rendered with its published theme (Dawn by default, docs/simulator.md):
 * product, cart and home pages, the Section Rendering API, and Orchard's app blocks and embeds
 * where the merchant placed or switched them on. Served under /storefront/{store}/, which themes
 * reach through their routes and window.Shopify.routes.root as they must on Shopify.
 */
/**
 * Shopify's CDN module themes import as '@shopify/events' cannot be reached here: pages name the
 * simulator's stand-in instead (simulator/public/standard-events.js).
 */
const STANDARD_EVENTS_URL = "https://cdn.shopify.com/storefront/standard-events.js";
export const STANDARD_EVENTS_STAND_IN = "/shopify-cdn/storefront/standard-events.js";

export function storefrontRoot(shop: ShopRecord): string {
  return `/storefront/${shop.domain.replace(/\.myshopify\.com$/, "")}/`;
}

export function shopRoutes(shop: ShopRecord): Record<string, string> {
  const root = storefrontRoot(shop);
  return {
    root_url: root.replace(/\/$/, ""),
    cart_url: `${root}cart`,
    cart_add_url: `${root}cart/add`,
    cart_change_url: `${root}cart/change`,
    cart_update_url: `${root}cart/update`,
    cart_clear_url: `${root}cart/clear`,
    collections_url: `${root}collections`,
    all_products_collection_url: `${root}collections/all`,
    search_url: `${root}search`,
    predictive_search_url: `${root}search/suggest`,
    product_recommendations_url: `${root}recommendations/products`,
    account_url: "/account",
    account_login_url: "/account/login",
    account_logout_url: "/account/logout",
    account_register_url: "/account/register",
    account_addresses_url: "/account/addresses",
  };
}

/** Which page a request renders and the objects it sees. */
export interface StorePage {
  template: "product" | "cart" | "index" | "customers/account";
  product?: ProductRecord;
  /** The customer signed in to the store, whom every page's `customer` object names. */
  customer?: CustomerRecord;
  selected?: SelectedOptions;
  locale: string;
  cart: CartDrop;
  /** The theme editor's preview (request.design_mode). */
  designMode?: boolean;
  /** Product recommendations asked for (/recommendations/products): the products to recommend. */
  recommendationsFor?: { product: ProductRecord; limit: number; intent: string };
  path: string;
}

interface RenderedAssets {
  stylesheets: Set<string>;
  scripts: Set<string>;
}

export class OnlineStore {
  constructor(
    private readonly sim: SimulatorContext,
    private readonly extensions: ThemeExtension[],
    private readonly themesRoot?: string,
  ) {}

  private renderer(shop: ShopRecord) {
    return themeRenderer(shop.theme.folder, this.themesRoot);
  }

  private template(shop: ShopRecord, name: StorePage["template"]): JsonTemplate {
    const source = this.renderer(shop).theme;
    return name === "product" ? productTemplate(source, shop.theme) : source.template(name);
  }

  /** The app block (or embed) a theme entry names: shopify://apps/{app}/blocks/{handle}/{uuid}. */
  private appBlock(type: string): { extension: ThemeExtension; block: AppBlock } | undefined {
    for (const extension of this.extensions)
      for (const block of extension.blocks) if (typeNamesBlock(type, block)) return { extension, block };
    return undefined;
  }

  private async renderAppBlock(
    shop: ShopRecord,
    page: StorePage,
    assets: RenderedAssets,
    id: string,
    type: string,
    objects: Record<string, unknown>,
  ): Promise<string> {
    const found = this.appBlock(type);
    if (!found) return "";
    const { extension, block } = found;
    const root = storefrontRoot(shop);
    const money = moneyFormatsFor(shop.currencyCode);
    const liquid = cachedExtensionLiquid(extension, page.locale, `${root}extensions`, money.money_format);
    const assetUrl = (file: string) => `${root}extensions/${extension.name}/assets/${file}`;
    if (block.schema.stylesheet) assets.stylesheets.add(assetUrl(block.schema.stylesheet));
    if (block.schema.javascript) assets.scripts.add(assetUrl(block.schema.javascript));
    return liquid.engine.render(liquid.template(block), {
      ...objects,
      app: appDrop(shop),
      block: { id, settings: blockSettings(block), shopify_attributes: page.designMode ? `data-shopify-editor-block="${id}"` : "" },
    });
  }

  private objects(shop: ShopRecord, page: StorePage): Record<string, unknown> {
    const root = storefrontRoot(shop);
    const money = moneyFormatsFor(shop.currencyCode);
    const origin = this.sim.url || "http://127.0.0.1";
    const product = page.product ? productDrop(this.sim.store, shop, page.product, root, page.locale, page.selected) : undefined;
    const locale = { iso_code: page.locale, primary: page.locale === "en", root_url: root.replace(/\/$/, ""), name: page.locale };
    return {
      shop: {
        name: shop.name,
        email: shop.email,
        domain: shop.domain,
        permanent_domain: shop.domain,
        url: `${origin}${root.replace(/\/$/, "")}`,
        secure_url: `${origin}${root.replace(/\/$/, "")}`,
        currency: shop.currencyCode,
        ...money,
        locale: page.locale,
        enabled_payment_types: [],
        customer_accounts_enabled: true,
        customer_accounts_optional: true,
        brand: null,
        metafields: {},
        description: "",
        published_locales: shop.locales.filter((l) => l.published).map((l) => ({ iso_code: l.locale, name: l.name, primary: l.primary })),
      },
      request: {
        locale,
        design_mode: page.designMode === true,
        visual_preview_mode: false,
        page_type: page.template,
        path: page.path,
        host: new URL(origin).host,
        origin,
      },
      routes: shopRoutes(shop),
      cart: page.cart,
      localization: {
        language: locale,
        available_languages: [locale],
        country: { iso_code: "US", name: "United States", currency: { iso_code: shop.currencyCode, symbol: "$" } },
        available_countries: [],
      },
      template: {
        name: page.template.split("/").at(-1),
        suffix: null,
        directory: page.template.includes("/") ? page.template.split("/")[0] : null,
      },
      canonical_url: `${origin}${page.path}`,
      page_title: product?.title ?? (page.template === "cart" ? "Your cart" : shop.name),
      page_description: null,
      customer: page.customer ? customerDrop(shop, page.customer) : null,
      linklists: {},
      collections: {},
      powered_by_link: `<a target="_blank" rel="nofollow" href="https://www.shopify.com">Powered by Shopify</a>`,
      ...(product ? { product } : {}),
      ...(page.recommendationsFor ? { recommendations: this.recommendations(shop, page) } : {}),
    };
  }

  /** Shopify's recommendations object: here, other active products of the product's collections. */
  private recommendations(shop: ShopRecord, page: StorePage) {
    const { product, limit, intent } = page.recommendationsFor!;
    const collections = [...shop.collections.values()].filter((c) => c.productIds.includes(product.id));
    const products = [...shop.products.values()]
      .filter((p) => p.id !== product.id && onSale(p) && collections.some((c) => c.productIds.includes(p.id)))
      .slice(0, limit)
      .map((p) => productDrop(this.sim.store, shop, p, storefrontRoot(shop), page.locale));
    return { performed: true, intent, products, products_count: products.length };
  }

  private pageRender(shop: ShopRecord, page: StorePage, assets: RenderedAssets): PageRender {
    const root = storefrontRoot(shop);
    const objects = this.objects(shop, page);
    return {
      objects,
      localeCode: page.locale,
      money: moneyFormatsFor(shop.currencyCode),
      routes: shopRoutes(shop),
      assetBase: `${root}theme/assets`,
      designMode: page.designMode === true,
      renderAppBlock: (block: AppBlockDrop, blockObjects) => this.renderAppBlock(shop, page, assets, block.id, block.appType, blockObjects),
      resources: {
        collection: (handle) => this.collectionDrop(shop, handle, page),
        product: (handle) => {
          const found = [...shop.products.values()].find((p) => p.handle === handle);
          return found ? productDrop(this.sim.store, shop, found, root, page.locale) : null;
        },
      },
    };
  }

  private collectionDrop(shop: ShopRecord, handle: string, page: StorePage) {
    const root = storefrontRoot(shop);
    const collection = [...shop.collections.values()].find((c) => c.handle === handle);
    const products = [...shop.products.values()].filter((p) => onSale(p) && (handle === "all" || collection?.productIds.includes(p.id)));
    if (!collection && handle !== "all") return null;
    return {
      id: collection?.id ?? 0,
      title: collection?.title ?? "Products",
      handle,
      url: `${root}collections/${handle}`,
      products_count: products.length,
      all_products_count: products.length,
      products: products.slice(0, 50).map((p) => productDrop(this.sim.store, shop, p, root, page.locale)),
      featured_image: null,
      image: null,
      description: "",
    };
  }

  /** window.Shopify and the theme's and app blocks' assets, as content_for_header carries them. */
  private header(shop: ShopRecord, page: StorePage, assets: RenderedAssets): string {
    const root = storefrontRoot(shop);
    const shopify = {
      shop: shop.domain,
      locale: page.locale,
      currency: { active: shop.currencyCode, rate: "1.0" },
      country: "US",
      theme: { name: shop.theme.name, id: shop.theme.id, role: "main" },
      routes: { root },
      designMode: page.designMode === true,
    };
    return [
      `<script>window.Shopify = window.Shopify || {}; Object.assign(window.Shopify, ${JSON.stringify(shopify).replace(/</g, "\\u003c")});</script>`,
      `<link rel="stylesheet" href="${root}theme/compiled_assets/styles.css">`,
      `<script src="${root}theme/compiled_assets/scripts.js" defer></script>`,
      ...[...assets.stylesheets].map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
      ...[...assets.scripts].map((src) => `<script src="${escapeHtml(src)}" defer></script>`),
    ].join("\n");
  }

  private async embeds(shop: ShopRecord, page: StorePage, assets: RenderedAssets, objects: Record<string, unknown>): Promise<string> {
    let html = "";
    for (const embed of shop.theme.embeds.filter((e) => !e.disabled)) {
      const output = await this.renderAppBlock(shop, page, assets, embed.key, embed.type, objects);
      html += `<div id="shopify-block-${escapeHtml(embed.key)}" class="shopify-block shopify-app-block">${output}</div>`;
    }
    return html;
  }

  async renderPage(shop: ShopRecord, page: StorePage): Promise<string> {
    const assets: RenderedAssets = { stylesheets: new Set(), scripts: new Set() };
    const render = this.pageRender(shop, page, assets);
    const embeds = await this.embeds(shop, page, assets, render.objects);
    const html = await this.renderer(shop).renderPage(page.template, this.template(shop, page.template), render, () => ({
      contentForHeader: this.header(shop, page, assets),
      beforeBodyEnd: embeds,
    }));
    return html.replaceAll(STANDARD_EVENTS_URL, STANDARD_EVENTS_STAND_IN);
  }

  /** Section Rendering API: each asked section of the page's template as HTML, null for one the theme lacks. */
  async renderSections(shop: ShopRecord, page: StorePage, ids: string[]): Promise<Record<string, string | null>> {
    const assets: RenderedAssets = { stylesheets: new Set(), scripts: new Set() };
    const renderer = this.renderer(shop);
    const template = this.template(shop, page.template);
    const render = this.pageRender(shop, page, assets);
    const rendered: Record<string, string | null> = {};
    for (const id of ids) rendered[id] = await renderer.renderSectionById(page.template, template, id, render);
    return rendered;
  }
}
