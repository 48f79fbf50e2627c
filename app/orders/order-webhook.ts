import { z } from "zod";
import { minorUnits } from "../money";

/**
 * Shopify's order and refund webhook payloads, as far as Orchard reads them. Unknown fields are
 * dropped, not refused: Shopify adds fields without notice.
 */
const nameValue = z.object({ name: z.string(), value: z.unknown().transform((v) => String(v ?? "")) });

/** Shopify's numeric ids arrive as numbers (strings in some tools); null where there is none. */
const optionalId = z
  .union([z.number(), z.string()])
  .nullable()
  .optional()
  .transform((v) => (v == null ? null : String(v)));

const lineItem = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  variant_id: optionalId,
  product_id: optionalId,
  title: z.string().default(""),
  variant_title: z.string().nullable().optional(),
  quantity: z.number().int().min(0),
  price: z.string(),
  properties: z.array(nameValue).default([]),
  total_discount: z.string().optional(),
  // Since API 2026-10: the selling plan a subscription line was sold with; null for one-off lines.
  selling_plan_id: optionalId,
});

export const orderWebhook = z.object({
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/),
  name: z.string(),
  created_at: z.string().datetime({ offset: true }),
  processed_at: z.string().datetime({ offset: true }).nullable().optional(),
  updated_at: z.string().datetime({ offset: true }).nullable().optional(),
  financial_status: z.string().nullable().optional(),
  cancelled_at: z.string().datetime({ offset: true }).nullable().optional(),
  currency: z.string().length(3),
  total_price: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .optional(),
  customer: z
    .object({
      admin_graphql_api_id: z.string(),
      email: z.string().nullable().optional(),
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      locale: z.string().nullable().optional(),
      email_marketing_consent: z.object({ state: z.string() }).nullable().optional(),
    })
    .nullable()
    .optional(),
  email: z.string().nullable().optional(),
  line_items: z.array(lineItem).max(2000),
  note_attributes: z.array(nameValue).default([]),
  discount_codes: z.array(z.object({ code: z.string().max(255) })).default([]),
  refunds: z
    .array(
      z.object({
        refund_line_items: z
          .array(z.object({ line_item_id: z.union([z.number(), z.string()]).transform(String), quantity: z.number().int().min(0) }))
          .default([]),
      }),
    )
    .default([]),
  fulfillments: z
    .array(
      z.object({
        created_at: z.string().datetime({ offset: true }),
        status: z.string().optional(),
        line_items: z.array(z.object({ id: z.union([z.number(), z.string()]).transform(String) })).default([]),
      }),
    )
    .default([]),
});
export type OrderWebhook = z.infer<typeof orderWebhook>;

/** Units refunded so far, by line id, over all the order's refunds. */
export function refundedQuantities(order: OrderWebhook): Map<string, number> {
  const refunded = new Map<string, number>();
  for (const line of order.refunds.flatMap((r) => r.refund_line_items))
    refunded.set(line.line_item_id, (refunded.get(line.line_item_id) ?? 0) + line.quantity);
  return refunded;
}

/** What a line brought in before refunds: its units at their price, less its discount, in minor units. */
export function lineNetMinor(line: OrderWebhook["line_items"][number], currencyCode: string): number {
  return minorUnits(line.price, currencyCode) * line.quantity - minorUnits(line.total_discount ?? "0", currencyCode);
}

export const refundWebhook = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  order_id: z.union([z.number(), z.string()]).transform(String),
  refund_line_items: z
    .array(z.object({ line_item_id: z.union([z.number(), z.string()]).transform(String), quantity: z.number().int().min(0) }))
    .default([]),
});
