import { textFields, ticked } from "../http/form-fields";
import { percentText } from "../percent";
import { currencyDigits, decimalFromMinor } from "../money";
import type { ProgramDraft, ProgramTerms } from "./program";

/** The program form's fields as posted; a missing field reads as empty and fails validation on its own. */
export function programFormFields(form: FormData): ProgramDraft {
  return {
    ...textFields(form, ["renewalsBeforeInvite", "friendDiscount", "credit", "maxCreditsPerRenewal"]),
    enabled: ticked(form, "enabled"),
  };
}

/** The draft a saved program edits as. */
export function draftFromProgram(program: ProgramTerms, currencyCode: string): ProgramDraft {
  return {
    enabled: program.enabled,
    renewalsBeforeInvite: String(program.renewalsBeforeInvite),
    friendDiscount: percentText(program.friendDiscountBasisPoints),
    credit: decimalFromMinor(program.creditMinor, currencyDigits(currencyCode)),
    maxCreditsPerRenewal: String(program.maxCreditsPerRenewal),
  };
}
