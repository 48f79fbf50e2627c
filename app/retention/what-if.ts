import { amountFromInput } from "../money";
import { parsePercentage } from "../subscriptions/plan-draft";
import type { Rate } from "./rates";

/**
 * What-if pricing (docs/metrics.md): the MRR of one selling plan (a subscribe-and-save frequency or
 * a membership tier) over the next months if its price changed, against leaving it as it is. A
 * projection, not a forecast, resting on stated assumptions:
 *  - subscribers keep the price they signed up at (Shopify keeps a contract's price when the
 *    selling plan changes), so only new subscribers see the new price;
 *  - each month loses the historical churn rate of the MRR it started with;
 *  - new subscribers arrive at the historical pace, scaled by a linear price elasticity: a price
 *    ε × p % higher brings p % fewer (never fewer than none).
 * Integer arithmetic in minor units, rounded half up each month. Pure.
 */
export interface WhatIfInput {
  currentMrrMinor: number;
  /** New MRR the plan has brought per month, on average, at its current price. */
  newMrrPerMonthMinor: number;
  monthlyChurn: Rate;
  /**
   * The price now and the price asked about, in any one unit (minor units for a tier's price,
   * 10,000 less the discount's basis points for a plan's discount): only their ratio counts.
   */
  currentPrice: number;
  proposedPrice: number;
  /** Elasticity in hundredths (1.5 = 150). */
  elasticityHundredths: number;
  months: number;
}

export interface ProjectedMonth {
  month: number;
  baselineMrr: number;
  projectedMrr: number;
}

const roundHalfUp = (numerator: bigint, denominator: bigint) => (2n * numerator + denominator) / (2n * denominator);

/** New MRR a month at the proposed price: more per subscriber, fewer subscribers (or the reverse). */
function newMrrAtProposedPrice(input: WhatIfInput): bigint {
  const priceNum = BigInt(input.proposedPrice);
  const priceDen = BigInt(input.currentPrice);
  const elasticity = BigInt(input.elasticityHundredths);
  // volume = 1 − ε × (price ratio − 1), as (100·den − ε·(num − den)) / (100·den), at least 0.
  let volumeNum = 100n * priceDen - elasticity * (priceNum - priceDen);
  if (volumeNum < 0n) volumeNum = 0n;
  return roundHalfUp(BigInt(input.newMrrPerMonthMinor) * priceNum * volumeNum, priceDen * 100n * priceDen);
}

export function projectMrr(input: WhatIfInput): ProjectedMonth[] {
  // Without history (no subscriber-month yet) nothing is assumed lost.
  const churn = input.monthlyChurn.denominator ? input.monthlyChurn : { numerator: 0, denominator: 1 };
  const base = BigInt(churn.denominator);
  const kept = BigInt(churn.denominator - churn.numerator);
  const proposedNew = newMrrAtProposedPrice(input);
  const currentNew = BigInt(input.newMrrPerMonthMinor);
  let baseline = BigInt(input.currentMrrMinor);
  let projected = baseline;
  const months: ProjectedMonth[] = [];
  for (let month = 1; month <= input.months; month += 1) {
    baseline = roundHalfUp(baseline * kept, base) + currentNew;
    projected = roundHalfUp(projected * kept, base) + proposedNew;
    months.push({ month, baselineMrr: Number(baseline), projectedMrr: Number(projected) });
  }
  return months;
}

/** What the merchant asks: a new discount for the plan and how strongly shoppers react to price. */
export interface WhatIfQuestion {
  proposedDiscountBp: number;
  elasticityHundredths: number;
}

export type WhatIfFieldErrors = Partial<Record<keyof WhatIfQuestion, "percentage" | "elasticity">>;

/** Elasticities a merchant may set: 0 (price does not matter) to 10, in hundredths. */
const MAX_ELASTICITY_HUNDREDTHS = 1_000;

/** "1.5" → 150; null unless a number from 0 to 10 with at most two decimals. */
function parseElasticity(value: string): number | null {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return hundredths <= MAX_ELASTICITY_HUNDREDTHS ? hundredths : null;
}

/** The what-if form's fields, as typed: the question, or an error per field. */
export function parseWhatIfQuestion(fields: {
  discount: string;
  elasticity: string;
}): { ok: true; question: WhatIfQuestion } | { ok: false; fieldErrors: WhatIfFieldErrors } {
  const proposedDiscountBp = parsePercentage(fields.discount);
  const elasticityHundredths = parseElasticity(fields.elasticity);
  const fieldErrors: WhatIfFieldErrors = {};
  if (proposedDiscountBp === null) fieldErrors.proposedDiscountBp = "percentage";
  if (elasticityHundredths === null) fieldErrors.elasticityHundredths = "elasticity";
  if (proposedDiscountBp === null || elasticityHundredths === null) return { ok: false, fieldErrors };
  return { ok: true, question: { proposedDiscountBp, elasticityHundredths } };
}

/**
 * What-if for add-ons (docs/metrics.md): the add-on revenue of the next months if their prices
 * changed by a percentage, against leaving them. Stated assumptions: as many units of covered
 * products sell each month as lately; the attach rate moves with price by the same linear
 * elasticity as subscriptions (a price ε × p % higher is chosen p % less often, never below none
 * nor above every unit); prices change in proportion across terms and bands. Cumulative revenue,
 * in minor units, rounded half up each month. Pure.
 */
export interface AddOnHistory {
  /** Units of products an active offer covered, sold over the history's months. */
  eligibleUnits: number;
  /** Add-on units sold over the same months, and what they brought. */
  soldUnits: number;
  revenueMinor: number;
  months: number;
}

export interface AddOnQuestion {
  /** The price change in basis points: 1000 is 10 % dearer, −1000 10 % cheaper. */
  priceChangeBp: number;
  elasticityHundredths: number;
}

export interface ProjectedAddOnMonth {
  month: number;
  baselineMinor: number;
  projectedMinor: number;
}

export function projectAddOnRevenue(history: AddOnHistory, question: AddOnQuestion, months: number): ProjectedAddOnMonth[] {
  const period = BigInt(Math.max(1, history.months));
  const priceNum = BigInt(10_000 + question.priceChangeBp);
  // Units chosen at the new price, as a share of those chosen now, in hundredths of a basis point:
  // 1 − ε × (ratio − 1), at least none, at most every covered unit.
  let volume = 100n * 10_000n - BigInt(question.elasticityHundredths) * (priceNum - 10_000n);
  if (volume < 0n) volume = 0n;
  const sold = BigInt(history.soldUnits);
  const ceiling = sold > 0n ? (BigInt(history.eligibleUnits) * 100n * 10_000n) / sold : volume;
  if (volume > ceiling) volume = ceiling;
  const revenue = BigInt(history.revenueMinor);
  const result: ProjectedAddOnMonth[] = [];
  for (let month = 1; month <= months; month += 1) {
    const elapsed = BigInt(month);
    result.push({
      month,
      baselineMinor: Number(roundHalfUp(revenue * elapsed, period)),
      projectedMinor: Number(roundHalfUp(revenue * elapsed * priceNum * volume, period * 10_000n * 100n * 10_000n)),
    });
  }
  return result;
}

export type AddOnFieldErrors = Partial<Record<keyof AddOnQuestion, "priceChange" | "elasticity">>;

/** A price change merchants may try: from 90 % cheaper to three times the price (+200 %). */
const PRICE_CHANGE_BP = { min: -9_000, max: 20_000 };

/** "+15", "-10" or "12.5" → basis points, within the range above; null otherwise. */
function parsePriceChange(value: string): number | null {
  const match = /^\s*([+-]?)(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  const magnitude = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  const basisPoints = match[1] === "-" ? -magnitude : magnitude;
  return basisPoints >= PRICE_CHANGE_BP.min && basisPoints <= PRICE_CHANGE_BP.max ? basisPoints : null;
}

export function parseAddOnQuestion(fields: {
  priceChange: string;
  elasticity: string;
}): { ok: true; question: AddOnQuestion } | { ok: false; fieldErrors: AddOnFieldErrors } {
  const priceChangeBp = parsePriceChange(fields.priceChange);
  const elasticityHundredths = parseElasticity(fields.elasticity);
  const fieldErrors: AddOnFieldErrors = {};
  if (priceChangeBp === null) fieldErrors.priceChangeBp = "priceChange";
  if (elasticityHundredths === null) fieldErrors.elasticityHundredths = "elasticity";
  if (priceChangeBp === null || elasticityHundredths === null) return { ok: false, fieldErrors };
  return { ok: true, question: { priceChangeBp, elasticityHundredths } };
}

/** What the merchant asks of a membership tier: a new price and how strongly joiners react to it. */
export interface TierQuestion {
  proposedPriceMinor: number;
  elasticityHundredths: number;
}

export type TierFieldErrors = Partial<Record<keyof TierQuestion, "price" | "elasticity">>;

export function parseTierQuestion(
  fields: { price: string; elasticity: string },
  currencyCode: string,
): { ok: true; question: TierQuestion } | { ok: false; fieldErrors: TierFieldErrors } {
  const proposedPriceMinor = amountFromInput(fields.price, currencyCode);
  const elasticityHundredths = parseElasticity(fields.elasticity);
  const fieldErrors: TierFieldErrors = {};
  if (!proposedPriceMinor) fieldErrors.proposedPriceMinor = "price";
  if (elasticityHundredths === null) fieldErrors.elasticityHundredths = "elasticity";
  if (!proposedPriceMinor || elasticityHundredths === null) return { ok: false, fieldErrors };
  return { ok: true, question: { proposedPriceMinor, elasticityHundredths } };
}

/**
 * What-if for the referral reward (docs/metrics.md): what referrals bring over the next months,
 * net of the credits they cost, if the referrer's credit changed, against leaving it. Stated
 * assumptions: friends subscribe through referrals at the pace of lately, scaled by a linear
 * response (a reward p % larger brings ε × p % more of them, never fewer than none); each referred
 * subscription starts at the MRR they started at lately and is lost at the shop's churn rate; each
 * costs its referrer's credit once. Only referrals still to come are projected: those already made
 * bring the same either way. Cumulative, in minor units, rounded half up each month. Pure.
 */
export interface ReferralHistory {
  months: number;
  /** Friends who subscribed through a referral over those months, and the MRR they started with. */
  converted: number;
  referredNewMrrMinor: number;
  monthlyChurn: Rate;
  creditMinor: number;
}

export interface ReferralQuestion {
  proposedCreditMinor: number;
  elasticityHundredths: number;
}

export interface ProjectedReferralMonth {
  month: number;
  /** MRR, less credits, that referrals from month 1 have brought by the end of this month. */
  baselineMinor: number;
  projectedMinor: number;
}

export function projectReferralReward(history: ReferralHistory, question: ReferralQuestion, months: number): ProjectedReferralMonth[] {
  const churn = history.monthlyChurn.denominator ? history.monthlyChurn : { numerator: 0, denominator: 1 };
  const base = BigInt(churn.denominator);
  const kept = BigInt(churn.denominator - churn.numerator);
  const period = BigInt(Math.max(1, history.months));
  const credit = BigInt(history.creditMinor);
  const proposed = BigInt(question.proposedCreditMinor);
  // Referrals at the new reward as a share of those now: (100·c + ε·(c' − c)) / (100·c), at least none.
  const shareDen = 100n * credit;
  let shareNum = shareDen + BigInt(question.elasticityHundredths) * (proposed - credit);
  if (shareNum < 0n) shareNum = 0n;
  const referred = BigInt(history.referredNewMrrMinor);
  const converted = BigInt(history.converted);
  const monthly = {
    baseline: { newMrr: roundHalfUp(referred, period), credits: roundHalfUp(converted * credit, period) },
    projected: {
      newMrr: roundHalfUp(referred * shareNum, period * shareDen),
      credits: roundHalfUp(converted * proposed * shareNum, period * shareDen),
    },
  };
  const running = { baseline: { mrr: 0n, total: 0n }, projected: { mrr: 0n, total: 0n } };
  const result: ProjectedReferralMonth[] = [];
  for (let month = 1; month <= months; month += 1) {
    for (const side of ["baseline", "projected"] as const) {
      running[side].mrr = roundHalfUp(running[side].mrr * kept, base) + monthly[side].newMrr;
      running[side].total += running[side].mrr - monthly[side].credits;
    }
    result.push({ month, baselineMinor: Number(running.baseline.total), projectedMinor: Number(running.projected.total) });
  }
  return result;
}

export type ReferralFieldErrors = Partial<Record<keyof ReferralQuestion, "credit" | "elasticity">>;

export function parseReferralQuestion(
  fields: { credit: string; elasticity: string },
  currencyCode: string,
): { ok: true; question: ReferralQuestion } | { ok: false; fieldErrors: ReferralFieldErrors } {
  const proposedCreditMinor = amountFromInput(fields.credit, currencyCode);
  const elasticityHundredths = parseElasticity(fields.elasticity);
  const fieldErrors: ReferralFieldErrors = {};
  if (proposedCreditMinor === null) fieldErrors.proposedCreditMinor = "credit";
  if (elasticityHundredths === null) fieldErrors.elasticityHundredths = "elasticity";
  if (proposedCreditMinor === null || elasticityHundredths === null) return { ok: false, fieldErrors };
  return { ok: true, question: { proposedCreditMinor, elasticityHundredths } };
}
