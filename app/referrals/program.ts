import { amountFromInput } from "../money";
import { percentageBasisPoints } from "../percent";

/**
 * The merchant's referral program as typed (strings) and as kept (integers), pure: the form's
 * rules, each refusal a message key under referrals.errors.
 */
export interface ProgramDraft {
  enabled: boolean;
  renewalsBeforeInvite: string;
  friendDiscount: string;
  credit: string;
  maxCreditsPerRenewal: string;
}

export interface ProgramTerms {
  enabled: boolean;
  renewalsBeforeInvite: number;
  friendDiscountBasisPoints: number;
  creditMinor: number;
  maxCreditsPerRenewal: number;
}

export type ProgramErrors = Partial<Record<keyof ProgramDraft, string>>;

export const MAX_RENEWALS_BEFORE_INVITE = 24;
export const MAX_CREDITS_PER_RENEWAL = 12;

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(value.trim())) return null;
  const number = Number(value.trim());
  return number >= min && number <= max ? number : null;
}

export function validateProgram(draft: ProgramDraft, currencyCode: string): { program: ProgramTerms } | { errors: ProgramErrors } {
  const errors: ProgramErrors = {};
  const renewals = wholeNumber(draft.renewalsBeforeInvite, 1, MAX_RENEWALS_BEFORE_INVITE);
  if (renewals === null) errors.renewalsBeforeInvite = "renewalsInvalid";
  const discount = percentageBasisPoints(draft.friendDiscount);
  if (discount === null) errors.friendDiscount = "discountInvalid";
  const credit = amountFromInput(draft.credit, currencyCode);
  if (!credit) errors.credit = "creditInvalid";
  const cap = wholeNumber(draft.maxCreditsPerRenewal, 1, MAX_CREDITS_PER_RENEWAL);
  if (cap === null) errors.maxCreditsPerRenewal = "capInvalid";
  if (Object.keys(errors).length) return { errors };
  return {
    program: {
      enabled: draft.enabled,
      renewalsBeforeInvite: renewals!,
      friendDiscountBasisPoints: discount!,
      creditMinor: credit!,
      maxCreditsPerRenewal: cap!,
    },
  };
}
