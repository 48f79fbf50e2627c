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
  mrrKeptMinor: number | null;
}

/** One save offer's record: how often it was shown, how often taken, and the MRR it kept. */
export interface OfferFigures {
  offer: string;
  shown: number;
  accepted: number;
  acceptance: Rate;
  mrrKeptMinor: number;
}

export interface CancellationReport {
  /** Cancellations by reason, most frequent first. */
  reasons: { reason: string; count: number }[];
  /** Flows that ended in a taken offer ÷ flows that showed one (taken, or declined and cancelled). */
  saveRate: Rate;
  /** Each offer shown, most kept MRR first. */
  offers: OfferFigures[];
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
    saveRate: { numerator: accepted.length, denominator: accepted.length + declinedFlows },
    offers: offerFigures(events),
  };
}

/**
 * Per offer: shown counts every record of it (an offer shown stays "offered", turns "declined" when
 * the subscriber cancels anyway, or "accepted" when taken); kept is the MRR of the subscriptions
 * that took it, as they were when they stayed.
 */
function offerFigures(events: RetentionEventForReport[]): OfferFigures[] {
  const byOffer = new Map<string, OfferFigures>();
  for (const event of events) {
    if (!event.offer || !["offered", "declined", "accepted"].includes(event.outcome)) continue;
    const figures = byOffer.get(event.offer) ?? {
      offer: event.offer,
      shown: 0,
      accepted: 0,
      acceptance: { numerator: 0, denominator: 0 },
      mrrKeptMinor: 0,
    };
    figures.shown += 1;
    if (event.outcome === "accepted") {
      figures.accepted += 1;
      figures.mrrKeptMinor += event.mrrKeptMinor ?? 0;
    }
    figures.acceptance = { numerator: figures.accepted, denominator: figures.shown };
    byOffer.set(event.offer, figures);
  }
  return [...byOffer.values()].sort((a, b) => b.mrrKeptMinor - a.mrrKeptMinor || b.accepted - a.accepted || a.offer.localeCompare(b.offer));
}
