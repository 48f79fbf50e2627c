import { divideRoundingHalfUp } from "../money";
import type { MonthMovements } from "./movements";

/**
 * The rates a merchant reads over a period of months (docs/metrics.md). A rate is a fraction kept
 * as numerator and denominator, so the page formats it once and nothing is rounded twice; an
 * amount is in minor units. Pure.
 */
export interface Rate {
  numerator: number;
  denominator: number;
}

export interface RetentionSummary {
  mrr: number;
  activeCustomers: number;
  /** MRR ÷ active customers at the end of the period. */
  arpu: number | null;
  /** Customers lost ÷ customers who could have been lost (there at a month's start, or joined in it), over the period's months. */
  customerChurn: Rate;
  /** (churn + contraction) ÷ MRR at the start of each month. */
  grossMrrChurn: Rate;
  /** (churn + contraction − expansion − reactivation) ÷ MRR at the start of each month; negative is growth. */
  netMrrChurn: Rate;
  /** ARPU ÷ monthly customer churn, never below one month of ARPU; null while no customer has churned. */
  ltv: number | null;
}

const sum = (months: MonthMovements[], of: (m: MonthMovements) => number) => months.reduce((total, m) => total + of(m), 0);

export function retentionSummary(months: MonthMovements[]): RetentionSummary {
  const last = months[months.length - 1];
  const mrr = last?.endMrr ?? 0;
  const activeCustomers = last?.endCustomers ?? 0;
  // Each month weighs by its base, so a period's rate is its months' rate, not their average. Those
  // who could leave in a month are those there at its start and those who came during it: the
  // rate never passes 100 % (docs/metrics.md).
  const customerMonths = sum(months, (m) => m.startCustomers + m.joinedCustomers);
  const mrrMonths = sum(months, (m) => m.startMrr);
  const lost = sum(months, (m) => m.leftCustomers);
  // Churned and contracted MRR are kept negative; the loss is their size.
  const grossLoss = sum(months, (m) => Math.abs(m.churned + m.contraction));
  const regained = sum(months, (m) => m.expansion + m.reactivation);
  return {
    mrr,
    activeCustomers,
    arpu: activeCustomers ? divideRoundingHalfUp(mrr, activeCustomers) : null,
    customerChurn: { numerator: lost, denominator: customerMonths },
    grossMrrChurn: { numerator: grossLoss, denominator: mrrMonths },
    netMrrChurn: { numerator: grossLoss - regained, denominator: mrrMonths },
    // ARPU ÷ (lost ÷ customerMonths) = MRR × customerMonths ÷ (customers × lost), in one division.
    ltv: activeCustomers && lost ? divideRoundingHalfUp(mrr * customerMonths, activeCustomers * lost) : null,
  };
}

/** A rate as a number for display and charts only (never for money). */
export function rateValue(rate: Rate): number | null {
  return rate.denominator ? rate.numerator / rate.denominator : null;
}
