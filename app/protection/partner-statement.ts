import { addMonths, fromLocal, toLocal } from "../time/zoned";
import type { StoredStatus } from "./registrations";

/**
 * A partner's monthly statement, pure (docs/metrics.md, "Partner statements"). A month's statement
 * counts the add-ons sold in it, less those reversed in it (refunded, or their order cancelled),
 * whatever month they were sold in: a closed month's statement never changes when a refund comes
 * later, the refund shows on the month it happened. The partner's share of each line uses the share
 * agreed when it was sold, rounded half up to a minor unit per line, so a reversal takes back
 * exactly what its sale gave.
 */
export interface StatementRegistration {
  id: string;
  orderName: string;
  orderedAt: Date;
  offerName: string | null;
  protectedTitle: string | null;
  termMonths: number;
  priceMinor: number;
  currencyCode: string;
  partnerShareBasisPoints: number;
  status: StoredStatus;
  endedBy: string | null;
  endedAt: Date | null;
}

export interface StatementClaim {
  id: string;
  orderName: string;
  reason: string;
  status: string;
  createdAt: Date;
}

export interface StatementLine {
  kind: "sale" | "reversal";
  registrationId: string;
  orderName: string;
  at: Date;
  offerName: string | null;
  protectedTitle: string | null;
  termMonths: number;
  /** Negative for a reversal. */
  amountMinor: number;
  shareMinor: number;
  currencyCode: string;
}

export interface StatementTotal {
  currencyCode: string;
  sold: number;
  reversed: number;
  salesMinor: number;
  reversalsMinor: number;
  netMinor: number;
  shareMinor: number;
}

export interface Statement {
  month: string;
  lines: StatementLine[];
  /** One per currency the add-ons were sold in (a shop selling in several markets has several). */
  totals: StatementTotal[];
  claims: StatementClaim[];
}

/** "2026-11" as the instants it runs between in the shop's time zone: [start, end). */
export function monthWindow(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const next = addMonths({ year, month: monthNumber }, 1, 1);
  const midnight = { day: 1, hour: 0, minute: 0, second: 0 };
  return {
    start: fromLocal({ year, month: monthNumber, ...midnight }, timeZone),
    end: fromLocal({ year: next.year, month: next.month, ...midnight }, timeZone),
  };
}

/** The month an instant falls in, in the shop's time zone, moved by `offset` months. */
export function monthOf(instant: Date, timeZone: string, offset = 0): string {
  const { year, month } = addMonths(toLocal(instant, timeZone), offset, 1);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export const isMonth = (value: string) => /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value);

/** Basis points of an amount in minor units, rounded half up (away from zero for negatives). */
export function shareOf(amountMinor: number, basisPoints: number): number {
  const magnitude = Math.floor((Math.abs(amountMinor) * basisPoints + 5_000) / 10_000);
  return amountMinor < 0 ? -magnitude : magnitude;
}

/** Whether what the customer paid for this add-on went back to them. */
export function isReversed(registration: Pick<StatementRegistration, "status" | "endedBy">): boolean {
  return registration.status === "refunded" || registration.endedBy === "order-cancelled";
}

const within = (at: Date | null, window: { start: Date; end: Date }) =>
  at !== null && at.getTime() >= window.start.getTime() && at.getTime() < window.end.getTime();

export function partnerStatement(
  month: string,
  timeZone: string,
  registrations: readonly StatementRegistration[],
  claims: readonly StatementClaim[],
): Statement {
  const window = monthWindow(month, timeZone);
  const line = (registration: StatementRegistration, kind: StatementLine["kind"], at: Date): StatementLine => {
    const amountMinor = kind === "sale" ? registration.priceMinor : -registration.priceMinor;
    return {
      kind,
      registrationId: registration.id,
      orderName: registration.orderName,
      at,
      offerName: registration.offerName,
      protectedTitle: registration.protectedTitle,
      termMonths: registration.termMonths,
      amountMinor,
      shareMinor: shareOf(amountMinor, registration.partnerShareBasisPoints),
      currencyCode: registration.currencyCode,
    };
  };
  const lines = registrations
    .flatMap((registration) => [
      ...(within(registration.orderedAt, window) ? [line(registration, "sale", registration.orderedAt)] : []),
      ...(isReversed(registration) && within(registration.endedAt, window) ? [line(registration, "reversal", registration.endedAt!)] : []),
    ])
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderName.localeCompare(b.orderName));
  const totals = new Map<string, StatementTotal>();
  for (const { currencyCode, kind, amountMinor, shareMinor } of lines) {
    const total = totals.get(currencyCode) ?? {
      currencyCode,
      sold: 0,
      reversed: 0,
      salesMinor: 0,
      reversalsMinor: 0,
      netMinor: 0,
      shareMinor: 0,
    };
    if (kind === "sale") {
      total.sold += 1;
      total.salesMinor += amountMinor;
    } else {
      total.reversed += 1;
      total.reversalsMinor += amountMinor;
    }
    total.netMinor += amountMinor;
    total.shareMinor += shareMinor;
    totals.set(currencyCode, total);
  }
  return {
    month,
    lines,
    totals: [...totals.values()].sort((a, b) => a.currencyCode.localeCompare(b.currencyCode)),
    claims: claims.filter((claim) => within(claim.createdAt, window)),
  };
}
