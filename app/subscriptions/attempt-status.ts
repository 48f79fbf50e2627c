/**
 * The states of a billing attempt (BillingAttempt.status) that decide what may still happen to its
 * cycle. A charge in flight may still be taken by Shopify: a pause or an end gives it up (its
 * outcome then changes nothing), and the customer may not skip or bill the cycle again meanwhile.
 */
export const CHARGE_IN_FLIGHT = ["sending", "sent", "challenged"];

/** Not settled yet: waiting to be sent, or in flight. */
export const UNSETTLED = ["scheduled", ...CHARGE_IN_FLIGHT];
