import type { ReferralOutcome } from "./referrals";

/**
 * The referral figures of a period (docs/metrics.md, "Referrals"), pure: invitations sent, friends'
 * orders and those that subscribed, the revenue of those orders, and the share of the period's new
 * MRR that subscriptions started by a referral brought.
 */
export interface ReferralFigures {
  invited: number;
  referrals: number;
  converted: number;
  conversionRate: number | null;
  revenueMinor: number;
  newMrrMinor: number;
  referredNewMrrMinor: number;
  /** referredNewMrr ÷ newMrr, or null without new MRR. */
  newMrrShare: number | null;
}

export function referralFigures(
  invitedInPeriod: number,
  referrals: readonly { outcome: ReferralOutcome; orderId: string; revenueMinor: number }[],
  /** Subscriptions started in the period: their origin order and the MRR they started with. */
  started: readonly { originOrderId: string | null; startMrrMinor: number }[],
): ReferralFigures {
  const converted = referrals.filter((r) => r.outcome === "converted");
  const counted = referrals.filter((r) => r.outcome === "converted" || r.outcome === "notSubscribed");
  const referredOrders = new Set(converted.map((r) => r.orderId));
  const newMrrMinor = started.reduce((sum, s) => sum + s.startMrrMinor, 0);
  const referredNewMrrMinor = started
    .filter((s) => s.originOrderId !== null && referredOrders.has(s.originOrderId))
    .reduce((sum, s) => sum + s.startMrrMinor, 0);
  return {
    invited: invitedInPeriod,
    referrals: counted.length,
    converted: converted.length,
    conversionRate: counted.length ? converted.length / counted.length : null,
    revenueMinor: counted.reduce((sum, r) => sum + r.revenueMinor, 0),
    newMrrMinor,
    referredNewMrrMinor,
    newMrrShare: newMrrMinor > 0 ? referredNewMrrMinor / newMrrMinor : null,
  };
}
