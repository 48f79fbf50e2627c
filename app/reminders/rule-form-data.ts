import type { RuleFormFields } from "./rules";

/** The rule form's fields as posted; a missing field reads as empty and fails validation on its own. */
export function ruleFormFields(form: FormData): RuleFormFields {
  const field = (name: keyof RuleFormFields) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    scope: field("scope"),
    targetId: field("targetId"),
    title: field("title"),
    intervalDays: field("intervalDays"),
    leadDays: field("leadDays"),
    discountCode: field("discountCode"),
  };
}
