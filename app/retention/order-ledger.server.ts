import type { AdminClient } from "../shopify/admin-client";
import { recordLedgerRow } from "./figures.server";
import { bandFor, isEligible } from "../protection/eligibility";
import type { ProtectionCatalog } from "../protection/offers.server";
import { ledgerEntry, PAID_STATUSES } from "./order-ledger";
import { minorUnits } from "../money";
import { LedgerProductFacts } from "./order-ledger.queries";
import type { OrderWebhook } from "../orders/order-webhook";

export type ProductFacts = (productIds: string[]) => Promise<Map<string, { collectionIds: string[]; tags: string[] }>>;

/** Collections and tags from the Admin API, 25 products a request. */
export function productFactsFromShopify(admin: AdminClient): ProductFacts {
  return async (productIds) => {
    const facts = new Map<string, { collectionIds: string[]; tags: string[] }>();
    for (let start = 0; start < productIds.length; start += 25) {
      const { nodes } = await admin.request(LedgerProductFacts, { ids: productIds.slice(start, start + 25) });
      for (const node of nodes)
        if (node && "tags" in node) facts.set(node.id, { collectionIds: node.collections.nodes.map((c) => c.id), tags: node.tags });
    }
    return facts;
  };
}

/**
 * Which ordered products the shop's active protection offers covered, at their price: Shopify is
 * asked for collections and tags only when an offer covers by them.
 */
async function protectionCoverage(offers: ProtectionCatalog["activeOffers"], productIds: string[], facts: ProductFacts) {
  const needsFacts = offers.some((offer) => offer.eligibility.scope === "COLLECTIONS" || offer.eligibility.scope === "TAGS");
  const known = needsFacts && productIds.length ? await facts(productIds) : new Map<string, { collectionIds: string[]; tags: string[] }>();
  return (productId: string, unitPriceMinor: number) =>
    offers.some(
      (offer) =>
        bandFor(offer.bands, unitPriceMinor) !== null &&
        isEligible(offer.eligibility, { id: productId, collectionIds: [], tags: [], ...known.get(productId) }),
    );
}

/**
 * orders/paid and orders/updated: the order's row in the ledger, recomputed from the whole payload
 * each time (refunds and cancellation included), so deliveries may repeat or come in any order:
 * an older payload than the one recorded changes nothing. An order updated before it was paid is
 * not revenue yet.
 */
export async function recordOrder(shop: string, order: OrderWebhook, protection: ProtectionCatalog, facts: ProductFacts): Promise<void> {
  if (order.financial_status && !PAID_STATUSES.includes(order.financial_status)) return;
  const updatedAt = new Date(order.updated_at ?? order.processed_at ?? order.created_at);
  const productGid = (id: string) => `gid://shopify/Product/${id}`;
  const productIds = [...new Set(order.line_items.flatMap((line) => (line.product_id ? [productGid(line.product_id)] : [])))];
  const covered = await protectionCoverage(protection.activeOffers, productIds, facts);
  const entry = ledgerEntry(order, {
    protectionVariantIds: new Set(protection.variants.keys()),
    coveredByProtection: (productId, unitPriceMinor) => covered(productGid(productId), unitPriceMinor),
  });
  await recordLedgerRow({
    shop,
    shopifyId: order.admin_graphql_api_id,
    customerId: order.customer?.admin_graphql_api_id ?? null,
    shopifyUpdatedAt: updatedAt,
    row: { processedAt: new Date(order.processed_at ?? order.created_at), ...entry },
    receipt: {
      name: order.name,
      currencyCode: order.currency,
      totalMinor: order.total_price === undefined ? null : minorUnits(order.total_price, order.currency),
    },
  });
}
