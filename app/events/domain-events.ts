/**
 * The domain events one capability publishes for others to react to, as plain data. The catalogue
 * sits below every capability, so that a publisher and its subscribers share the types without
 * importing each other. The customer an event is about travels beside its payload (customerId), so
 * that customers/redact can replace it in events not yet delivered.
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
}

export type DomainEventType = keyof DomainEvents;

/** An event as its subscribers receive it. */
export interface PublishedEvent<T extends DomainEventType> {
  shop: string;
  customerId: string | null;
  payload: DomainEvents[T];
}
