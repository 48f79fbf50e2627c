import { scheduledDate, type Schedule } from "./billing-schedule";
import { beyondCommitment } from "./commitment";

/**
 * Orders skipped ahead of time: a customer or merchant skips the order of a later date, and
 * scheduling records that cycle as skipped when it falls due instead of charging it (the next
 * order itself is skipped at once: contract-actions.server.ts). A skip is kept by cycle number, the
 * number its charge's idempotency key is made of: a reschedule moves the dates, the skipped order
 * stays the same one. Pure.
 */
export type Skipper = "customer" | "merchant";
export interface PlannedSkip {
  cycle: number;
  by: Skipper;
}

/** How far ahead an order can be skipped: the orders the customer's page lists. */
export const UPCOMING_ORDERS = 6;

/** The contract's column (JSON), read defensively: anything malformed is no skip. */
export function storedPlannedSkips(column: string | null): PlannedSkip[] {
  if (!column) return [];
  try {
    const parsed: unknown = JSON.parse(column);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (skip): skip is PlannedSkip =>
        typeof skip === "object" &&
        skip !== null &&
        Number.isSafeInteger((skip as PlannedSkip).cycle) &&
        ((skip as PlannedSkip).by === "customer" || (skip as PlannedSkip).by === "merchant"),
    );
  } catch {
    return [];
  }
}

export function plannedSkipsColumn(skips: PlannedSkip[]): string | null {
  return skips.length ? JSON.stringify([...skips].sort((a, b) => a.cycle - b.cycle)) : null;
}

/** Who skipped a cycle ahead of time, if anyone. */
export function plannedSkipOf(skips: PlannedSkip[], cycle: number): PlannedSkip | undefined {
  return skips.find((skip) => skip.cycle === cycle);
}

export interface UpcomingOrder {
  cycle: number;
  date: Date;
  skipped: boolean;
}

/**
 * The contract's next orders from `nextCycle`, as many as UPCOMING_ORDERS and never past the plan's
 * last order, each with whether it is skipped ahead of time.
 */
export function upcomingOrders(schedule: Schedule, nextCycle: number, maxCycles: number | null, skips: PlannedSkip[]): UpcomingOrder[] {
  const orders: UpcomingOrder[] = [];
  for (let cycle = nextCycle; cycle < nextCycle + UPCOMING_ORDERS && !beyondCommitment(cycle, maxCycles); cycle += 1) {
    orders.push({ cycle, date: scheduledDate(schedule, cycle), skipped: Boolean(plannedSkipOf(skips, cycle)) });
  }
  return orders;
}

/**
 * The skips after one more: refused (null) unless the cycle is one of the later upcoming orders
 * (not the next one, which is skipped at once) and not skipped already. Skips of cycles already
 * passed are dropped on the way.
 */
export function withPlannedSkip(
  skips: PlannedSkip[],
  skip: PlannedSkip,
  nextCycle: number,
  maxCycles: number | null,
): PlannedSkip[] | null {
  const later = skip.cycle > nextCycle && skip.cycle < nextCycle + UPCOMING_ORDERS && !beyondCommitment(skip.cycle, maxCycles);
  if (!later || plannedSkipOf(skips, skip.cycle)) return null;
  return [...skips.filter((s) => s.cycle >= nextCycle), skip];
}

/** The skips without the cycle's; null when it was not skipped ahead of time. */
export function withoutPlannedSkip(skips: PlannedSkip[], cycle: number, nextCycle: number): PlannedSkip[] | null {
  if (cycle < nextCycle || !plannedSkipOf(skips, cycle)) return null;
  return skips.filter((s) => s.cycle !== cycle && s.cycle >= nextCycle);
}
