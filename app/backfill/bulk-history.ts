import { z } from "zod";
import { orderWebhook, type OrderWebhook } from "../orders/order-webhook";

/**
 * A bulk operation's JSONL result for BACKFILL_HISTORY, read into what Orchard's own paths take:
 * orders in the shape of the orders/paid payload (so the ledger records a backfilled order exactly
 * as a delivered one), and the ids of the app's subscription contracts. Each line is checked; a
 * line that does not fit is counted and left out, never guessed at. Pure.
 *
 * Shopify's files can be gigabytes, so they are read one line at a time, from the last line to the
 * first. Shopify lists a nested object after its parent, though not always right after it: read
 * backwards, an order's lines all come before the order, which is complete when it comes, and only
 * lines whose order is still to come are held.
 */
const gidOf = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`));
const money = z.object({ shopMoney: z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/) }) });

const orderLine = z.object({
  id: gidOf("Order"),
  name: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  processedAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
  cancelledAt: z.string().datetime({ offset: true }).nullable(),
  displayFinancialStatus: z.string().nullable(),
  currencyCode: z.string().length(3),
  customer: z.object({ id: gidOf("Customer") }).nullable(),
});

const lineItemLine = z.object({
  __parentId: gidOf("Order"),
  id: gidOf("LineItem"),
  title: z.string(),
  quantity: z.number().int().min(0),
  refundableQuantity: z.number().int().min(0),
  originalUnitPriceSet: money,
  totalDiscountSet: money,
  sellingPlan: z.object({ sellingPlanId: gidOf("SellingPlan").nullable() }).nullable(),
  variant: z.object({ id: gidOf("ProductVariant") }).nullable(),
  product: z.object({ id: gidOf("Product") }).nullable(),
});

const contractLine = z.object({ id: gidOf("SubscriptionContract") });

export type HistoryItem = { order: OrderWebhook } | { contractId: string } | { unreadable: number };

/** The number at the end of a gid: the legacy id webhook payloads carry. */
const legacyId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

export class BackwardHistoryReader {
  private readonly waitingLines = new Map<string, z.infer<typeof lineItemLine>[]>();

  /** The next line, counting from the end of the file: what it completes, if anything. */
  read(text: string): HistoryItem | null {
    if (text.trim() === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { unreadable: 1 };
    }
    // Each line is checked against the one shape its fields say it has (a failed check costs more
    // than a passed one, and a file holds millions of lines).
    const fields = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
    if ("__parentId" in fields) {
      const lineItem = lineItemLine.safeParse(value);
      if (!lineItem.success) return { unreadable: 1 };
      const siblings = this.waitingLines.get(lineItem.data.__parentId) ?? [];
      // Read backwards: the first line read is the order's last.
      siblings.unshift(lineItem.data);
      this.waitingLines.set(lineItem.data.__parentId, siblings);
      return null;
    }
    if (typeof fields.id === "string" && fields.id.startsWith("gid://shopify/Order/")) {
      const order = orderLine.safeParse(value);
      if (!order.success) return { unreadable: 1 };
      const lines = this.waitingLines.get(order.data.id) ?? [];
      this.waitingLines.delete(order.data.id);
      return { order: asOrderPayload(order.data, lines) };
    }
    const contract = contractLine.safeParse(value);
    return contract.success ? { contractId: contract.data.id } : { unreadable: 1 };
  }

  /** Once the first line was read: order lines whose order never came, which nothing can place. */
  get orphanLines(): number {
    let count = 0;
    for (const lines of this.waitingLines.values()) count += lines.length;
    return count;
  }
}

function asOrderPayload(order: z.infer<typeof orderLine>, lines: z.infer<typeof lineItemLine>[]): OrderWebhook {
  return orderWebhook.parse({
    admin_graphql_api_id: order.id,
    name: order.name,
    created_at: order.createdAt,
    processed_at: order.processedAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    financial_status: order.displayFinancialStatus?.toLowerCase() ?? null,
    currency: order.currencyCode,
    customer: order.customer ? { admin_graphql_api_id: order.customer.id } : null,
    line_items: lines.map((line) => ({
      id: legacyId(line.id),
      variant_id: line.variant ? legacyId(line.variant.id) : null,
      product_id: line.product ? legacyId(line.product.id) : null,
      title: line.title,
      quantity: line.quantity,
      price: line.originalUnitPriceSet.shopMoney.amount,
      total_discount: line.totalDiscountSet.shopMoney.amount,
      selling_plan_id: line.sellingPlan?.sellingPlanId ? legacyId(line.sellingPlan.sellingPlanId) : null,
    })),
    // What was refunded, as one refund: the ledger only needs the units kept.
    refunds: [
      {
        refund_line_items: lines
          .filter((line) => line.quantity > line.refundableQuantity)
          .map((line) => ({ line_item_id: legacyId(line.id), quantity: line.quantity - line.refundableQuantity })),
      },
    ],
  });
}
