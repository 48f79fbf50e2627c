import { z } from "zod";
import { config } from "../config.server";
import { db } from "../db.server";
import { errorFields, shopLog } from "../logging/log.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyGraphqlError } from "../shopify/errors";
import { PublishedThemeFiles, RecentOrderLines } from "./onboarding.queries";
import { repeatPurchaseProducts, type RepeatProduct } from "./repeat-products";
import { setupFinished, setupSteps, type SetupStep } from "./setup-guide";
import { addBlockLink, templateHasAppBlock } from "./theme-blocks";

/** The theme app extension's block that shows subscribe-and-save on the product page. */
const SUBSCRIBE_BLOCK = "subscribe-and-save";

/**
 * Whether the subscribe block is on the published theme's product page; null when the theme cannot
 * be read (no published theme, or the merchant has not granted read_themes yet after an update).
 */
export async function subscribeBlockOnTheme(admin: AdminClient): Promise<boolean | null> {
  try {
    const { themes } = await admin.request(PublishedThemeFiles);
    const files = themes?.nodes[0]?.files?.nodes ?? [];
    const template = files.find((f) => f.filename === "templates/product.json")?.body;
    if (!template || !("content" in template)) return null;
    return templateHasAppBlock(template.content, SUBSCRIBE_BLOCK);
  } catch (error) {
    if (!(error instanceof ShopifyGraphqlError)) throw error;
    shopLog(admin.shop).warn(errorFields(error), "theme not readable for the setup guide");
    return null;
  }
}

export interface SetupGuide {
  steps: SetupStep[];
  finished: boolean;
  /** False when the theme could not be read: the theme step says so instead of guessing. */
  themeReadable: boolean;
  /** The theme editor, opened on the product page with the subscribe block ready to save. */
  themeEditorLink: string;
}

/** The setup guide from what is in place now, the theme included. */
export async function setupGuide(admin: AdminClient): Promise<SetupGuide> {
  const shop = admin.shop;
  const [plansWithProducts, reminderRules, activeProtectionOffers, blockOnTheme] = await Promise.all([
    db().subscriptionPlan.count({ where: { shop, status: "active", productCount: { gt: 0 } } }),
    db().reminderRule.count({ where: { shop } }),
    db().protectionOffer.count({ where: { shop, status: "active" } }),
    subscribeBlockOnTheme(admin),
  ]);
  const steps = setupSteps({ plansWithProducts, reminderRules, activeProtectionOffers, subscribeBlockOnTheme: blockOnTheme });
  return {
    steps,
    finished: setupFinished(steps),
    themeReadable: blockOnTheme !== null,
    themeEditorLink: addBlockLink(config().SHOPIFY_API_KEY, SUBSCRIBE_BLOCK),
  };
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
