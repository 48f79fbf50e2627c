import type { RuleBook, RuleLike } from "./rules";
import { reminderDueAt } from "./timing";

/**
 * Which reminders a batch of paid orders creates, pure. One reminder per customer and product is
 * open at a time: a later order of the product moves the reminder to that order's date (the older
 * one ends as "reordered"), whatever order the webhooks arrive in. A customer who unsubscribed,
 * gave no marketing consent, has no email or already subscribes to the product is recorded as
 * skipped with the reason, so the merchant sees why nobody was reminded.
 */
export interface OrderForReminders {
  orderId: string;
  orderedAt: Date;
  currencyCode: string;
  customer: { id: string; email: string | null; name: string | null; locale: string; marketingConsent: boolean } | null;
  lines: OrderLineForReminders[];
}

export interface OrderLineForReminders {
  id: string;
  productId: string;
  variantId: string;
  title: string;
  quantity: number;
  /** What the line earned after its discounts, in minor units: a conversion's revenue. */
  revenueMinor: number;
}

export type SkipReason = "noEmail" | "noConsent" | "unsubscribed" | "subscribed";
export type EndReason = SkipReason | "reordered" | "refunded" | "orderCancelled" | "late";

export interface PlannedReminder {
  customerId: string;
  customerEmail: string;
  customerName: string | null;
  locale: string;
  productId: string;
  variantId: string;
  title: string;
  quantity: number;
  orderId: string;
  orderLineId: string;
  orderedAt: Date;
  dueAt: Date;
  status: "scheduled" | "skipped" | "cancelled";
  openKey: string | null;
  reason: EndReason | null;
  discountCode: string | null;
  currencyCode: string;
}

export interface PlanningState {
  /** Customers who unsubscribed from reminders. */
  optedOut: ReadonlySet<string>;
  /** openKey (customer|product) of every active subscription. */
  subscribed: ReadonlySet<string>;
  /** The open reminder of each customer|product already stored: its id and its order's date. */
  open: ReadonlyMap<string, { id: string; orderedAt: Date }>;
  /** Order lines that already have a reminder: a repeated webhook plans nothing. */
  known: ReadonlySet<string>;
}

export interface Plan {
  create: PlannedReminder[];
  /** Stored open reminders a later order replaces. */
  supersede: string[];
}

export const openKeyOf = (customerId: string, productId: string) => `${customerId}|${productId}`;

/**
 * `when.notDueBefore`: for orders from before the rule (its past buyers), a line whose product has
 * run out already is left alone: a reminder now would come too late to help, and none is recorded.
 */
export function planReminders<R extends RuleLike>(
  orders: readonly OrderForReminders[],
  rules: RuleBook<R>,
  collectionsOf: (productId: string) => readonly string[],
  state: PlanningState,
  when: { timeZone: string; sendHour: number; notDueBefore?: Date },
): Plan {
  const create: PlannedReminder[] = [];
  const supersede: string[] = [];
  // The newest claim on each open key so far: a stored reminder, or one planned in this batch.
  const open = new Map<string, { orderedAt: Date; stored?: string; planned?: PlannedReminder }>(
    [...state.open].map(([key, value]) => [key, { orderedAt: value.orderedAt, stored: value.id }]),
  );
  const ordered = [...orders].sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime());
  for (const order of ordered) {
    const customer = order.customer;
    if (!customer) continue;
    for (const line of order.lines) {
      if (line.quantity < 1 || state.known.has(line.id)) continue;
      const rule = rules.ruleFor(line.variantId, line.productId, collectionsOf(line.productId));
      if (!rule) continue;
      const dueAt = reminderDueAt(order.orderedAt, line.quantity, { ...rule, sendHour: when.sendHour }, when.timeZone);
      if (when.notDueBefore && dueAt < when.notDueBefore) continue;
      const key = openKeyOf(customer.id, line.productId);
      const skip: SkipReason | null = !customer.email
        ? "noEmail"
        : state.optedOut.has(customer.id)
          ? "unsubscribed"
          : !customer.marketingConsent
            ? "noConsent"
            : state.subscribed.has(key)
              ? "subscribed"
              : null;
      const reminder: PlannedReminder = {
        customerId: customer.id,
        customerEmail: customer.email ?? "",
        customerName: customer.name,
        locale: customer.locale,
        productId: line.productId,
        variantId: line.variantId,
        title: line.title,
        quantity: line.quantity,
        orderId: order.orderId,
        orderLineId: line.id,
        orderedAt: order.orderedAt,
        dueAt,
        status: skip ? "skipped" : "scheduled",
        openKey: skip ? null : key,
        reason: skip,
        discountCode: rule.discountCode,
        currencyCode: order.currencyCode,
      };
      create.push(reminder);
      if (skip) continue;
      const current = open.get(key);
      if (current && current.orderedAt.getTime() > order.orderedAt.getTime()) {
        // A newer order's reminder is already open: this older order's arrives too late to matter.
        Object.assign(reminder, { status: "cancelled", openKey: null, reason: "reordered" });
        continue;
      }
      if (current?.stored) supersede.push(current.stored);
      if (current?.planned) Object.assign(current.planned, { status: "cancelled", openKey: null, reason: "reordered" });
      open.set(key, { orderedAt: order.orderedAt, planned: reminder });
    }
  }
  return { create, supersede };
}
