import type { PartnerDraft } from "./partner";

/** The partner form's fields as posted; a missing field reads as empty and fails validation on its own. */
export function partnerFormFields(form: FormData): PartnerDraft {
  const field = (name: keyof PartnerDraft) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: field("name"),
    revenueShare: field("revenueShare"),
    statementEmail: field("statementEmail"),
    claimsEmail: field("claimsEmail"),
    routeClaims: field("routeClaims") === "on",
    locale: field("locale"),
  };
}
