/**
 * The rules of referrals, pure: when a subscriber is invited, what a friend's order that carries
 * their code comes to, and which waiting credits the next renewal takes.
 */

/** Letters and digits nobody misreads (no 0/O, 1/I/L): the code is typed as often as clicked. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A personal code from random bytes: "FRIEND-" and eight characters (31⁸ ≈ 8.5 × 10¹¹ codes). */
export function referralCodeFrom(random: Uint8Array): string {
  return `FRIEND-${[...random.slice(0, 8)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("")}`;
}

/** A subscriber is invited once they have paid this many renewals, while the subscription is active. */
export function isInviteDue(paidRenewals: number, renewalsBeforeInvite: number, status: string): boolean {
  return status === "ACTIVE" && paidRenewals >= renewalsBeforeInvite;
}

export const REFERRAL_OUTCOMES = ["converted", "notSubscribed", "selfReferral", "alreadyReferred"] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export interface FriendOrder {
  customerId: string | null;
  email: string | null;
  /** Whether the order bought anything on a selling plan. */
  subscribed: boolean;
}

export interface Referrer {
  customerId: string | null;
  email: string | null;
}

/**
 * What a friend's order with a referral code comes to. The referrer using their own code (as the
 * same customer or the same email) earns nothing; a friend counts once, however many codes they
 * use; an order with no subscription in it is a referral that has not converted.
 */
export function referralOutcome(order: FriendOrder, referrer: Referrer, friendConvertedBefore: boolean): ReferralOutcome {
  const sameEmail = Boolean(order.email && referrer.email && order.email.trim().toLowerCase() === referrer.email.trim().toLowerCase());
  if ((order.customerId !== null && order.customerId === referrer.customerId) || sameEmail) return "selfReferral";
  if (friendConvertedBefore) return "alreadyReferred";
  return order.subscribed ? "converted" : "notSubscribed";
}

/**
 * The credits the next renewal takes: the oldest waiting, at most the merchant's cap, as one
 * discount of their total. None while an earlier batch still waits for its renewal: credits never
 * stack on one renewal beyond the cap.
 */
export function nextCreditBatch<T extends { id: string; amountMinor: number }>(
  waiting: readonly T[],
  maxPerRenewal: number,
  batchOnContract: boolean,
): { credits: T[]; amountMinor: number } | null {
  if (batchOnContract || waiting.length === 0) return null;
  const credits = waiting.slice(0, Math.max(1, maxPerRenewal));
  return { credits, amountMinor: credits.reduce((sum, credit) => sum + credit.amountMinor, 0) };
}
