import { daysLater } from "./billing-schedule";

/**
 * Dunning: what happens after Shopify reports a failed charge. Pure.
 *
 * A declined card is the customer's to fix: they are told, Shopify sends them a link to update the
 * card, and the charge is retried on the merchant's schedule (days after the first failure, e.g.
 * 1, 3 and 7), then the merchant's final action applies. An out-of-stock failure is the merchant's
 * to fix: the customer is not blamed, and it follows its own, shorter schedule.
 */
export type FailureKind = "payment" | "inventory";
export type FinalAction = "pause" | "cancel" | "skip";

export const PAYMENT_FINAL_ACTIONS = ["pause", "cancel", "skip"] as const satisfies readonly FinalAction[];
export const INVENTORY_FINAL_ACTIONS = ["skip", "pause"] as const satisfies readonly FinalAction[];

const INVENTORY_CODES = new Set(["INSUFFICIENT_INVENTORY", "INVENTORY_ALLOCATIONS_NOT_FOUND"]);

/** Shopify's SubscriptionBillingAttemptErrorCode, in either case (webhooks send it lower-case). */
export function failureKindOf(errorCode: string): FailureKind {
  return INVENTORY_CODES.has(errorCode.toUpperCase()) ? "inventory" : "payment";
}

export interface DunningPolicy {
  /** Days after the first failure, strictly increasing, e.g. [1, 3, 7]. Empty: no retry. */
  retryDays: number[];
  finalAction: FinalAction;
}

export type DunningStep = { kind: "retry"; retry: number; at: Date } | { kind: "final"; action: FinalAction };

/**
 * The step after attempt `failedRetry` (0 is the cycle's own charge) failed at `failedAt`: the next
 * retry, as many days after this failure as the schedule puts between them, or the final action.
 */
export function nextDunningStep(policy: DunningPolicy, failedRetry: number, failedAt: Date, timeZone: string): DunningStep {
  if (failedRetry >= policy.retryDays.length) return { kind: "final", action: policy.finalAction };
  const gap = policy.retryDays[failedRetry]! - (failedRetry === 0 ? 0 : policy.retryDays[failedRetry - 1]!);
  return { kind: "retry", retry: failedRetry + 1, at: daysLater(failedAt, gap, timeZone) };
}

/** A retry schedule as the merchant types it ("1, 3, 7"): whole days, increasing, at most 60 days and 6 retries. */
export function parseRetryDays(text: string): number[] | null {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const parts = trimmed.split(/\s*,\s*/);
  if (parts.length > 6 || parts.some((p) => !/^\d{1,2}$/.test(p))) return null;
  const days = parts.map(Number);
  const increasing = days.every((d, i) => d >= 1 && d <= 60 && (i === 0 || d > days[i - 1]!));
  return increasing ? days : null;
}
