/**
 * A save offer taken is confirmed with the message of the change it makes: the customer's page
 * (app/self-service) and the customer account extension say the same.
 */
export const DONE_FOR_OFFER = {
  pause: "pause",
  skip: "skip",
  frequency: "changeFrequency",
  swap: "swapVariant",
  discount: "discount",
  freeProduct: "addOneTime",
} as const;
