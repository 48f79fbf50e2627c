/**
 * What Orchard does when Shopify refuses to create a billing attempt, decided for each of Shopify's
 * BillingAttemptUserErrorCode values so that no cycle is charged twice or silently dropped:
 *  - "retry": a passing state on Shopify's side (the contract held for review, a processing
 *    failure, throttling): the same attempt, with the same key, an hour later;
 *  - "skipped": Shopify has the cycle skipped: nothing to charge, and nothing failed;
 *  - "refused": final. The contract cannot be billed (paused, terminated, gone), or Orchard's
 *    cycle and Shopify's disagree (origin time or cycle out of range, charged before its date, too
 *    many upcoming cycles); the attempt is failed with Shopify's codes for the merchant to see.
 * Codes Shopify may add later count as "refused": never charging is the safe side.
 */
export type RefusalOutcome = "retry" | "skipped" | "refused";

const PASSING = new Set(["CONTRACT_UNDER_REVIEW", "PROCESSING_FAILED", "THROTTLED"]);

export const REFUSAL_RETRY_MS = 3_600_000;

export function refusalOutcome(codes: readonly (string | null | undefined)[]): RefusalOutcome {
  if (codes.includes("BILLING_CYCLE_SKIPPED")) return "skipped";
  if (codes.length > 0 && codes.every((code) => code && PASSING.has(code))) return "retry";
  return "refused";
}
