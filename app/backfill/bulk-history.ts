import { z } from "zod";
import { orderWebhook, type OrderWebhook } from "../orders/order-webhook";

/**
 * A bulk operation's JSONL result for BACKFILL_HISTORY, read into what Orchard's own paths take:
 * orders in the shape of the orders/paid payload (so the ledger records a backfilled order exactly
 * as a delivered one), and the ids of the app's subscription contracts. Each line is checked; a
 * line that does not fit is counted and left out, never guessed at. Pure.
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

export interface BulkHistory {
  orders: OrderWebhook[];
  contractIds: string[];
  /** Lines that were not an order, an order's line or a contract as asked for. */
  unreadable: number;
}

/** The number at the end of a gid: the legacy id webhook payloads carry. */
const legacyId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

export function readBulkHistory(lines: Iterable<string>): BulkHistory {
  const orders = new Map<string, z.infer<typeof orderLine>>();
  const lineItems = new Map<string, z.infer<typeof lineItemLine>[]>();
  const contractIds: string[] = [];
  let unreadable = 0;
  for (const text of lines) {
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      unreadable += 1;
      continue;
    }
    // Children may come after their parent at any distance: they are gathered by __parentId.
    const lineItem = lineItemLine.safeParse(value);
    if (lineItem.success) {
      const siblings = lineItems.get(lineItem.data.__parentId) ?? [];
      siblings.push(lineItem.data);
      lineItems.set(lineItem.data.__parentId, siblings);
      continue;
    }
    const order = orderLine.safeParse(value);
    if (order.success) {
      orders.set(order.data.id, order.data);
      continue;
    }
    const contract = contractLine.safeParse(value);
    if (contract.success) contractIds.push(contract.data.id);
    else unreadable += 1;
  }
  return {
    orders: [...orders.values()].map((order) => asOrderPayload(order, lineItems.get(order.id) ?? [])),
    contractIds,
    unreadable,
  };
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
