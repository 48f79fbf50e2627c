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

/**
 * The ranking built one order at a time, so a history of any length is read once: it holds a count
 * per product and customer, never the orders, and each customer's id once (a number stands for it
 * in the counts: a shop's million orders make millions of product and customer pairs).
 */
export class RepeatPurchases {
  private readonly products = new Map<string, { title: string; units: number; ordersByCustomer: Map<number, number> }>();
  private readonly customerNumbers = new Map<string, number>();

  add(order: OrderLines): void {
    let customer: number | undefined;
    if (order.customerId) {
      customer = this.customerNumbers.get(order.customerId);
      if (customer === undefined) {
        customer = this.customerNumbers.size;
        this.customerNumbers.set(order.customerId, customer);
      }
    }
    // A product twice in one order is one purchase of it.
    const inOrder = new Set<string>();
    for (const line of order.lines) {
      const product = this.products.get(line.productId) ?? { title: line.title, units: 0, ordersByCustomer: new Map<number, number>() };
      product.units += line.quantity;
      if (customer !== undefined && !inOrder.has(line.productId)) {
        product.ordersByCustomer.set(customer, (product.ordersByCustomer.get(customer) ?? 0) + 1);
        inOrder.add(line.productId);
      }
      this.products.set(line.productId, product);
    }
  }

  best(limit = 5): RepeatProduct[] {
    return [...this.products]
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
}

export function repeatPurchaseProducts(orders: Iterable<OrderLines>, limit = 5): RepeatProduct[] {
  const ranking = new RepeatPurchases();
  for (const order of orders) ranking.add(order);
  return ranking.best(limit);
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
