import type { CancellationReason } from "./contract-actions";

/**
 * The cancellation flow's save offers. Pure. A customer who wants to leave says why; Orchard then
 * offers what answers that reason, best fit first, before confirming. Every offer shown, taken or
 * declined is recorded for the retention dashboard.
 */
export type SaveOffer =
  | { kind: "pause"; months: number }
  | { kind: "skip" }
  | { kind: "frequency" }
  | { kind: "discount"; percent: number };

export interface SaveOfferSettings {
  /** A one-time discount on the next order, in percent; 0 when the merchant offers none. */
  saveOfferPercent: number;
  /** The longest pause offered, in months. */
  pauseOfferMonths: number;
}

export function saveOffersFor(reason: CancellationReason, settings: SaveOfferSettings): SaveOffer[] {
  const pause: SaveOffer = { kind: "pause", months: Math.max(1, settings.pauseOfferMonths) };
  const discount: SaveOffer[] = settings.saveOfferPercent > 0 ? [{ kind: "discount", percent: settings.saveOfferPercent }] : [];
  switch (reason) {
    case "too_expensive":
      return [...discount, { kind: "frequency" }, pause];
    case "too_much_product":
      return [{ kind: "frequency" }, { kind: "skip" }, pause];
    case "going_away":
      return [pause, { kind: "skip" }];
    case "not_using":
      return [pause, { kind: "frequency" }];
    case "quality":
      return discount;
    case "other":
      return [pause, ...discount];
  }
}
