import type { CustomerRef } from "./customer-ref";

/**
 * Whether a webhook payload (JSON as Shopify sent it) is about the customer, by exact fields: a
 * value equal to their gid, a customer's numeric id (`customer_id`, or `id` of a `customer`
 * object), or an email address equal to theirs, ignoring case. Never a substring: Customer/12 is
 * not Customer/123, and a@b.co is not xa@b.com. Pure, and the same whatever the database.
 */
export function payloadMentions(payload: string, customer: CustomerRef): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return false;
  }
  const legacyId = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(customer.customerId)?.[1] ?? null;
  const email = customer.email?.trim().toLowerCase() || null;
  const isLegacyId = (value: unknown) =>
    legacyId !== null && (typeof value === "number" || typeof value === "string") && String(value) === legacyId;

  const visit = (value: unknown, key: string | null, parentKey: string | null): boolean => {
    if (typeof value === "string") {
      if (value === customer.customerId) return true;
      if (email !== null && value.trim().toLowerCase() === email) return true;
    }
    if ((key === "customer_id" || (key === "id" && parentKey === "customer")) && isLegacyId(value)) return true;
    if (Array.isArray(value)) return value.some((item) => visit(item, null, key));
    if (value !== null && typeof value === "object") {
      return Object.entries(value as Record<string, unknown>).some(([childKey, child]) => visit(child, childKey, key));
    }
    return false;
  };
  return visit(parsed, null, null);
}
