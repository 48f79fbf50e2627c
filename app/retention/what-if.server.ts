import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { parsePercentage, type FrequencyDraft } from "../subscriptions/plan-draft";
import { listPlans, loadPlan } from "../subscriptions/plans.server";
import { divideRoundingHalfUp } from "../money";
import { contractMrrMinor } from "../subscriptions/mrr";
import { readFigures } from "./figures.server";
import { monthOf, monthsBetween, monthStart, movementsFrom, shiftMonth } from "./movements";
import { retentionSummary, type Rate } from "./rates";
import { loadProgram, referralFiguresBetween } from "../referrals/referrals.server";
import {
  parseAddOnQuestion,
  parseReferralQuestion,
  parseTierQuestion,
  parseWhatIfQuestion,
  projectAddOnRevenue,
  projectMrr,
  projectReferralReward,
  type AddOnHistory,
  type ReferralHistory,
} from "./what-if";

/**
 * Where a what-if projection starts from (docs/metrics.md): what one selling plan's subscribers
 * bring now, how much new MRR the plan brought per month lately, and how many subscribers the shop
 * lost per month lately. "Lately" is the last HISTORY_MONTHS calendar months of the shop's time
 * zone, the current one included, as the dashboard's periods are.
 */
export const HISTORY_MONTHS = 3;

export interface PlanHistory {
  currencyCode: string;
  subscribers: number;
  currentMrrMinor: number;
  newMrrPerMonthMinor: number;
  monthlyChurn: Rate;
}

/** The shop's retention figures, read once per page and shared by each lever's history. */
type Figures = Awaited<ReturnType<typeof readFigures>>;

async function planHistory(figures: Figures, shop: string, sellingPlanId: string, now: Date): Promise<PlanHistory> {
  const { timeZone, currencyCode } = figures;
  const last = monthOf(now, timeZone);
  const first = shiftMonth(last, 1 - HISTORY_MONTHS);
  const since = monthStart(first, timeZone);
  const contracts = await db().subscriptionContract.findMany({
    where: { shop, currencyCode, lines: { some: { sellingPlanId } } },
    select: {
      status: true,
      billingInterval: true,
      billingIntervalCount: true,
      firstBillingAt: true,
      // Only this plan's lines: a contract may mix plans.
      lines: { where: { sellingPlanId }, select: { unitPriceMinor: true, quantity: true, oneTimeCycle: true } },
    },
  });
  const active = contracts.filter((contract) => contract.status === "ACTIVE");
  // A contract started lately brought its MRR then, whatever became of it since.
  const newMrrMinor = contracts
    .filter((contract) => contract.firstBillingAt >= since && contract.firstBillingAt <= now)
    .reduce((sum, contract) => sum + contractMrrMinor({ ...contract, status: "ACTIVE" }), 0);
  return {
    currencyCode,
    subscribers: active.length,
    currentMrrMinor: active.reduce((sum, contract) => sum + contractMrrMinor(contract), 0),
    newMrrPerMonthMinor: divideRoundingHalfUp(newMrrMinor, HISTORY_MONTHS),
    monthlyChurn: retentionSummary(movementsFrom(figures.months, first, last)).customerChurn,
  };
}

export interface WhatIfRequest {
  planId: string | null;
  frequencyId: string | null;
  /** The form's fields as typed; null until the merchant asks. */
  fields: { discount: string; elasticity: string } | null;
  /** The add-on question's fields as typed; null until the merchant asks. */
  addOnFields: { priceChange: string; elasticity: string } | null;
  tierId: string | null;
  /** The tier question's fields as typed; null until the merchant asks. */
  tierFields: { price: string; elasticity: string } | null;
  /** The referral question's fields as typed; null until the merchant asks. */
  referralFields: { credit: string; elasticity: string } | null;
}

/** Add-ons sold lately (the last HISTORY_MONTHS months, as the plan's history): the ground of their what-if. */
function addOnHistory({ months, timeZone, currencyCode }: Figures, now: Date): AddOnHistory & { currencyCode: string } {
  const last = monthOf(now, timeZone);
  const sold = { eligibleUnits: 0, soldUnits: 0, revenueMinor: 0, months: HISTORY_MONTHS, currencyCode };
  for (const month of monthsBetween(shiftMonth(last, 1 - HISTORY_MONTHS), last)) {
    const sums = months.get(month);
    sold.eligibleUnits += sums?.eligibleUnits ?? 0;
    sold.soldUnits += sums?.protectedUnits ?? 0;
    sold.revenueMinor += sums?.protectionMinor ?? 0;
  }
  return sold;
}

/** Referrals lately (the last HISTORY_MONTHS months): the ground of the referral reward's what-if. */
async function referralHistory(
  { months, timeZone }: Figures,
  shop: string,
  now: Date,
): Promise<ReferralHistory & { currencyCode: string }> {
  const last = monthOf(now, timeZone);
  const first = shiftMonth(last, 1 - HISTORY_MONTHS);
  const [figures, program] = await Promise.all([referralFiguresBetween(shop, monthStart(first, timeZone), null), loadProgram(shop)]);
  const churn = retentionSummary(movementsFrom(months, first, last)).customerChurn;
  return {
    months: HISTORY_MONTHS,
    converted: figures.converted,
    referredNewMrrMinor: figures.referredNewMrrMinor,
    monthlyChurn: churn,
    creditMinor: program.creditMinor,
    currencyCode: program.currencyCode,
  };
}

/**
 * A membership tier's price question: the shop's tiers, the chosen one's history (its selling
 * plan's, as a plan frequency's) and, once asked, its MRR at the new price against the current.
 */
async function tierWhatIf(figures: Figures, shop: string, request: WhatIfRequest, now: Date) {
  const tiers = await db().membershipTier.findMany({
    where: { shop, shopifySellingPlanId: { not: null } },
    include: { membership: { select: { name: true } } },
    orderBy: [{ membership: { createdAt: "asc" } }, { position: "asc" }],
  });
  const tier = tiers.find((candidate) => candidate.id === request.tierId) ?? tiers[0];
  const history = tier ? await planHistory(figures, shop, tier.shopifySellingPlanId!, now) : null;
  const answer = tier && request.tierFields ? parseTierQuestion(request.tierFields, tier.currencyCode) : null;
  return {
    tiers: tiers.map((t) => ({
      id: t.id,
      name: `${t.membership.name} · ${t.name}`,
      priceMinor: t.priceMinor,
      currencyCode: t.currencyCode,
    })),
    tierId: tier?.id ?? null,
    history,
    fields: request.tierFields,
    fieldErrors: answer && !answer.ok ? answer.fieldErrors : {},
    projection:
      tier && history && answer?.ok
        ? projectMrr({
            ...history,
            currentPrice: tier.priceMinor,
            proposedPrice: answer.question.proposedPriceMinor,
            elasticityHundredths: answer.question.elasticityHundredths,
            months: PROJECTION_MONTHS,
          })
        : null,
  };
}

/**
 * The what-if page: the shop's plans, the chosen plan's frequencies with their current discount
 * (from Shopify: Orchard's mirror keeps only the group), the chosen frequency's history and, once
 * asked, its projection. Only percentage discounts can be compared as a price ratio: a frequency
 * with a fixed amount or price off, or 100 % off, is listed without a projection.
 */
export async function whatIfPage(admin: AdminClient, request: WhatIfRequest, now: Date) {
  const plans = (await listPlans(admin.shop)).filter((plan) => plan.status === "active");
  const subscribers = await activeSubscribersBySellingPlan(admin.shop);
  const chosen = plans.find((candidate) => candidate.id === request.planId);
  const { plan, loaded } = chosen ? { plan: chosen, loaded: await loadPlan(admin, chosen) } : await busiestPlan(admin, plans, subscribers);
  const frequencies = (loaded?.draft.frequencies ?? []).flatMap((frequency) =>
    frequency.id ? [{ id: frequency.id, draft: frequency, discountBp: percentageOff(frequency) }] : [],
  );
  // Unless asked for one, the frequency most subscribers are on: the one whose price matters most.
  const frequency =
    frequencies.find((candidate) => candidate.id === request.frequencyId) ??
    [...frequencies].sort((a, b) => (subscribers.get(b.id) ?? 0) - (subscribers.get(a.id) ?? 0))[0];
  const figures = await readFigures(admin.shop);
  const history = frequency ? await planHistory(figures, admin.shop, frequency.id, now) : null;
  const answer = request.fields ? parseWhatIfQuestion(request.fields) : null;
  const addOns = addOnHistory(figures, now);
  const addOnAnswer = request.addOnFields ? parseAddOnQuestion(request.addOnFields) : null;
  const referrals = await referralHistory(figures, admin.shop, now);
  const referralAnswer = request.referralFields ? parseReferralQuestion(request.referralFields, referrals.currencyCode) : null;
  const projection =
    history && frequency?.discountBp != null && answer?.ok
      ? projectMrr({
          ...history,
          currentPrice: 10_000 - frequency.discountBp,
          proposedPrice: 10_000 - answer.question.proposedDiscountBp,
          elasticityHundredths: answer.question.elasticityHundredths,
          months: PROJECTION_MONTHS,
        })
      : null;
  return {
    plans: plans.map(({ id, name }) => ({ id, name })),
    planId: plan?.id ?? null,
    frequencies: frequencies.map(({ id, draft, discountBp }) => ({ id, draft, projectable: discountBp !== null })),
    frequencyId: frequency?.id ?? null,
    currentDiscountBp: frequency?.discountBp ?? null,
    history,
    historyMonths: HISTORY_MONTHS,
    fields: request.fields,
    fieldErrors: answer && !answer.ok ? answer.fieldErrors : {},
    projection,
    addOns: {
      history: addOns,
      fields: request.addOnFields,
      fieldErrors: addOnAnswer && !addOnAnswer.ok ? addOnAnswer.fieldErrors : {},
      projection: addOnAnswer?.ok && addOns.soldUnits > 0 ? projectAddOnRevenue(addOns, addOnAnswer.question, PROJECTION_MONTHS) : null,
    },
    tier: await tierWhatIf(figures, admin.shop, request, now),
    referrals: {
      history: referrals,
      fields: request.referralFields,
      fieldErrors: referralAnswer && !referralAnswer.ok ? referralAnswer.fieldErrors : {},
      projection:
        referralAnswer?.ok && referrals.converted > 0 ? projectReferralReward(referrals, referralAnswer.question, PROJECTION_MONTHS) : null,
    },
  };
}

const PROJECTION_MONTHS = 12;

/** Active subscribers by selling plan (a frequency of one of the merchant's plans). */
async function activeSubscribersBySellingPlan(shop: string): Promise<Map<string, number>> {
  const lines = await db().subscriptionLine.groupBy({
    by: ["sellingPlanId"],
    where: { contract: { shop, status: "ACTIVE" }, sellingPlanId: { not: null }, oneTimeCycle: null },
    _count: { _all: true },
  });
  return new Map(lines.flatMap((line) => (line.sellingPlanId ? [[line.sellingPlanId, line._count._all]] : [])));
}

/**
 * The plan with the most active subscribers, which the page opens on: a plan nobody is on has
 * nothing to project from. Orchard keeps the group, not its frequencies' ids, so each plan is read
 * from Shopify until one holds all the subscribers there are (or every plan is read).
 */
async function busiestPlan(admin: AdminClient, plans: Awaited<ReturnType<typeof listPlans>>, subscribers: Map<string, number>) {
  const everyone = [...subscribers.values()].reduce((sum, count) => sum + count, 0);
  let best: { plan: (typeof plans)[number]; loaded: Awaited<ReturnType<typeof loadPlan>>; count: number } | null = null;
  for (const plan of plans) {
    const loaded = await loadPlan(admin, plan);
    const count = (loaded?.draft.frequencies ?? []).reduce((sum, frequency) => sum + (subscribers.get(frequency.id ?? "") ?? 0), 0);
    if (!best || count > best.count) best = { plan, loaded, count };
    if (best.count === everyone) break;
  }
  return { plan: best?.plan, loaded: best?.loaded ?? null };
}

/** A frequency's ongoing discount in basis points when it is a percentage below 100 %, else null. */
function percentageOff(frequency: FrequencyDraft): number | null {
  if (frequency.discount.type !== "PERCENTAGE") return null;
  const basisPoints = parsePercentage(frequency.discount.value);
  return basisPoints !== null && basisPoints < 10_000 ? basisPoints : null;
}
