import { textFields, ticked } from "../http/form-fields";
import type { PartnerDraft } from "./partner";

/** The partner form's fields as posted; a missing field reads as empty and fails validation on its own. */
export function partnerFormFields(form: FormData): PartnerDraft {
  return {
    ...textFields(form, ["name", "revenueShare", "statementEmail", "claimsEmail", "locale"]),
    routeClaims: ticked(form, "routeClaims"),
  };
}
