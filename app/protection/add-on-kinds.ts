/**
 * What an add-on sells: cover against damage, or a service for a term. Each sells through the same
 * machinery (a hidden product, the storefront block, cart integrity, registrations); the kind
 * chooses the words shoppers and merchants read. The checkout extension imports this too: keep it
 * free of imports.
 */
export const ADD_ON_KINDS = ["protection", "premium_support", "extended_service"] as const;
export type AddOnKind = (typeof ADD_ON_KINDS)[number];

export const isAddOnKind = (value: string): value is AddOnKind => (ADD_ON_KINDS as readonly string[]).includes(value);
