import {
  translateLifecycleEvent,
  type CustomerLifecycleEvent,
  type DeliveredEvent,
  type DomainEvents,
  type LifecycleTranslation,
} from "../events/domain-events";

/**
 * Orchard's events as Klaviyo metrics (docs/klaviyo.md): the same ten events Shopify Flow gets,
 * each a metric of the customer's Klaviyo profile (found or made by email) with the properties a
 * Klaviyo flow needs to write the email itself. Pure.
 */
const STATUS_METRICS: Record<DomainEvents["subscription.statusChanged"]["change"], string | null> = {
  created: "Orchard Subscription Created",
  paused: "Orchard Subscription Paused",
  resumed: "Orchard Subscription Resumed",
  cancelled: "Orchard Subscription Cancelled",
  reactivated: "Orchard Subscription Reactivated",
  ended: null,
};

export interface KlaviyoMetric {
  metric: string;
  properties: Record<string, string | number | null>;
}

const KLAVIYO_METRICS: LifecycleTranslation<KlaviyoMetric | null> = {
  "subscription.statusChanged": ({ change, contractId, cancellationReason }) => {
    const metric = STATUS_METRICS[change];
    if (!metric) return null;
    return {
      metric,
      properties: { SubscriptionContractId: contractId, ...(change === "cancelled" ? { CancellationReason: cancellationReason } : {}) },
    };
  },
  "subscription.paymentFailed": ({ contractId, errorCode, retry }) => ({
    metric: "Orchard Subscription Payment Failed",
    properties: { SubscriptionContractId: contractId, ErrorCode: errorCode, RetryNumber: retry },
  }),
  "subscription.dunningExhausted": ({ contractId, finalAction }) => ({
    metric: "Orchard Subscription Retries Exhausted",
    properties: { SubscriptionContractId: contractId, FinalAction: finalAction },
  }),
  "reminder.sent": (sent) => ({
    metric: "Orchard Reorder Reminder Sent",
    properties: {
      ProductId: sent.productId,
      ProductTitle: sent.productTitle,
      Quantity: sent.quantity,
      DiscountCode: sent.discountCode,
      ReorderUrl: sent.reorderUrl,
      SubscribeUrl: sent.subscribeUrl,
    },
  }),
  "reminder.converted": ({ productId, conversion, orderId }) => ({
    metric: "Orchard Reorder Reminder Converted",
    properties: { ProductId: productId, Conversion: conversion, OrderId: orderId },
  }),
  "protection.claimFiled": ({ claimId, orderId, reason }) => ({
    metric: "Orchard Protection Claim Filed",
    properties: { ClaimId: claimId, OrderId: orderId, ClaimReason: reason },
  }),
};

/** The metric an event is, and its properties; null for an event Klaviyo gets nothing of. */
export function klaviyoMetricOf<T extends CustomerLifecycleEvent>(type: T, event: DeliveredEvent<T>): KlaviyoMetric | null {
  return translateLifecycleEvent(KLAVIYO_METRICS, type, event.payload);
}

/** One event on its way to Klaviyo, as kept until it is accepted. */
export interface KlaviyoEventToSend {
  email: string;
  metric: string;
  properties: Record<string, unknown>;
  uniqueId: string;
  occurredAt: Date;
}

/** Klaviyo takes at most 1,000 events in a bulk job (and 5 MB); Orchard sends fewer, well within. */
export const KLAVIYO_BATCH = 100;

/**
 * The body of Klaviyo's Bulk Create Events (POST /api/event-bulk-create-jobs, JSON:API): one entry
 * per profile, with that profile's events.
 */
export function bulkCreateEventsBody(events: KlaviyoEventToSend[]) {
  const byEmail = new Map<string, KlaviyoEventToSend[]>();
  for (const event of events) byEmail.set(event.email, [...(byEmail.get(event.email) ?? []), event]);
  return {
    data: {
      type: "event-bulk-create-job",
      attributes: {
        "events-bulk-create": {
          data: [...byEmail].map(([email, ofProfile]) => ({
            type: "event-bulk-create",
            attributes: {
              profile: { data: { type: "profile", attributes: { email } } },
              events: {
                data: ofProfile.map((event) => ({
                  type: "event",
                  attributes: {
                    metric: { data: { type: "metric", attributes: { name: event.metric } } },
                    properties: event.properties,
                    time: event.occurredAt.toISOString(),
                    unique_id: event.uniqueId,
                  },
                })),
              },
            },
          })),
        },
      },
    },
  };
}

/**
 * A private key as Klaviyo issues them ("pk_" and hex): checked before anything is sent, so a public
 * site id or a pasted sentence is refused at the field.
 */
export function looksLikePrivateKey(key: string): boolean {
  return /^pk_[A-Za-z0-9]{20,64}$/.test(key);
}
