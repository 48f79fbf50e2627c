import { amountFromInput } from "../money";
import { percentageBasisPoints } from "../percent";

/**
 * A tiered membership as the merchant fills it in (strings as typed) and as Orchard keeps it, and
 * who is a member of which tier. Pure. Each refusal is a message key under memberships.errors,
 * by field path ("tiers.1.price").
 */
export const MEMBERSHIP_INTERVALS = ["MONTH", "YEAR"] as const;
export type MembershipInterval = (typeof MEMBERSHIP_INTERVALS)[number];
export const MIN_TIERS = 2;
export const MAX_TIERS = 5;

export interface TierDraft {
  name: string;
  price: string;
  interval: string;
  discount: string;
}

export interface MembershipDraft {
  name: string;
  tiers: TierDraft[];
}

export interface TierTerms {
  name: string;
  priceMinor: number;
  interval: MembershipInterval;
  discountBasisPoints: number;
}

export interface MembershipTerms {
  name: string;
  tiers: TierTerms[];
}

export type MembershipErrors = Record<string, string>;

const MAX_NAME = 255;

export function validateMembership(
  draft: MembershipDraft,
  currencyCode: string,
): { membership: MembershipTerms } | { errors: MembershipErrors } {
  const errors: MembershipErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "nameRequired";
  else if (name.length > MAX_NAME) errors.name = "nameTooLong";
  if (draft.tiers.length < MIN_TIERS || draft.tiers.length > MAX_TIERS) errors.tiers = "tierCount";
  const seen = new Set<string>();
  const tiers = draft.tiers.map((tier, index): TierTerms => {
    const path = `tiers.${index}`;
    const tierName = tier.name.trim();
    if (!tierName) errors[`${path}.name`] = "nameRequired";
    else if (tierName.length > MAX_NAME) errors[`${path}.name`] = "nameTooLong";
    else if (seen.has(tierName.toLowerCase())) errors[`${path}.name`] = "tierNameTaken";
    seen.add(tierName.toLowerCase());
    const priceMinor = amountFromInput(tier.price, currencyCode);
    if (!priceMinor) errors[`${path}.price`] = "priceInvalid";
    const interval = (MEMBERSHIP_INTERVALS as readonly string[]).includes(tier.interval) ? (tier.interval as MembershipInterval) : null;
    if (!interval) errors[`${path}.interval`] = "intervalInvalid";
    const discount = tier.discount.trim() === "" || tier.discount.trim() === "0" ? 0 : percentageBasisPoints(tier.discount);
    if (discount === null) errors[`${path}.discount`] = "discountInvalid";
    return { name: tierName, priceMinor: priceMinor ?? 0, interval: interval ?? "MONTH", discountBasisPoints: discount ?? 0 };
  });
  if (Object.keys(errors).length) return { errors };
  return { membership: { name, tiers } };
}

/**
 * Each member's tier now: the tier of their active contract on one of the membership's plans. A
 * customer on two tiers (two memberships bought) holds the higher: its perks include the lower's.
 */
export function currentTiers(
  tiers: readonly { position: number; sellingPlanId: string | null }[],
  activeLines: readonly { customerId: string | null; sellingPlanId: string | null }[],
): Map<string, number> {
  const positionOf = new Map(tiers.flatMap((tier) => (tier.sellingPlanId ? [[tier.sellingPlanId, tier.position] as const] : [])));
  const held = new Map<string, number>();
  for (const line of activeLines) {
    const position = line.sellingPlanId ? positionOf.get(line.sellingPlanId) : undefined;
    if (position === undefined || !line.customerId) continue;
    held.set(line.customerId, Math.max(position, held.get(line.customerId) ?? 0));
  }
  return held;
}

/**
 * The tier whose perks each member gets: the one they hold, unless the one they last paid for is
 * lower. Moving up brings the higher perks once the higher price is paid (at the next renewal);
 * moving down lowers them at once. A member not paid for yet (just joined) gets the tier they hold.
 */
export function perkTiers(current: ReadonlyMap<string, number>, paid: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...current].map(([customerId, position]) => [customerId, Math.min(position, paid.get(customerId) ?? position)]));
}

/** Tier id → its members (sorted), from each member's tier position. */
export function membersOfTiers(
  tiers: readonly { id: string; position: number }[],
  positions: ReadonlyMap<string, number>,
): Map<string, string[]> {
  return new Map(
    tiers.map((tier) => [
      tier.id,
      [...positions]
        .filter(([, position]) => position === tier.position)
        .map(([customerId]) => customerId)
        .sort(),
    ]),
  );
}

/** What a tier's discount needs in Shopify to be for exactly `desired`: customers to add and to remove. */
export function listChanges(current: readonly string[], desired: readonly string[]): { add: string[]; remove: string[] } {
  const now = new Set(current);
  const wanted = new Set(desired);
  return { add: desired.filter((id) => !now.has(id)), remove: current.filter((id) => !wanted.has(id)) };
}
