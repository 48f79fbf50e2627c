import { z } from "zod";
import { recordScopesUpdate, recordUninstall, forgetShop } from "../shops/shops.server";

/**
 * What Orchard does with each webhook topic (topics as the library names them: APP_UNINSTALLED).
 * Handlers run from the inbox; each must be safe to run again and must not assume delivery order.
 * Topics without a handler here are kept in the inbox as "skipped".
 */
export interface WebhookContext {
  shop: string;
  payload: unknown;
  triggeredAt: Date | null;
}

type Handler = (context: WebhookContext) => Promise<void>;

const scopesUpdatePayload = z.object({ current: z.array(z.string()), updated_at: z.string().datetime({ offset: true }).optional() });

const handlers: Record<string, Handler> = {
  APP_UNINSTALLED: ({ shop }) => recordUninstall(shop),
  APP_SCOPES_UPDATE: async ({ shop, payload, triggeredAt }) => {
    const { current, updated_at } = scopesUpdatePayload.parse(payload);
    await recordScopesUpdate(shop, current, updated_at ? new Date(updated_at) : (triggeredAt ?? new Date(0)));
  },
  // Shopify sends shop/redact 48 hours after uninstall: everything Orchard keeps for the shop goes.
  SHOP_REDACT: ({ shop }) => forgetShop(shop),
};

export function handlerFor(topic: string): Handler | undefined {
  return handlers[topic];
}
