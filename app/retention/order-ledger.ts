import { divideRoundingHalfUp, minorUnits } from "../money";
import { lineNetMinor, refundedQuantities, type OrderWebhook } from "../orders/order-webhook";

/**
 * What one order brought in, split the way the retention dashboard reads it (docs/metrics.md):
 * lines sold with a selling plan are recurring revenue, protection plans are add-on revenue, the
 * rest is one-off. Amounts are the shop's currency (Shopify's `price` and `total_discount` are in
 * it; an order paid in another currency was converted at the order's rate), after line discounts
 * and refunds; a cancelled order brought in nothing. Pure.
 */
export interface LedgerEntry {
  recurringMinor: number;
  oneOffMinor: number;
  protectionMinor: number;
  /** Units of products a protection offer covered, and units of protection sold (attach rate). */
  eligibleUnits: number;
  protectedUnits: number;
  cancelled: boolean;
}

export interface LedgerContext {
  protectionVariantIds: ReadonlySet<string>;
  /** Whether an active protection offer covers this product at this unit price. */
  coveredByProtection(productId: string, unitPriceMinor: number): boolean;
}

/** Statuses in which an order's money was taken (some of it may have been refunded since). */
export const PAID_STATUSES: readonly string[] = ["paid", "partially_refunded", "refunded"];

export function ledgerEntry(order: OrderWebhook, context: LedgerContext): LedgerEntry {
  const entry: LedgerEntry = {
    recurringMinor: 0,
    oneOffMinor: 0,
    protectionMinor: 0,
    eligibleUnits: 0,
    protectedUnits: 0,
    cancelled: false,
  };
  if (order.cancelled_at) return { ...entry, cancelled: true };
  const refunded = refundedQuantities(order);

  for (const line of order.line_items) {
    if (line.quantity === 0) continue;
    const kept = Math.max(0, line.quantity - (refunded.get(line.id) ?? 0));
    // The discount spread evenly over the units: what the units kept brought in.
    const keptMinor = divideRoundingHalfUp(lineNetMinor(line, order.currency) * kept, line.quantity);
    const protection = line.variant_id !== null && context.protectionVariantIds.has(line.variant_id);
    if (protection) {
      entry.protectionMinor += keptMinor;
      entry.protectedUnits += kept;
    } else if (line.selling_plan_id) {
      entry.recurringMinor += keptMinor;
    } else {
      entry.oneOffMinor += keptMinor;
    }
    if (!protection && line.product_id && context.coveredByProtection(line.product_id, minorUnits(line.price, order.currency))) {
      entry.eligibleUnits += kept;
    }
  }
  return entry;
}
