import type { OrderWebhook } from "../orders/order-webhook";

/**
 * Which products to suggest for a first subscribe-and-save plan: the ones customers already buy
 * again. Pure: ranks products from order lines by how many customers bought them in two or more
 * orders, then by units sold.
 */
export interface OrderLines {
  customerId: string | null;
  lines: { productId: string; title: string; quantity: number }[];
}

export interface RepeatProduct {
  id: string;
  title: string;
  repeatCustomers: number;
  units: number;
}

export function repeatPurchaseProducts(orders: OrderLines[], limit = 5): RepeatProduct[] {
  const products = new Map<string, { title: string; units: number; ordersByCustomer: Map<string, number> }>();
  for (const order of orders) {
    // A product twice in one order is one purchase of it.
    const inOrder = new Set<string>();
    for (const line of order.lines) {
      const product = products.get(line.productId) ?? { title: line.title, units: 0, ordersByCustomer: new Map<string, number>() };
      product.units += line.quantity;
      if (order.customerId && !inOrder.has(line.productId)) {
        product.ordersByCustomer.set(order.customerId, (product.ordersByCustomer.get(order.customerId) ?? 0) + 1);
        inOrder.add(line.productId);
      }
      products.set(line.productId, product);
    }
  }
  return [...products]
    .map(([id, p]) => ({
      id,
      title: p.title,
      units: p.units,
      repeatCustomers: [...p.ordersByCustomer.values()].filter((n) => n >= 2).length,
    }))
    .filter((p) => p.repeatCustomers > 0)
    .sort((a, b) => b.repeatCustomers - a.repeatCustomers || b.units - a.units || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/** An order as the ledger reads it (webhook or history import), reduced to what the ranking needs. */
export function orderLinesOf(order: OrderWebhook): OrderLines {
  return {
    customerId: order.customer?.admin_graphql_api_id ?? null,
    lines: order.line_items.flatMap((line) =>
      line.product_id === null
        ? []
        : [{ productId: `gid://shopify/Product/${line.product_id}`, title: line.title, quantity: line.quantity }],
    ),
  };
}
