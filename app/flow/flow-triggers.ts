import type { CustomerLifecycleEvent, DomainEvents, PublishedEvent } from "../events/domain-events";

/**
 * Orchard's Shopify Flow triggers (docs/flow.md): which domain event starts which trigger, and the
 * payload Flow receives. Each trigger is declared to Shopify by an extension of its own
 * (extensions/flow-<name>/shopify.extension.toml); a unit test holds the two to the same handles
 * and fields. Pure.
 *
 * Flow reads a commerce object itself from its reference field, sent as the object's numeric id
 * under `customer_id`, `order_id` or `product_id`; Orchard's own fields go under the keys the
 * extension declares (Flow allows letters and spaces only).
 */
export type FlowReference = "customer" | "order" | "product";
export type FlowFieldType = "single_line_text_field" | "number_integer";

export interface FlowTriggerDefinition {
  /** The name the merchant picks it by in Flow ("object + past tense verb", sentence case). */
  name: string;
  /** Flow's reference fields, in the order the extension declares them. */
  references: readonly FlowReference[];
  /** Orchard's own fields by key. */
  fields: Readonly<Record<string, FlowFieldType>>;
}

const CONTRACT = { "subscription contract id": "single_line_text_field" } as const;

export const FLOW_TRIGGERS = {
  "subscription-created": { name: "Subscription created", references: ["customer"], fields: CONTRACT },
  "subscription-paused": { name: "Subscription paused", references: ["customer"], fields: CONTRACT },
  "subscription-resumed": { name: "Subscription resumed", references: ["customer"], fields: CONTRACT },
  "subscription-cancelled": {
    name: "Subscription cancelled",
    references: ["customer"],
    fields: { ...CONTRACT, "cancellation reason": "single_line_text_field" },
  },
  "subscription-reactivated": { name: "Subscription reactivated", references: ["customer"], fields: CONTRACT },
  "payment-failed": {
    name: "Subscription payment failed",
    references: ["customer"],
    fields: { ...CONTRACT, "error code": "single_line_text_field", "retry number": "number_integer" },
  },
  "dunning-exhausted": {
    name: "Subscription payment retries exhausted",
    references: ["customer"],
    fields: { ...CONTRACT, "final action": "single_line_text_field" },
  },
  "reminder-sent": {
    name: "Reorder reminder sent",
    references: ["customer", "product"],
    fields: { "product title": "single_line_text_field" },
  },
  "reminder-converted": {
    name: "Reorder reminder converted",
    references: ["customer", "product"],
    fields: { conversion: "single_line_text_field" },
  },
  "claim-filed": {
    name: "Protection claim filed",
    references: ["customer", "order"],
    fields: { "claim reason": "single_line_text_field" },
  },
} as const satisfies Record<string, FlowTriggerDefinition>;

export type FlowTriggerHandle = keyof typeof FLOW_TRIGGERS;

/**
 * The trigger a lifecycle callback names: Flow's `flow_trigger_definition_id`, which Shopify's
 * documentation shows as the trigger's name and the CLI era as its handle; either is taken.
 */
export function flowTriggerNamed(id: string): FlowTriggerHandle | null {
  const handles = Object.keys(FLOW_TRIGGERS) as FlowTriggerHandle[];
  return handles.find((handle) => handle === id || FLOW_TRIGGERS[handle].name === id) ?? null;
}

export interface FlowTriggerRequest {
  handle: FlowTriggerHandle;
  payload: Record<string, string | number>;
}

/** The numeric id Flow's reference fields take, from Shopify's gid ("gid://shopify/Customer/42" → 42). */
export function legacyResourceId(gid: string): number | null {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)$/.exec(gid);
  return match ? Number(match[1]) : null;
}

const STATUS_TRIGGERS: Record<DomainEvents["subscription.statusChanged"]["change"], FlowTriggerHandle | null> = {
  created: "subscription-created",
  paused: "subscription-paused",
  resumed: "subscription-resumed",
  cancelled: "subscription-cancelled",
  reactivated: "subscription-reactivated",
  // A subscription that ran its course is no event a merchant automates on its own: it has none.
  ended: null,
};

/**
 * The trigger an event starts and its payload, or null: the event has no trigger, or the customer
 * (every trigger's reference) is unknown, and Flow would have nothing to run on.
 */
export function flowTriggerOf<T extends CustomerLifecycleEvent>(type: T, event: PublishedEvent<T>): FlowTriggerRequest | null {
  const customerId = event.customerId ? legacyResourceId(event.customerId) : null;
  if (customerId === null) return null;
  const customer = { customer_id: customerId };
  const reference = (key: "order_id" | "product_id", gid: string | null) => {
    const id = gid ? legacyResourceId(gid) : null;
    return id === null ? null : { [key]: id };
  };
  const payload = event.payload as DomainEvents[CustomerLifecycleEvent];
  switch (type) {
    case "subscription.statusChanged": {
      const { change, contractId, cancellationReason } = payload as DomainEvents["subscription.statusChanged"];
      const handle = STATUS_TRIGGERS[change];
      if (!handle) return null;
      const reason: Record<string, string> = handle === "subscription-cancelled" ? { "cancellation reason": cancellationReason ?? "" } : {};
      return { handle, payload: { ...customer, "subscription contract id": contractId, ...reason } };
    }
    case "subscription.paymentFailed": {
      const { contractId, errorCode, retry } = payload as DomainEvents["subscription.paymentFailed"];
      return {
        handle: "payment-failed",
        payload: { ...customer, "subscription contract id": contractId, "error code": errorCode, "retry number": retry },
      };
    }
    case "subscription.dunningExhausted": {
      const { contractId, finalAction } = payload as DomainEvents["subscription.dunningExhausted"];
      return {
        handle: "dunning-exhausted",
        payload: { ...customer, "subscription contract id": contractId, "final action": finalAction },
      };
    }
    case "reminder.sent": {
      const { productId, productTitle } = payload as DomainEvents["reminder.sent"];
      const product = reference("product_id", productId);
      return product && { handle: "reminder-sent", payload: { ...customer, ...product, "product title": productTitle } };
    }
    case "reminder.converted": {
      const { productId, conversion } = payload as DomainEvents["reminder.converted"];
      const product = reference("product_id", productId);
      return product && { handle: "reminder-converted", payload: { ...customer, ...product, conversion } };
    }
    case "protection.claimFiled": {
      const { orderId, reason } = payload as DomainEvents["protection.claimFiled"];
      const order = reference("order_id", orderId);
      return order && { handle: "claim-filed", payload: { ...customer, ...order, "claim reason": reason } };
    }
  }
  return null;
}
