/** The states of a subscription contract, as Shopify names them. */
export const CONTRACT_STATUSES = ["ACTIVE", "PAUSED", "CANCELLED", "EXPIRED", "FAILED"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
