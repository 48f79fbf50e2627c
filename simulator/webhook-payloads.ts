import { gid } from "./ids";
import { decimalFromMinor } from "../app/money";
import type { ContractRecord, CustomerRecord, OrderRecord, ShopRecord } from "./store";

/** Webhook bodies in Shopify's REST shapes (snake_case, numeric ids beside admin_graphql_api_id). */
export function customerPayload(customer: CustomerRecord) {
  return {
    id: customer.id,
    admin_graphql_api_id: gid("Customer", customer.id),
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    locale: customer.locale,
    email_marketing_consent: { state: customer.marketingState.toLowerCase(), opt_in_level: "single_opt_in", consent_updated_at: null },
    created_at: customer.createdAt.toISOString(),
  };
}

export function orderPayload(shop: ShopRecord, order: OrderRecord) {
  const discounted = order.lines.reduce((sum, line) => sum + (line.discountMinor ?? 0), 0);
  const subtotal = order.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0) - discounted;
  const customer = order.customerId ? shop.customers.get(order.customerId) : undefined;
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    name: `#${order.number}`,
    order_number: order.number,
    email: order.email,
    created_at: order.createdAt.toISOString(),
    processed_at: order.createdAt.toISOString(),
    updated_at: orderUpdatedAt(order).toISOString(),
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    currency: order.currencyCode,
    presentment_currency: order.currencyCode,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: order.fulfilledAt ? "fulfilled" : null,
    fulfillments: order.fulfilledAt
      ? [
          {
            id: order.id,
            status: "success",
            created_at: order.fulfilledAt.toISOString(),
            line_items: order.lines.map((line) => ({ id: line.id, quantity: line.quantity })),
          },
        ]
      : [],
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      created_at: refund.createdAt.toISOString(),
      refund_line_items: refund.lines.map((line) => ({ line_item_id: line.lineId, quantity: line.quantity })),
    })),
    subtotal_price: decimalFromMinor(subtotal),
    total_price: decimalFromMinor(subtotal),
    total_tax: "0.00",
    customer: customer ? customerPayload(customer) : null,
    note_attributes: order.noteAttributes,
    // The simulator prices one code an order (Shopify's basic code discounts do not combine by default).
    discount_codes: order.discountCodes.map((code, index) => ({
      code,
      amount: decimalFromMinor(index === 0 ? discounted : 0),
      type: "percentage",
    })),
    line_items: order.lines.map((line) => ({
      id: line.id,
      admin_graphql_api_id: gid("LineItem", line.id),
      variant_id: line.variantId,
      product_id: line.productId,
      title: line.title,
      variant_title: line.variantTitle,
      sku: line.sku,
      quantity: line.quantity,
      price: decimalFromMinor(line.priceMinor),
      properties: line.properties,
      total_discount: decimalFromMinor(line.discountMinor ?? 0),
      // Since API 2026-10 every order line says which selling plan it was bought on (null: none).
      selling_plan_id: line.sellingPlanId,
    })),
  };
}

export function contractPayload(contract: ContractRecord) {
  return {
    admin_graphql_api_id: gid("SubscriptionContract", contract.id),
    id: contract.id,
    billing_policy: {
      interval: contract.billingPolicy.interval.toLowerCase(),
      interval_count: contract.billingPolicy.intervalCount,
      min_cycles: contract.billingPolicy.minCycles,
      max_cycles: contract.billingPolicy.maxCycles,
    },
    currency_code: contract.currencyCode,
    customer_id: contract.customerId,
    admin_graphql_api_customer_id: gid("Customer", contract.customerId),
    delivery_policy: { interval: contract.deliveryPolicy.interval.toLowerCase(), interval_count: contract.deliveryPolicy.intervalCount },
    status: contract.status.toLowerCase(),
    admin_graphql_api_origin_order_id: contract.originOrderId === null ? null : gid("Order", contract.originOrderId),
    origin_order_id: contract.originOrderId,
    revision_id: String(contract.revisionId),
  };
}

/** When an order last changed: its latest refund, cancellation or fulfilment. */
export function orderUpdatedAt(order: OrderRecord): Date {
  return order.refunds.at(-1)?.createdAt ?? order.cancelledAt ?? order.fulfilledAt ?? order.createdAt;
}

/** Units of an order line refunded so far. */
export function refundedQuantity(order: OrderRecord, lineId: number): number {
  return order.refunds.flatMap((refund) => refund.lines).reduce((sum, line) => sum + (line.lineId === lineId ? line.quantity : 0), 0);
}
