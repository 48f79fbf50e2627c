import { parsePercentage } from "../subscriptions/plan-draft";
import type { Rate } from "./rates";

/**
 * What-if pricing (docs/metrics.md): the plan's MRR over the next months if its discount changed,
 * against leaving it as it is. A projection, not a forecast, resting on stated assumptions:
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
  /** Discounts in basis points (10 % = 1000). */
  currentDiscountBp: number;
  proposedDiscountBp: number;
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
  const priceNum = BigInt(10_000 - input.proposedDiscountBp);
  const priceDen = BigInt(10_000 - input.currentDiscountBp);
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
