import { textFields } from "../http/form-fields";
import type { RuleFormFields } from "./rules";

/** The rule form's fields as posted; a missing field reads as empty and fails validation on its own. */
export function ruleFormFields(form: FormData): RuleFormFields {
  return textFields(form, ["scope", "targetId", "title", "intervalDays", "leadDays", "discountCode"]);
}
