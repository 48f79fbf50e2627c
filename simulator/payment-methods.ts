import type { CardRecord, PaymentMethodRecord, ShopRecord, Store } from "./store";

/**
 * Customers' vaulted cards (Shopify's CustomerPaymentMethod). A subscription checkout vaults the
 * card it charged; a store that sold subscriptions through another app already holds its
 * customers' cards, which a migration's contracts are made with (subscriptionContractAtomicCreate).
 */
export function vaultCard(store: Store, shop: ShopRecord, customerId: number, card: CardRecord): PaymentMethodRecord {
  const method: PaymentMethodRecord = { id: store.newId(), customerId, card, revokedAt: null };
  shop.paymentMethods.set(method.id, method);
  return method;
}

/** Shopify's CustomerPaymentMethod with a credit card instrument, as the Admin API gives it. */
export function presentPaymentMethod(id: string, card: CardRecord, revokedAt: Date | null) {
  return {
    __typename: "CustomerPaymentMethod",
    id,
    revokedAt: revokedAt?.toISOString() ?? null,
    revokedReason: revokedAt ? "CUSTOMER_REVOKED" : null,
    instrument: {
      __typename: "CustomerCreditCard",
      ...card,
      firstDigits: null,
      maskedNumber: `•••• •••• •••• ${card.lastDigits}`,
      isRevocable: true,
      source: null,
      virtualLastDigits: null,
      billingAddress: null,
    },
  };
}
