import { minorFromDecimal, parseGid } from "../ids";
import type { UserError } from "./user-errors";
import type { AnchorRecord, Interval, PricingPolicyRecord, SellingPlanGroupRecord, SellingPlanRecord, ShopRecord, Store } from "../store";

/**
 * Selling plan groups as the Admin API keeps them: sellingPlanGroupCreate/Update/Delete and the
 * product and variant attachments, validated with Shopify's SellingPlanGroupUserError codes. A
 * mutation that fails validation changes nothing.
 */
interface PricingInput {
  fixed?: { adjustmentType?: string; adjustmentValue?: { percentage?: number; fixedValue?: string } } | null;
  recurring?: { adjustmentType?: string; adjustmentValue?: { percentage?: number; fixedValue?: string }; afterCycle: number } | null;
}

interface AnchorInput {
  type?: AnchorRecord["type"];
  day?: number;
  month?: number | null;
}

const ANCHOR_DAY_MAX: Record<AnchorRecord["type"], number> = { WEEKDAY: 7, MONTHDAY: 31, YEARDAY: 31 };

function anchorsFrom(
  input: AnchorInput[] | undefined,
  interval: Interval | undefined,
  field: string[],
  errors: UserError[],
): AnchorRecord[] {
  const anchors = input ?? [];
  if (anchors.length && interval === "DAY") {
    errors.push({ field, message: "Selling plan anchors are not allowed for daily intervals", code: "SELLING_PLAN_ANCHORS_NOT_ALLOWED" });
    return [];
  }
  return anchors.flatMap((anchor, index) => {
    const max = anchor.type ? ANCHOR_DAY_MAX[anchor.type] : 0;
    const day = anchor.day ?? 0;
    if (!anchor.type || !Number.isInteger(day) || day < 1 || day > max || (anchor.type === "YEARDAY" && !anchor.month)) {
      errors.push({ field: [...field, String(index)], message: "Anchor is invalid", code: "INVALID" });
      return [];
    }
    return [{ type: anchor.type, day, month: anchor.month ?? null }];
  });
}

interface PlanInput {
  id?: string;
  name?: string;
  description?: string;
  options?: string[];
  position?: number;
  category?: string;
  billingPolicy?: {
    recurring?: {
      interval?: Interval;
      intervalCount?: number;
      minCycles?: number | null;
      maxCycles?: number | null;
      anchors?: AnchorInput[];
    } | null;
    fixed?: unknown;
  } | null;
  deliveryPolicy?: { recurring?: { interval?: Interval; intervalCount?: number; anchors?: AnchorInput[] } | null; fixed?: unknown } | null;
  pricingPolicies?: PricingInput[];
}

export interface GroupInput {
  name?: string;
  merchantCode?: string;
  description?: string;
  options?: string[];
  position?: number;
  appId?: string;
  sellingPlansToCreate?: PlanInput[];
  sellingPlansToUpdate?: PlanInput[];
  sellingPlansToDelete?: string[];
}

const MAX_PLANS = 31;

function pricingFrom(input: PricingInput, field: string[], errors: UserError[]): PricingPolicyRecord | null {
  const kinds = [input.fixed, input.recurring].filter(Boolean);
  if (kinds.length !== 1) {
    errors.push({ field, message: "Only one pricing policy type can be specified", code: "ONLY_NEED_ONE_PRICING_POLICY_TYPE" });
    return null;
  }
  const policy = (input.fixed ?? input.recurring)!;
  const type = policy.adjustmentType;
  const value = policy.adjustmentValue ?? {};
  if (type === "PERCENTAGE") {
    if (value.percentage === undefined || value.fixedValue !== undefined) {
      errors.push({
        field,
        message: "Pricing policy adjustment value and type must match",
        code: "PRICING_POLICY_ADJUSTMENT_VALUE_AND_TYPE_MUST_MATCH",
      });
      return null;
    }
    if (value.percentage < 0 || value.percentage > 100) {
      errors.push({
        field: [...field, "adjustmentValue", "percentage"],
        message: "Percentage must be less than or equal to 100",
        code: "LESS_THAN_OR_EQUAL_TO",
      });
      return null;
    }
    return {
      adjustmentType: "PERCENTAGE",
      adjustmentValue: Math.round(value.percentage * 100),
      afterCycle: input.recurring?.afterCycle ?? 0,
    };
  }
  if (type === "FIXED_AMOUNT" || type === "PRICE") {
    const minor = value.fixedValue === undefined || value.percentage !== undefined ? null : minorFromDecimal(String(value.fixedValue));
    if (minor === null || minor < 0) {
      errors.push({
        field,
        message: "Pricing policy adjustment value and type must match",
        code: "PRICING_POLICY_ADJUSTMENT_VALUE_AND_TYPE_MUST_MATCH",
      });
      return null;
    }
    return { adjustmentType: type, adjustmentValue: minor, afterCycle: input.recurring?.afterCycle ?? 0 };
  }
  errors.push({ field: [...field, "adjustmentType"], message: "Adjustment type is not included in the list", code: "INCLUSION" });
  return null;
}

function planFrom(
  store: Store,
  input: PlanInput,
  existing: SellingPlanRecord | undefined,
  field: string[],
  groupOptions: string[],
  errors: UserError[],
): SellingPlanRecord | null {
  const before = errors.length;
  const name = input.name ?? existing?.name ?? "";
  if (!name.trim()) errors.push({ field: [...field, "name"], message: "Name can't be blank", code: "BLANK" });
  const options = input.options ?? existing?.options ?? [];
  if (options.length !== groupOptions.length) {
    errors.push({
      field: [...field, "options"],
      message: `Options must have ${groupOptions.length} value(s), one for each of the group's options`,
      code: "WRONG_LENGTH",
    });
  }
  const billing = input.billingPolicy === undefined ? existing?.billingPolicy : input.billingPolicy?.recurring;
  const delivery = input.deliveryPolicy === undefined ? existing?.deliveryPolicy : input.deliveryPolicy?.recurring;
  if (!billing)
    errors.push({
      field: [...field, "billingPolicy"],
      message: "Selling plan billing policy is missing",
      code: "SELLING_PLAN_BILLING_POLICY_MISSING",
    });
  if (!delivery)
    errors.push({
      field: [...field, "deliveryPolicy"],
      message: "Selling plan delivery policy is missing",
      code: "SELLING_PLAN_DELIVERY_POLICY_MISSING",
    });
  if (billing && delivery) {
    if (!billing.interval || !billing.intervalCount || billing.intervalCount < 1) {
      errors.push({
        field: [...field, "billingPolicy", "recurring", "intervalCount"],
        message: "Interval count must be greater than 0",
        code: "GREATER_THAN",
      });
    }
    if (!delivery.interval || !delivery.intervalCount || delivery.intervalCount < 1) {
      errors.push({
        field: [...field, "deliveryPolicy", "recurring", "intervalCount"],
        message: "Interval count must be greater than 0",
        code: "GREATER_THAN",
      });
    }
    if (billing.interval !== delivery.interval || (billing.intervalCount ?? 0) % (delivery.intervalCount || 1) !== 0) {
      errors.push({
        field: [...field, "billingPolicy"],
        message: "Billing cycle must be a multiple of the delivery cycle",
        code: "SELLING_PLAN_BILLING_CYCLE_MUST_BE_A_MULTIPLE_OF_DELIVERY_CYCLE",
      });
    }
    if (billing.minCycles != null && billing.maxCycles != null && billing.maxCycles < billing.minCycles) {
      errors.push({
        field: [...field, "billingPolicy"],
        message: "Max cycles must be greater than min cycles",
        code: "SELLING_PLAN_MAX_CYCLES_MUST_BE_GREATER_THAN_MIN_CYCLES",
      });
    }
  }
  const billingAnchors =
    input.billingPolicy === undefined
      ? (existing?.billingPolicy.anchors ?? [])
      : anchorsFrom(
          input.billingPolicy?.recurring?.anchors,
          billing?.interval,
          [...field, "billingPolicy", "recurring", "anchors"],
          errors,
        );
  const deliveryAnchors =
    input.deliveryPolicy === undefined
      ? (existing?.deliveryPolicy.anchors ?? [])
      : anchorsFrom(
          input.deliveryPolicy?.recurring?.anchors,
          delivery?.interval,
          [...field, "deliveryPolicy", "recurring", "anchors"],
          errors,
        );
  if (JSON.stringify(billingAnchors) !== JSON.stringify(deliveryAnchors)) {
    errors.push({
      field: [...field, "billingPolicy"],
      message: "Billing and delivery policy anchors must be equal",
      code: "SELLING_PLAN_BILLING_AND_DELIVERY_POLICY_ANCHORS_MUST_BE_EQUAL",
    });
  }
  let pricing = existing?.pricingPolicies ?? [];
  if (input.pricingPolicies) {
    if (input.pricingPolicies.length > 2) {
      errors.push({
        field: [...field, "pricingPolicies"],
        message: "Selling plans can't have more than 2 pricing policies",
        code: "SELLING_PLAN_PRICING_POLICIES_LIMIT",
      });
    } else {
      const parsed = input.pricingPolicies.map((p, i) => pricingFrom(p, [...field, "pricingPolicies", String(i)], errors));
      pricing = parsed.filter((p): p is PricingPolicyRecord => p !== null);
      if (input.pricingPolicies.some((p) => p.recurring) && !input.pricingPolicies.some((p) => p.fixed)) {
        errors.push({
          field: [...field, "pricingPolicies"],
          message: "Selling plan pricing policies must contain one fixed pricing policy",
          code: "SELLING_PLAN_PRICING_POLICIES_MUST_CONTAIN_A_FIXED_PRICING_POLICY",
        });
      }
    }
  }
  if (errors.length > before || !billing || !delivery) return null;
  return {
    id: existing?.id ?? store.newId(),
    name,
    description: input.description ?? existing?.description ?? "",
    options,
    position: input.position ?? existing?.position ?? 0,
    billingPolicy: {
      interval: billing.interval!,
      intervalCount: billing.intervalCount!,
      minCycles: billing.minCycles ?? null,
      maxCycles: billing.maxCycles ?? null,
      anchors: billingAnchors,
    },
    deliveryPolicy: { interval: delivery.interval!, intervalCount: delivery.intervalCount!, anchors: deliveryAnchors },
    pricingPolicies: pricing,
  };
}

/** Applies a create or update to a copy of the group; returns the new group or the errors. */
export function applyGroupInput(
  store: Store,
  current: SellingPlanGroupRecord | undefined,
  input: GroupInput,
  now: Date,
): { group: SellingPlanGroupRecord; deletedPlanIds: number[] } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const name = input.name ?? current?.name ?? "";
  if (!name.trim()) errors.push({ field: ["input", "name"], message: "Name can't be blank", code: "BLANK" });
  const options = input.options ?? current?.options ?? [];
  if (options.length === 0 || options.length > 3 || options.some((o) => !o.trim())) {
    errors.push({ field: ["input", "options"], message: "Options must have between 1 and 3 values, none blank", code: "INVALID" });
  }
  const plans = new Map((current?.sellingPlans ?? []).map((p) => [p.id, p]));
  const deleted: number[] = [];
  for (const [index, id] of (input.sellingPlansToDelete ?? []).entries()) {
    const parsed = parseGid(id, "SellingPlan");
    if (!parsed || !plans.has(parsed.id))
      errors.push({
        field: ["input", "sellingPlansToDelete", String(index)],
        message: "Selling plan does not exist",
        code: "PLAN_DOES_NOT_EXIST",
      });
    else {
      plans.delete(parsed.id);
      deleted.push(parsed.id);
    }
  }
  for (const [index, planInput] of (input.sellingPlansToUpdate ?? []).entries()) {
    const field = ["input", "sellingPlansToUpdate", String(index)];
    const parsed = parseGid(planInput.id, "SellingPlan");
    if (!parsed) {
      errors.push({ field: [...field, "id"], message: "Plan ID must be specified to update", code: "PLAN_ID_MUST_BE_SPECIFIED_TO_UPDATE" });
      continue;
    }
    const existing = plans.get(parsed.id);
    if (!existing) {
      errors.push({ field: [...field, "id"], message: "Selling plan does not exist", code: "PLAN_DOES_NOT_EXIST" });
      continue;
    }
    const plan = planFrom(store, planInput, existing, field, options, errors);
    if (plan) plans.set(plan.id, plan);
  }
  for (const [index, planInput] of (input.sellingPlansToCreate ?? []).entries()) {
    const plan = planFrom(store, planInput, undefined, ["input", "sellingPlansToCreate", String(index)], options, errors);
    if (plan) plans.set(plan.id, { ...plan, position: plan.position || plans.size + 1 });
  }
  if (errors.length === 0) {
    if (plans.size === 0)
      errors.push({
        field: ["input"],
        message: "Selling plan group must have at least one selling plan",
        code: "SELLING_PLAN_COUNT_LOWER_BOUND",
      });
    if (plans.size > MAX_PLANS)
      errors.push({
        field: ["input"],
        message: `Selling plan group can't have more than ${MAX_PLANS} selling plans`,
        code: "SELLING_PLAN_COUNT_UPPER_BOUND",
      });
    const seen = new Set<string>();
    for (const plan of plans.values()) {
      const key = JSON.stringify(plan.options);
      if (seen.has(key))
        errors.push({ field: ["input"], message: "Selling plans must have unique options", code: "SELLING_PLAN_DUPLICATE_OPTIONS" });
      seen.add(key);
    }
  }
  if (errors.length) return { errors };
  return {
    group: {
      id: current?.id ?? store.newId(),
      appId: input.appId ?? current?.appId ?? null,
      name,
      merchantCode: input.merchantCode ?? current?.merchantCode ?? "",
      description: input.description ?? current?.description ?? "",
      options,
      position: input.position ?? current?.position ?? 0,
      productIds: current?.productIds ?? [],
      variantIds: current?.variantIds ?? [],
      sellingPlans: [...plans.values()].sort((a, b) => a.position - b.position),
      createdAt: current?.createdAt ?? now,
    },
    deletedPlanIds: deleted,
  };
}

/** Resolves product or variant gids of this shop; unknown ones are reported with Shopify's code. */
export function resolveResources(
  store: Store,
  shop: ShopRecord,
  productIds: unknown[] = [],
  variantIds: unknown[] = [],
  field: string[] = ["resources"],
): { products: number[]; variants: number[] } | { errors: UserError[] } {
  const products = productIds.map((id) => parseGid(id, "Product")?.id).map((id) => (id !== undefined && shop.products.has(id) ? id : null));
  const variants = variantIds
    .map((id) => parseGid(id, "ProductVariant")?.id)
    .map((id) => (id !== undefined && store.findVariant(shop, id) ? id : null));
  if (products.includes(null) || variants.includes(null)) {
    return { errors: [{ field, message: "Resource list contains invalid ids", code: "RESOURCE_LIST_CONTAINS_INVALID_IDS" }] };
  }
  return { products: products as number[], variants: variants as number[] };
}
