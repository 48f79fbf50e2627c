/**
 * Cycles that fell due while Orchard could not bill them (the worker down, the database
 * unreachable, the shop's clock jumped): the merchant's policy, docs/decisions/013. Pure.
 *
 * One cycle due, however late, is the customer's current order: it is charged. When several fell
 * due together, all but the latest are past and are never charged (a burst of charges is what a
 * customer disputes); the latest is charged once, or also skipped, as the merchant chose.
 */
export const MISSED_CYCLES_POLICIES = ["chargeLatest", "skipAll"] as const;
export type MissedCyclesPolicy = (typeof MISSED_CYCLES_POLICIES)[number];

/** Of the cycles from `first` to `latest` (inclusive) due at once, the one to charge, or null for none. */
export function cycleToCharge(first: number, latest: number, policy: MissedCyclesPolicy): number | null {
  if (latest < first) return null;
  if (latest === first || policy === "chargeLatest") return latest;
  return null;
}
