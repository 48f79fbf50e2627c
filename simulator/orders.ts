import { decimalFromMinor } from "../app/money";
import type { SimulatorContext } from "./context";
import type { OrderRecord, ShopRecord } from "./store";
import { orderPayload, refundedQuantity } from "./webhook-payloads";

/**
 * What a merchant does to an order in Shopify's admin, with the webhooks Shopify sends for it:
 * fulfil (orders/fulfilled, orders/updated), cancel (orders/cancelled, orders/updated) and refund
 * lines (refunds/create, orders/updated).
 */
export class OrderActionError extends Error {}

export async function fulfilOrder(sim: SimulatorContext, shop: ShopRecord, order: OrderRecord): Promise<void> {
  if (order.cancelledAt) throw new OrderActionError("A cancelled order cannot be fulfilled");
  order.fulfilledAt ??= sim.clock.now();
  await sim.webhooks.send(shop.domain, "orders/fulfilled", orderPayload(shop, order));
  await sim.webhooks.send(shop.domain, "orders/updated", orderPayload(shop, order));
}

export async function cancelOrder(sim: SimulatorContext, shop: ShopRecord, order: OrderRecord): Promise<void> {
  if (order.fulfilledAt) throw new OrderActionError("A fulfilled order cannot be cancelled");
  order.cancelledAt ??= sim.clock.now();
  order.financialStatus = "REFUNDED";
  await sim.webhooks.send(shop.domain, "orders/cancelled", orderPayload(shop, order));
  await sim.webhooks.send(shop.domain, "orders/updated", orderPayload(shop, order));
}

export async function refundLines(
  sim: SimulatorContext,
  shop: ShopRecord,
  order: OrderRecord,
  lines: { lineId: number; quantity: number }[],
): Promise<number> {
  for (const { lineId, quantity } of lines) {
    const line = order.lines.find((l) => l.id === lineId);
    const refunded = refundedQuantity(order, lineId);
    if (!line) throw new OrderActionError(`Line ${lineId} is not in order #${order.number}`);
    if (quantity < 1 || refunded + quantity > line.quantity) throw new OrderActionError(`Cannot refund ${quantity} of line ${lineId}`);
  }
  const refund = { id: sim.store.newId(), createdAt: sim.clock.now(), lines };
  order.refunds.push(refund);
  const everything = order.lines.every((line) => refundedQuantity(order, line.id) >= line.quantity);
  order.financialStatus = everything ? "REFUNDED" : "PARTIALLY_REFUNDED";
  await sim.webhooks.send(shop.domain, "refunds/create", {
    id: refund.id,
    admin_graphql_api_id: `gid://shopify/Refund/${refund.id}`,
    order_id: order.id,
    created_at: refund.createdAt.toISOString(),
    processed_at: refund.createdAt.toISOString(),
    refund_line_items: lines.map(({ lineId, quantity }) => {
      const line = order.lines.find((l) => l.id === lineId)!;
      return {
        id: sim.store.newId(),
        line_item_id: lineId,
        quantity,
        restock_type: "return",
        subtotal: decimalFromMinor(line.priceMinor * quantity),
        line_item: { id: line.id, variant_id: line.variantId, product_id: line.productId, title: line.title, quantity: line.quantity },
      };
    }),
  });
  await sim.webhooks.send(shop.domain, "orders/updated", orderPayload(shop, order));
  return refund.id;
}
