/**
 * The domain events one capability publishes for others to react to, as plain data. The catalogue
 * sits below every capability, so that a publisher and its subscribers share the types without
 * importing each other. The customer an event is about travels beside its payload (customerId, and
 * customerEmail where known), so that customers/redact can replace them in events not yet delivered.
 */
export interface DomainEvents {
  /**
   * A subscription contract's MRR changed, as Orchard's mirror applied a revision of it (app/subscriptions/contracts.server.ts).
   * `at` is when the mirror applied it (ISO 8601); the customer is the contract's, if it has one.
   */
  "subscription.mrrChanged": { contractId: string; at: string; mrrMinor: number; currencyCode: string; paused?: boolean };
  /**
   * A renewal of a subscription was paid (app/subscriptions/dunning.server.ts): `contractId` is
   * Orchard's id of the contract, `cycle` the renewal's number (the first renewal is 1).
   */
  "subscription.renewalPaid": { contractId: string; cycle: number };
  /**
   * A subscription started, paused, resumed, was cancelled (with the reason given, if any) or ended,
   * or a cancelled subscriber came back, as Orchard's mirror applied the revision that says so
   * (app/subscriptions/contracts.server.ts), whoever made the change. `contractId` is Shopify's id.
   * A subscription moved in from another app (app/migration/) did not start: it has no "created".
   */
  "subscription.statusChanged": {
    contractId: string;
    change: "created" | "paused" | "resumed" | "cancelled" | "ended" | "reactivated";
    cancellationReason: string | null;
  };
  /**
   * A renewal's charge was declined (not an item out of stock: that is the merchant's to fix), once
   * per attempt: `retry` 0 is the renewal's own charge (app/subscriptions/dunning.server.ts).
   */
  "subscription.paymentFailed": { contractId: string; cycle: number; retry: number; errorCode: string };
  /** A renewal's retries ran out and the merchant's final action is taken: skip, pause or cancel. */
  "subscription.dunningExhausted": { contractId: string; cycle: number; finalAction: "skip" | "pause" | "cancel" };
  /**
   * A reorder reminder went out to its customer (app/reminders/sending.server.ts): Shopify's product
   * id, what was ordered, and the email's signed reorder and subscribe links.
   */
  "reminder.sent": {
    reminderId: string;
    productId: string;
    productTitle: string;
    quantity: number;
    discountCode: string | null;
    reorderUrl: string;
    subscribeUrl: string | null;
  };
  /** A reminder brought an order or a subscription of its product (app/reminders/reminders.server.ts). */
  "reminder.converted": { reminderId: string; productId: string; conversion: "order" | "subscription"; orderId: string | null };
  /** A customer's protection claim was filed (app/protection/registrations.server.ts); Shopify's order id. */
  "protection.claimFiled": { claimId: string; orderId: string; reason: string };
}

export type DomainEventType = keyof DomainEvents;

/**
 * The events in a customer's life with the merchant that the merchant's other tools hear of: Shopify
 * Flow's triggers (app/flow/) and Klaviyo's metrics (app/klaviyo/).
 */
export const CUSTOMER_LIFECYCLE_EVENTS = [
  "subscription.statusChanged",
  "subscription.paymentFailed",
  "subscription.dunningExhausted",
  "reminder.sent",
  "reminder.converted",
  "protection.claimFiled",
] as const satisfies readonly DomainEventType[];

export type CustomerLifecycleEvent = (typeof CUSTOMER_LIFECYCLE_EVENTS)[number];

/**
 * What another tool makes of each lifecycle event (a Flow trigger, a Klaviyo metric): one function
 * per event type, each given that type's own payload.
 */
export type LifecycleTranslation<R> = { [T in CustomerLifecycleEvent]: (payload: DomainEvents[T]) => R };

/** The translation of one event, by its type. */
export function translateLifecycleEvent<T extends CustomerLifecycleEvent, R>(
  translation: LifecycleTranslation<R>,
  type: T,
  payload: DomainEvents[T],
): R {
  // The mapped type keys each function to its event's payload; TypeScript cannot follow that through `T`.
  return (translation[type] as (payload: DomainEvents[T]) => R)(payload);
}

/** An event as its subscribers receive it. */
export interface PublishedEvent<T extends DomainEventType> {
  shop: string;
  customerId: string | null;
  /** The customer's email where the publisher knows it (for the customer's other tools: Klaviyo). */
  customerEmail?: string | null;
  payload: DomainEvents[T];
}

/** An event as the outbox delivers it: with its id (unique, for those who deduplicate) and when it was published. */
export type DeliveredEvent<T extends DomainEventType> = PublishedEvent<T> & { id: string; publishedAt: Date };
