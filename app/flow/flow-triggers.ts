import {
  translateLifecycleEvent,
  type CustomerLifecycleEvent,
  type DomainEvents,
  type LifecycleTranslation,
  type PublishedEvent,
} from "../events/domain-events";

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

/** A trigger's run before the customer is added: its fields, and the order or product it refers to. */
interface TriggerRun {
  handle: FlowTriggerHandle;
  reference?: { key: "order_id" | "product_id"; gid: string };
  fields: Record<string, string | number>;
}

const contractFields = (contractId: string) => ({ "subscription contract id": contractId });

const TRIGGER_RUNS: LifecycleTranslation<TriggerRun | null> = {
  "subscription.statusChanged": ({ change, contractId, cancellationReason }) => {
    const handle = STATUS_TRIGGERS[change];
    if (!handle) return null;
    const reason: Record<string, string> = handle === "subscription-cancelled" ? { "cancellation reason": cancellationReason ?? "" } : {};
    return { handle, fields: { ...contractFields(contractId), ...reason } };
  },
  "subscription.paymentFailed": ({ contractId, errorCode, retry }) => ({
    handle: "payment-failed",
    fields: { ...contractFields(contractId), "error code": errorCode, "retry number": retry },
  }),
  "subscription.dunningExhausted": ({ contractId, finalAction }) => ({
    handle: "dunning-exhausted",
    fields: { ...contractFields(contractId), "final action": finalAction },
  }),
  "reminder.sent": ({ productId, productTitle }) => ({
    handle: "reminder-sent",
    reference: { key: "product_id", gid: productId },
    fields: { "product title": productTitle },
  }),
  "reminder.converted": ({ productId, conversion }) => ({
    handle: "reminder-converted",
    reference: { key: "product_id", gid: productId },
    fields: { conversion },
  }),
  "protection.claimFiled": ({ orderId, reason }) => ({
    handle: "claim-filed",
    reference: { key: "order_id", gid: orderId },
    fields: { "claim reason": reason },
  }),
};

/**
 * The trigger an event starts and its payload, or null: the event has no trigger, or the customer
 * (every trigger's reference) or the order or product it names is unknown, and Flow would have
 * nothing to run on.
 */
export function flowTriggerOf<T extends CustomerLifecycleEvent>(type: T, event: PublishedEvent<T>): FlowTriggerRequest | null {
  const customerId = event.customerId ? legacyResourceId(event.customerId) : null;
  const run = translateLifecycleEvent(TRIGGER_RUNS, type, event.payload);
  if (customerId === null || !run) return null;
  if (!run.reference) return { handle: run.handle, payload: { customer_id: customerId, ...run.fields } };
  const referenceId = legacyResourceId(run.reference.gid);
  if (referenceId === null) return null;
  return { handle: run.handle, payload: { customer_id: customerId, [run.reference.key]: referenceId, ...run.fields } };
}
