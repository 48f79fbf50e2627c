import type { PastBuyerOrdersQuery } from "../types/admin.generated";
import type { OrderForReminders } from "./planning";

type PastOrder = PastBuyerOrdersQuery["orders"]["nodes"][number];

/** Orders whose products the customer paid for and kept (a partial refund leaves the rest). */
const PAID_STATUSES = new Set(["PAID", "PARTIALLY_REFUNDED"]);
const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/**
 * An order read from Shopify's API as reminders see it, as orderForReminders reads a webhook's:
 * null for one that was cancelled or not paid. Line ids are the webhooks' numeric ones, so a line
 * that orders/paid already planned is known here; units refunded are left out.
 */
export function pastOrderForReminders(order: PastOrder): OrderForReminders | null {
  if (order.cancelledAt || !PAID_STATUSES.has(order.displayFinancialStatus ?? "")) return null;
  const customer = order.customer;
  return {
    orderId: order.id,
    orderedAt: new Date(order.processedAt as string),
    currencyCode: order.currencyCode,
    customer: customer
      ? {
          id: customer.id,
          email: customer.defaultEmailAddress?.emailAddress ?? null,
          name: customer.firstName ?? null,
          locale: customer.locale,
          marketingConsent: customer.defaultEmailAddress?.marketingState === "SUBSCRIBED",
        }
      : null,
    lines: order.lineItems.nodes.flatMap((line) =>
      line.product && line.variant && !line.sellingPlan && line.currentQuantity > 0
        ? [
            {
              id: numericId(line.id),
              productId: line.product.id,
              variantId: line.variant.id,
              title: line.variantTitle ? `${line.title} – ${line.variantTitle}` : line.title,
              quantity: line.currentQuantity,
              // A past order converts no reminder: its revenue is never read.
              revenueMinor: 0,
            },
          ]
        : [],
    ),
  };
}
