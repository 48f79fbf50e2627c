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
  subscriptionDiscount: string;
  customerTag: string;
}

export interface MembershipDraft {
  name: string;
  tiers: TierDraft[];
}

export interface TierTerms {
  name: string;
  priceMinor: number;
  interval: MembershipInterval;
  /** Off one-off purchases, in basis points. */
  discountBasisPoints: number;
  /** Off the member's own subscriptions, in whole percent (a contract discount is whole percent in Shopify). */
  subscriptionDiscountPercent: number;
  /** The tag members carry in Shopify (early access); "" for none. */
  customerTag: string;
}

export interface MembershipTerms {
  name: string;
  tiers: TierTerms[];
}

export type MembershipErrors = Record<string, string>;

const MAX_NAME = 255;
/** Shopify's longest tag; a comma would split it in two. */
const MAX_TAG = 255;

/** "" or "0" → 0; a whole percent from 1 to 100 → itself; anything else null. */
function wholePercent(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === "") return 0;
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const percent = Number(trimmed);
  return percent <= 100 ? percent : null;
}

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
  const tags = new Set<string>();
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
    const subscriptionDiscount = wholePercent(tier.subscriptionDiscount);
    if (subscriptionDiscount === null) errors[`${path}.subscriptionDiscount`] = "subscriptionDiscountInvalid";
    const customerTag = tier.customerTag.trim();
    if (customerTag.includes(",") || customerTag.length > MAX_TAG) errors[`${path}.customerTag`] = "tagInvalid";
    // Shopify's tags ignore case: two tiers sharing one could not tell their members apart.
    else if (customerTag && tags.has(customerTag.toLowerCase())) errors[`${path}.customerTag`] = "tagTaken";
    tags.add(customerTag.toLowerCase());
    return {
      name: tierName,
      priceMinor: priceMinor ?? 0,
      interval: interval ?? "MONTH",
      discountBasisPoints: discount ?? 0,
      subscriptionDiscountPercent: subscriptionDiscount ?? 0,
      customerTag,
    };
  });
  if (Object.keys(errors).length) return { errors };
  return { membership: { name, tiers } };
}

const SHOPIFY_CUSTOMER = "gid://shopify/Customer/";

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
    // A redacted customer's contract (docs/privacy.md) names nobody Shopify knows: no perk is theirs.
    if (position === undefined || !line.customerId?.startsWith(SHOPIFY_CUSTOMER)) continue;
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

/**
 * Whom a tier's tag goes on and comes off: the tag on each member of the tier, and off whoever
 * carried it and no longer should. A renamed tag comes off everyone who carried the old one.
 */
export function tagChanges(
  applied: { tag: string; customers: readonly string[] },
  wanted: { tag: string; customers: readonly string[] },
): { add: { tag: string; customers: string[] }; remove: { tag: string; customers: string[] } } {
  const renamed = applied.tag !== wanted.tag;
  const { add, remove } = listChanges(renamed ? [] : applied.customers, wanted.tag ? wanted.customers : []);
  return {
    add: { tag: wanted.tag, customers: add },
    remove: { tag: applied.tag, customers: renamed && applied.tag ? [...applied.customers] : remove },
  };
}

/** A tier's percentage off a member's own subscription, as Shopify shows it on the contract and its orders. */
export interface SubscriptionPerk {
  title: string;
  percent: number;
}

/**
 * The percentage off each member's own subscriptions should carry: the tier whose perks they get
 * (perkTiers) decides it; the membership's own subscription carries none.
 */
export function subscriptionPerks(
  membershipName: string,
  tiers: readonly { position: number; name: string; subscriptionDiscountPercent: number }[],
  perkPositions: ReadonlyMap<string, number>,
  contracts: readonly { id: string; customerId: string | null }[],
): Map<string, SubscriptionPerk> {
  const perks = new Map<string, SubscriptionPerk>();
  for (const contract of contracts) {
    const position = contract.customerId ? perkPositions.get(contract.customerId) : undefined;
    const tier = tiers.find((candidate) => candidate.position === position);
    if (!tier || tier.subscriptionDiscountPercent === 0) continue;
    perks.set(contract.id, {
      title: `${membershipName} · ${tier.name}: ${tier.subscriptionDiscountPercent} %`,
      percent: tier.subscriptionDiscountPercent,
    });
  }
  return perks;
}

/** The contracts whose perk must change: the title to take off (if any) and the perk to put on (if any). */
export function subscriptionPerkChanges(
  current: ReadonlyMap<string, string>,
  wanted: ReadonlyMap<string, SubscriptionPerk>,
): { contractId: string; removeTitle: string | null; add: SubscriptionPerk | null }[] {
  const contracts = new Set([...current.keys(), ...wanted.keys()]);
  return [...contracts].sort().flatMap((contractId) => {
    const removeTitle = current.get(contractId) ?? null;
    const add = wanted.get(contractId) ?? null;
    return removeTitle === (add?.title ?? null) ? [] : [{ contractId, removeTitle, add }];
  });
}
