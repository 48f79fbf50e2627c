import { CANCELLATION_REASONS, type CancellationReason } from "./contract-actions";

/**
 * The cancellation flow's save offers, as the merchant shapes them. Pure. A customer who wants to
 * leave says why (among the reasons the merchant asks); Orchard then offers what the merchant set
 * for that reason, in their order, before confirming. Every offer shown, taken or declined is
 * recorded for the retention dashboard.
 */
export type SaveOffer =
  | { kind: "pause"; months: number }
  | { kind: "skip" }
  | { kind: "frequency" }
  | { kind: "swap" }
  | { kind: "discount"; percent: number }
  | { kind: "freeProduct"; productId: string; title: string };

export const SAVE_OFFER_KINDS = ["pause", "skip", "frequency", "swap", "discount", "freeProduct"] as const;
export type SaveOfferKind = (typeof SAVE_OFFER_KINDS)[number];

/**
 * Per offer, the days within which a subscription that took it is not offered it again: a thank-you
 * taken is not a price to be had again by starting to cancel, and discounts never stack. Never less
 * than a month, so that no offer can be taken at every order.
 */
export type SaveOfferPeriods = Record<SaveOfferKind, number>;
export const SAVE_OFFER_PERIOD_LIMITS = { min: 30, max: 730 } as const;
export const DEFAULT_SAVE_OFFER_PERIODS: SaveOfferPeriods = {
  pause: 365,
  skip: 365,
  frequency: 365,
  swap: 365,
  discount: 365,
  freeProduct: 365,
};

/** The stored periods (JSON); an offer without a valid one of its own has the default. */
export function storedSaveOfferPeriods(column: string): SaveOfferPeriods {
  let parsed: unknown;
  try {
    parsed = JSON.parse(column);
  } catch {
    parsed = null;
  }
  const stored = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const valid = (days: unknown): days is number =>
    Number.isInteger(days) && (days as number) >= SAVE_OFFER_PERIOD_LIMITS.min && (days as number) <= SAVE_OFFER_PERIOD_LIMITS.max;
  return Object.fromEntries(
    SAVE_OFFER_KINDS.map((kind) => [kind, valid(stored[kind]) ? stored[kind] : DEFAULT_SAVE_OFFER_PERIODS[kind]]),
  ) as SaveOfferPeriods;
}

/** The offers a subscription took (each with when) that its merchant's periods still keep from it. */
export function offersStillTaken(accepted: { offer: string; at: Date }[], periods: SaveOfferPeriods, now: Date): Set<SaveOfferKind> {
  return new Set(
    SAVE_OFFER_KINDS.filter((kind) =>
      accepted.some((taken) => taken.offer === kind && now.getTime() - taken.at.getTime() < periods[kind] * 86_400_000),
    ),
  );
}

/** At most this many offers for one reason: more is a wall between the customer and the door. */
export const MAX_OFFERS_PER_REASON = 3;

/** Per reason: whether the customer is asked it, and the offers that answer it, best first. */
export type CancellationFlow = Record<CancellationReason, { shown: boolean; offers: SaveOfferKind[] }>;

/** What fits each reason, for a shop that has not shaped its own flow. */
export const DEFAULT_CANCELLATION_FLOW: CancellationFlow = {
  too_expensive: { shown: true, offers: ["discount", "frequency", "pause"] },
  too_much_product: { shown: true, offers: ["frequency", "skip", "pause"] },
  not_using: { shown: true, offers: ["pause", "frequency"] },
  going_away: { shown: true, offers: ["pause", "skip"] },
  quality: { shown: true, offers: ["discount"] },
  other: { shown: true, offers: ["pause", "discount"] },
};

export interface SaveOfferSettings {
  /** A one-time discount on the next order, in percent; 0 when the merchant offers none. */
  saveOfferPercent: number;
  /** The longest pause offered, in months. */
  pauseOfferMonths: number;
  /** The product given free with the next order, one of the shop's add-ons; none offered without it. */
  freeOfferProduct: { id: string; title: string } | null;
  cancellationFlow: CancellationFlow;
}

export function saveOffersFor(reason: CancellationReason, settings: SaveOfferSettings): SaveOffer[] {
  return settings.cancellationFlow[reason].offers.flatMap((kind): SaveOffer[] => {
    switch (kind) {
      case "pause":
        return [{ kind, months: Math.max(1, settings.pauseOfferMonths) }];
      case "discount":
        return settings.saveOfferPercent > 0 ? [{ kind, percent: settings.saveOfferPercent }] : [];
      case "freeProduct":
        return settings.freeOfferProduct ? [{ kind, productId: settings.freeOfferProduct.id, title: settings.freeOfferProduct.title }] : [];
      default:
        return [{ kind }];
    }
  });
}

/** The reasons the customer is asked, in their fixed order; "other" always, so nobody is left without one. */
export function askedReasons(flow: CancellationFlow): CancellationReason[] {
  return CANCELLATION_REASONS.filter((reason) => reason === "other" || flow[reason].shown);
}

/**
 * The flow as the Settings form sends it: `flow.{reason}.shown` (a checkbox, present when ticked) and
 * `flow.{reason}.offer1` … `offer3` (each an offer or empty). An offer chosen twice for one reason
 * is refused by its field's name, and nothing is saved.
 */
export function parseCancellationFlow(form: FormData): { ok: true; flow: CancellationFlow } | { ok: false; fields: string[] } {
  const fields: string[] = [];
  const entries = CANCELLATION_REASONS.map((reason) => {
    const offers: SaveOfferKind[] = [];
    for (let slot = 1; slot <= MAX_OFFERS_PER_REASON; slot++) {
      const name = `flow.${reason}.offer${slot}`;
      const value = form.get(name);
      if (value === null || value === "") continue;
      const kind = SAVE_OFFER_KINDS.find((k) => k === value);
      if (!kind || offers.includes(kind)) fields.push(name);
      else offers.push(kind);
    }
    // A checkbox is sent only when ticked, whatever its value.
    return [reason, { shown: reason === "other" || form.has(`flow.${reason}.shown`), offers }] as const;
  });
  return fields.length ? { ok: false, fields } : { ok: true, flow: Object.fromEntries(entries) as CancellationFlow };
}

/** The stored flow (JSON), or the default for a shop that never shaped one; a reason added since gets its default. */
export function storedCancellationFlow(column: string): CancellationFlow {
  if (!column) return DEFAULT_CANCELLATION_FLOW;
  return { ...DEFAULT_CANCELLATION_FLOW, ...(JSON.parse(column) as Partial<CancellationFlow>) };
}
