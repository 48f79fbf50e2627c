import { messagesByLocale, type Locale } from "../i18n/i18n";
import { percentageBasisPoints, percentText } from "../percent";

/**
 * A partner as the merchant fills it in (strings as typed) and as Orchard keeps it (a revenue share
 * in basis points). Pure: the form's rules, each refusal a message key under partners.errors.
 */
export interface PartnerDraft {
  name: string;
  revenueShare: string;
  statementEmail: string;
  claimsEmail: string;
  routeClaims: boolean;
  locale: string;
}

export interface PartnerTerms {
  name: string;
  /** 0–10,000: 2,500 is a quarter of what the partner's add-ons sell for. */
  revenueShareBasisPoints: number;
  statementEmail: string | null;
  claimsEmail: string | null;
  routeClaims: boolean;
  /** The language of the partner's emails. */
  locale: Locale;
}

export type PartnerErrors = Partial<Record<keyof PartnerDraft, string>>;

const MAX_NAME = 255;
// The address forms of RFC 5321 that mail servers take in practice: no spaces, one @, a dotted domain.
const EMAIL = /^[^\s@<>(),;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** "25" or "12.5" → basis points; "0" is a partner who takes nothing (the merchant runs it for them). */
export function revenueShareBasisPoints(value: string): number | null {
  return value.trim() === "0" ? 0 : percentageBasisPoints(value);
}

function email(value: string): string | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : undefined;
}

export function validatePartner(draft: PartnerDraft): { partner: PartnerTerms } | { errors: PartnerErrors } {
  const errors: PartnerErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "nameRequired";
  else if (name.length > MAX_NAME) errors.name = "nameTooLong";
  const share = revenueShareBasisPoints(draft.revenueShare);
  if (share === null) errors.revenueShare = "shareInvalid";
  const statementEmail = email(draft.statementEmail);
  if (statementEmail === undefined) errors.statementEmail = "emailInvalid";
  const claimsEmail = email(draft.claimsEmail);
  if (claimsEmail === undefined) errors.claimsEmail = "emailInvalid";
  else if (draft.routeClaims && claimsEmail === null) errors.claimsEmail = "claimsEmailRequired";
  if (!Object.hasOwn(messagesByLocale, draft.locale)) errors.locale = "localeInvalid";
  if (Object.keys(errors).length) return { errors };
  return {
    partner: {
      name,
      revenueShareBasisPoints: share!,
      statementEmail: statementEmail ?? null,
      claimsEmail: claimsEmail ?? null,
      routeClaims: draft.routeClaims,
      locale: draft.locale as Locale,
    },
  };
}

/** The draft a stored partner edits as. */
export function draftFromPartner(partner: Omit<PartnerTerms, "locale"> & { locale: string }): PartnerDraft {
  return {
    name: partner.name,
    revenueShare: percentText(partner.revenueShareBasisPoints),
    statementEmail: partner.statementEmail ?? "",
    claimsEmail: partner.claimsEmail ?? "",
    routeClaims: partner.routeClaims,
    locale: partner.locale,
  };
}

export const emptyPartnerDraft = (locale: Locale): PartnerDraft => ({
  name: "",
  revenueShare: "",
  statementEmail: "",
  claimsEmail: "",
  routeClaims: false,
  locale,
});
