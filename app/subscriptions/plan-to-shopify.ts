import type { SellingPlanGroupInput, SellingPlanInput, SellingPlanPricingPolicyInput } from "../types/admin.types";
import type { PlanDetailQuery } from "../types/admin.generated";
import type { Messages } from "../i18n/i18n";
import { decimalFromMinor } from "../money";
import { parseMoney, parsePercentage, type Adjustment, type FrequencyDraft, type PlanDraft } from "./plan-draft";
import { frequencyName, frequencyOption } from "./plan-text";

/**
 * A validated draft as Shopify's SellingPlanGroupInput: one selling plan per frequency. Prepaid
 * frequencies bill every N deliveries; an intro offer is the fixed pricing policy, followed by a
 * recurring one after the intro orders. Pure.
 */
function adjustmentInput(adjustment: Adjustment) {
  if (adjustment.type === "PERCENTAGE")
    return { adjustmentType: "PERCENTAGE" as const, adjustmentValue: { percentage: (parsePercentage(adjustment.value) ?? 0) / 100 } };
  const amount = parseMoney(adjustment.value) ?? 0;
  return {
    adjustmentType: adjustment.type,
    adjustmentValue: { fixedValue: decimalFromMinor(amount) },
  };
}

export function pricingPolicies(frequency: FrequencyDraft): SellingPlanPricingPolicyInput[] {
  if (!frequency.intro) return [{ fixed: adjustmentInput(frequency.discount) }];
  return [
    { fixed: adjustmentInput(frequency.intro.discount) },
    { recurring: { ...adjustmentInput(frequency.discount), afterCycle: frequency.intro.orders } },
  ];
}

export interface ShopperText {
  messages: Messages;
  locale: string;
  currencyCode: string;
}

function anchorsOf(frequency: FrequencyDraft) {
  if (frequency.anchorDay === null) return [];
  return [{ type: frequency.interval === "WEEK" ? ("WEEKDAY" as const) : ("MONTHDAY" as const), day: frequency.anchorDay }];
}

function sellingPlanInput(draft: PlanDraft, frequency: FrequencyDraft, index: number, text: ShopperText): SellingPlanInput {
  return {
    ...(frequency.id ? { id: frequency.id } : {}),
    name: frequencyName(text.messages, frequency, text.currencyCode, text.locale),
    options: [frequencyOption(text.messages, frequency)],
    position: index + 1,
    category: "SUBSCRIPTION",
    billingPolicy: {
      recurring: {
        interval: frequency.interval,
        intervalCount: frequency.intervalCount * frequency.deliveriesPerBilling,
        minCycles: draft.minCycles,
        maxCycles: draft.maxCycles,
        anchors: anchorsOf(frequency),
      },
    },
    // Shopify requires the billing and delivery anchors to be the same.
    deliveryPolicy: { recurring: { interval: frequency.interval, intervalCount: frequency.intervalCount, anchors: anchorsOf(frequency) } },
    pricingPolicies: pricingPolicies(frequency),
  };
}

/** The input for sellingPlanGroupCreate, or for sellingPlanGroupUpdate given the plans Shopify has. */
export function sellingPlanGroupInput(draft: PlanDraft, text: ShopperText, existingPlanIds: string[] = []): SellingPlanGroupInput {
  const plans = draft.frequencies.map((frequency, index) => sellingPlanInput(draft, frequency, index, text));
  const kept = new Set(draft.frequencies.map((f) => f.id).filter(Boolean));
  return {
    name: draft.name.trim(),
    merchantCode: draft.merchantCode.trim(),
    description: draft.description.trim(),
    options: [draft.optionsLabel.trim()],
    sellingPlansToCreate: plans.filter((plan) => !plan.id),
    sellingPlansToUpdate: plans.filter((plan) => plan.id),
    sellingPlansToDelete: existingPlanIds.filter((id) => !kept.has(id)),
  };
}

type DetailPlan = NonNullable<PlanDetailQuery["sellingPlanGroup"]>["sellingPlans"]["nodes"][number];
type DetailPolicy = DetailPlan["pricingPolicies"][number];

function adjustmentFromShopify(policy: DetailPolicy | undefined): Adjustment {
  if (!policy || !("adjustmentType" in policy)) return { type: "PERCENTAGE", value: "0" };
  const value = policy.adjustmentValue;
  if (policy.adjustmentType === "PERCENTAGE") return { type: "PERCENTAGE", value: String("percentage" in value ? value.percentage : 0) };
  return { type: policy.adjustmentType, value: "amount" in value ? String(value.amount) : "0" };
}

/** Shopify's selling plan group back into the draft the merchant edits. */
export function draftFromShopify(group: NonNullable<PlanDetailQuery["sellingPlanGroup"]>): PlanDraft {
  const frequencies: FrequencyDraft[] = group.sellingPlans.nodes.map((plan) => {
    const billing = "intervalCount" in plan.billingPolicy ? plan.billingPolicy : null;
    const delivery = "intervalCount" in plan.deliveryPolicy ? plan.deliveryPolicy : null;
    const recurring = plan.pricingPolicies.find((p) => "afterCycle" in p && p.afterCycle);
    const fixed = plan.pricingPolicies.find((p) => !("afterCycle" in p) || !p.afterCycle);
    return {
      id: plan.id,
      interval: delivery?.interval ?? "MONTH",
      intervalCount: delivery?.intervalCount ?? 1,
      deliveriesPerBilling: billing && delivery ? Math.max(1, Math.round(billing.intervalCount / delivery.intervalCount)) : 1,
      discount: adjustmentFromShopify(recurring ?? fixed),
      intro: recurring && "afterCycle" in recurring ? { orders: recurring.afterCycle ?? 1, discount: adjustmentFromShopify(fixed) } : null,
      anchorDay: delivery && "anchors" in delivery ? (delivery.anchors[0]?.day ?? null) : null,
    };
  });
  const firstBilling = group.sellingPlans.nodes[0]?.billingPolicy;
  return {
    name: group.name,
    merchantCode: group.merchantCode,
    description: group.description ?? "",
    optionsLabel: group.options[0] ?? "",
    frequencies,
    minCycles: firstBilling && "minCycles" in firstBilling ? (firstBilling.minCycles ?? null) : null,
    maxCycles: firstBilling && "maxCycles" in firstBilling ? (firstBilling.maxCycles ?? null) : null,
  };
}

/**
 * Where in the plan form a Shopify userError belongs, from the field path Shopify gives for the
 * input sellingPlanGroupInput built: "name", "frequencies.2.discount", "products"… Null when it
 * names nothing the form shows (the error is then shown with the others, above the form).
 */
export function formPathOf(field: string[] | null, draft: PlanDraft): string | null {
  const [root, key, index, part, ...rest] = field ?? [];
  if (root === "resources" || root === "productIds" || root === "productVariantIds") return "products";
  if (root !== "input") return null;
  if (key === "name" || key === "merchantCode" || key === "description") return key;
  if (key === "options") return "optionsLabel";
  if (key !== "sellingPlansToCreate" && key !== "sellingPlansToUpdate") return null;
  // sellingPlanGroupInput lists new frequencies under create and existing ones under update, each in form order.
  const ofKind = draft.frequencies.map((f, i) => ({ f, i })).filter(({ f }) => (key === "sellingPlansToUpdate") === Boolean(f.id));
  const frequency = ofKind[Number(index)]?.i;
  if (frequency === undefined) return null;
  const subfield = part === "pricingPolicies" ? "discount" : [part, ...rest].includes("anchors") ? "anchorDay" : "intervalCount";
  return `frequencies.${frequency}.${subfield}`;
}
