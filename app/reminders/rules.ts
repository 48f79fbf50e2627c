/**
 * Reminder rules, pure: what a merchant may set for a product (how many days one unit lasts, how
 * long before running out to remind, an optional discount code) and which rule applies to an
 * order line. A variant's own rule beats its product's, which beats a collection's default.
 */
export const RULE_SCOPES = ["variant", "product", "collection"] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export interface ReminderRuleInput {
  scope: RuleScope;
  targetId: string;
  title: string;
  intervalDays: number;
  leadDays: number;
  discountCode: string | null;
}

export type RuleField = "target" | "intervalDays" | "leadDays" | "discountCode";
export type RuleErrorCode = "required" | "duplicate" | "wholeDays" | "intervalRange" | "leadRange" | "leadTooLong" | "codeFormat";
export type RuleErrors = Partial<Record<RuleField, RuleErrorCode>>;

export const MAX_INTERVAL_DAYS = 365;
const GID_TYPES: Record<RuleScope, string> = { variant: "ProductVariant", product: "Product", collection: "Collection" };

export interface RuleFormFields {
  scope: string;
  targetId: string;
  title: string;
  intervalDays: string;
  leadDays: string;
  discountCode: string;
}

const wholeNumber = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The form as the merchant filled it, checked field by field; nothing is saved unless every field is right. */
export function validateRule(
  fields: RuleFormFields,
): { rule: ReminderRuleInput; errors?: undefined } | { rule?: undefined; errors: RuleErrors } {
  const errors: RuleErrors = {};
  const scope = RULE_SCOPES.find((s) => s === fields.scope);
  const targetPattern = scope ? new RegExp(`^gid://shopify/${GID_TYPES[scope]}/\\d+$`) : null;
  if (!scope || !targetPattern!.test(fields.targetId) || !fields.title.trim()) errors.target = "required";

  const intervalDays = wholeNumber(fields.intervalDays);
  if (fields.intervalDays.trim() === "") errors.intervalDays = "required";
  else if (intervalDays === null) errors.intervalDays = "wholeDays";
  else if (intervalDays < 1 || intervalDays > MAX_INTERVAL_DAYS) errors.intervalDays = "intervalRange";

  const leadDays = fields.leadDays.trim() === "" ? 0 : wholeNumber(fields.leadDays);
  if (leadDays === null) errors.leadDays = "wholeDays";
  else if (leadDays > MAX_INTERVAL_DAYS) errors.leadDays = "leadRange";
  else if (intervalDays !== null && leadDays >= intervalDays) errors.leadDays = "leadTooLong";

  // Shopify's codes are up to 255 characters; Orchard refuses spaces and control characters so the
  // code travels in a link exactly as typed.
  const discountCode = fields.discountCode.trim();
  if (discountCode && !/^[^\s\p{Cc}]{1,255}$/u.test(discountCode)) errors.discountCode = "codeFormat";

  if (Object.keys(errors).length > 0) return { errors };
  return {
    rule: {
      scope: scope!,
      targetId: fields.targetId,
      title: fields.title.trim().slice(0, 255),
      intervalDays: intervalDays!,
      leadDays: leadDays!,
      discountCode: discountCode || null,
    },
  };
}

export interface RuleLike {
  id: string;
  scope: string;
  targetId: string;
  intervalDays: number;
  leadDays: number;
  discountCode: string | null;
}

/** The rules of a shop, indexed once so every order line is matched without a scan. */
export class RuleBook<R extends RuleLike> {
  private readonly byScope = new Map<string, R>();

  constructor(rules: R[]) {
    for (const rule of rules) this.byScope.set(`${rule.scope}|${rule.targetId}`, rule);
  }

  get hasCollectionRules(): boolean {
    return [...this.byScope.keys()].some((key) => key.startsWith("collection|"));
  }

  /** The rule for a line: its variant's, else its product's, else the first of its collections' that has one. */
  ruleFor(variantId: string, productId: string, collectionIds: readonly string[] = []): R | undefined {
    return (
      this.byScope.get(`variant|${variantId}`) ??
      this.byScope.get(`product|${productId}`) ??
      collectionIds.map((id) => this.byScope.get(`collection|${id}`)).find((rule) => rule !== undefined)
    );
  }
}
