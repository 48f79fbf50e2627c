/**
 * The payment method a subscription charges, as the customer recognises it: a card's brand, last
 * digits and expiry, or a PayPal account. Pure. Orchard keeps only this description; the method
 * itself stays in Shopify's vault, and the customer updates it through Shopify's own email.
 */
export type PaymentMethodSummary =
  | { kind: "card"; brand: string; lastDigits: string; expiryMonth: number; expiryYear: number }
  | { kind: "paypal"; email: string };

interface InstrumentNode {
  __typename?: string;
  brand?: string;
  lastDigits?: string;
  expiryMonth?: number;
  expiryYear?: number;
  paypalAccountEmail?: string | null;
}

export function paymentMethodFromShopify(instrument: InstrumentNode | null | undefined): PaymentMethodSummary | null {
  switch (instrument?.__typename) {
    case "CustomerCreditCard":
    case "CustomerShopPayAgreement":
      if (!instrument.lastDigits || !instrument.expiryMonth || !instrument.expiryYear) return null;
      return {
        kind: "card",
        brand: instrument.brand ?? "Shop Pay",
        lastDigits: instrument.lastDigits,
        expiryMonth: instrument.expiryMonth,
        expiryYear: instrument.expiryYear,
      };
    case "CustomerPaypalBillingAgreement":
      return instrument.paypalAccountEmail ? { kind: "paypal", email: instrument.paypalAccountEmail } : null;
    default:
      return null;
  }
}

/**
 * Whether a card stops working before a day (YYYY-MM-DD, the shop's calendar): a card is valid
 * through the last day of its expiry month. The customer is told before the order it would fail.
 */
export function cardExpiresBefore(method: PaymentMethodSummary, day: string): boolean {
  if (method.kind !== "card") return false;
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return method.expiryYear < year || (method.expiryYear === year && method.expiryMonth < month);
}

/** The column Orchard keeps it in (JSON it wrote itself). */
export function storedPaymentMethod(column: string | null): PaymentMethodSummary | null {
  return column ? (JSON.parse(column) as PaymentMethodSummary) : null;
}
