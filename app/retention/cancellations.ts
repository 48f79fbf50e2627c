import type { Rate } from "./rates";

/**
 * Why subscribers leave and how often the cancellation flow keeps them (docs/metrics.md), from the
 * flow's recorded events: each offer shown is "offered", turned "declined" when the subscriber
 * cancels anyway; an offer taken adds an "accepted" event; every cancellation adds "cancelled"
 * with its reason. Pure.
 */
export interface RetentionEventForReport {
  contractId: string;
  reason: string;
  offer: string | null;
  outcome: string;
}

export interface CancellationReport {
  /** Cancellations by reason, most frequent first. */
  reasons: { reason: string; count: number }[];
  /** Offers taken, by kind. */
  accepted: { offer: string; count: number }[];
  /** Flows that ended in a taken offer ÷ flows that showed one (taken, or declined and cancelled). */
  saveRate: Rate;
}

function counted(keys: string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function cancellationReport(events: RetentionEventForReport[]): CancellationReport {
  const accepted = events.filter((e) => e.outcome === "accepted");
  // Several offers of one flow are declined together: the flow counts once.
  const declinedFlows = new Set(events.filter((e) => e.outcome === "declined").map((e) => e.contractId)).size;
  return {
    reasons: counted(events.filter((e) => e.outcome === "cancelled").map((e) => e.reason)).map(({ key, count }) => ({
      reason: key,
      count,
    })),
    accepted: counted(accepted.map((e) => e.offer ?? "unknown")).map(({ key, count }) => ({ offer: key, count })),
    saveRate: { numerator: accepted.length, denominator: accepted.length + declinedFlows },
  };
}
