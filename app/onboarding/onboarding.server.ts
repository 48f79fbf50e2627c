import { z } from "zod";
import { config } from "../config.server";
import { db } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyGraphqlError } from "../shopify/errors";
import { PublishedThemeFiles, RecentOrderLines, ShopCheckoutPlan } from "./onboarding.queries";
import { repeatPurchaseProducts, type RepeatProduct } from "./repeat-products";
import { setupFinished, setupSteps, type SetupStep } from "./setup-guide";
import { blocksOnTheme, perThemeBlock, themeEditorLink, type ThemeBlock } from "./theme-blocks";

/**
 * Which of Orchard's blocks are on the published theme; null when the theme cannot be read (no
 * published theme, or the merchant has not granted read_themes yet after an update).
 */
export async function orchardBlocksOnTheme(admin: AdminClient): Promise<Record<ThemeBlock, boolean> | null> {
  try {
    const { themes } = await admin.request(PublishedThemeFiles);
    const files = themes?.nodes[0]?.files?.nodes ?? [];
    const text = (filename: string) => {
      const body = files.find((f) => f.filename === filename)?.body;
      return body && "content" in body ? body.content : null;
    };
    const template = text("templates/product.json");
    if (template === null) return null;
    return blocksOnTheme(template, text("config/settings_data.json") ?? "");
  } catch (error) {
    if (!(error instanceof ShopifyGraphqlError)) throw error;
    shopLog(admin.shop).warn(errorFields(error), "theme not readable for the setup guide");
    return null;
  }
}

export interface SetupGuide {
  steps: SetupStep[];
  finished: boolean;
  /** The merchant put the guide away before finishing it. */
  hidden: boolean;
  /** False when the theme could not be read: the theme steps say so instead of guessing. */
  themeReadable: boolean;
  /** For each of Orchard's blocks, the theme editor opened with it ready to save. */
  themeEditorLinks: Record<ThemeBlock, string>;
  /** Checkout shows Orchard's offers under each line (Shopify Plus only); elsewhere the storefront blocks are the whole offer. */
  checkoutOffers: boolean;
}

/** The setup guide from what is in place now, the theme included. */
export async function setupGuide(admin: AdminClient): Promise<SetupGuide> {
  const shop = admin.shop;
  const [plansWithProducts, reminderRules, activeProtectionOffers, themeBlocks, row, { shop: shopPlan }] = await Promise.all([
    db().subscriptionPlan.count({ where: { shop, status: "active", productCount: { gt: 0 } } }),
    db().reminderRule.count({ where: { shop } }),
    db().protectionOffer.count({ where: { shop, status: "active" } }),
    orchardBlocksOnTheme(admin),
    db().shop.findUnique({ where: { domain: shop }, select: { setupGuideHidden: true } }),
    admin.request(ShopCheckoutPlan),
  ]);
  const steps = setupSteps({ plansWithProducts, reminderRules, activeProtectionOffers, themeBlocks });
  const apiKey = config().SHOPIFY_API_KEY;
  return {
    steps,
    finished: setupFinished(steps),
    hidden: row?.setupGuideHidden ?? false,
    themeReadable: themeBlocks !== null,
    themeEditorLinks: perThemeBlock((block) => themeEditorLink(apiKey, block)),
    checkoutOffers: shopPlan.plan.shopifyPlus,
  };
}

/** Whether each of these blocks is on the published theme (null: the theme could not be read), with the theme editor's link to place it. */
export interface ThemePlacement {
  block: ThemeBlock;
  on: boolean | null;
  editorUrl: string;
}

/** Where a capability's storefront blocks stand on the published theme, for its own page to say. */
export async function themePlacement(admin: AdminClient, blocks: readonly ThemeBlock[]): Promise<ThemePlacement[]> {
  const onTheme = await orchardBlocksOnTheme(admin);
  const apiKey = config().SHOPIFY_API_KEY;
  return blocks.map((block) => ({ block, on: onTheme?.[block] ?? null, editorUrl: themeEditorLink(apiKey, block) }));
}

/** Puts the unfinished setup guide away from the dashboard, or brings it back. */
export async function setSetupGuideHidden(shop: string, hidden: boolean): Promise<void> {
  await db().shop.updateMany({ where: { domain: shop }, data: { setupGuideHidden: hidden } });
}

/**
 * The products customers of the shop already buy again, best first: a first plan's suggestion.
 * From the whole order history the install imported (app/backfill/); until that import is done,
 * from the latest orders.
 */
export async function suggestedPlanProducts(admin: AdminClient): Promise<RepeatProduct[]> {
  const imported = await db().backfill.findFirst({
    where: { shop: admin.shop, status: "completed", repeatProducts: { not: null } },
    orderBy: { startedAt: "desc" },
    select: { repeatProducts: true },
  });
  if (imported?.repeatProducts) return repeatProductsJson.parse(JSON.parse(imported.repeatProducts));
  const { orders } = await admin.request(RecentOrderLines);
  return repeatPurchaseProducts(
    orders.nodes.map((order) => ({
      customerId: order.customer?.id ?? null,
      lines: order.lineItems.nodes.flatMap((line) =>
        line.product ? [{ productId: line.product.id, title: line.product.title, quantity: line.quantity }] : [],
      ),
    })),
  );
}

const repeatProductsJson = z.array(z.object({ id: z.string(), title: z.string(), repeatCustomers: z.number(), units: z.number() }));
