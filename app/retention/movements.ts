import { fromLocal, toLocal } from "../time/zoned";
import type { PausedSubscribers } from "../subscriptions/settings-form";

/**
 * MRR movements, month by month, as ChartMogul defines them (docs/metrics.md): every change of a
 * customer's MRR is one movement, classified by what it did to that customer: new (first MRR),
 * reactivation (MRR again after none), expansion, contraction, churn (to none). A month's movements
 * therefore sum to its change in MRR exactly. Months are the shop's calendar months. Pure.
 */
export interface MrrChange {
  contractId: string;
  customerId: string;
  at: Date;
  /** The contract's MRR from this instant on (0 when paused, cancelled or expired). */
  mrrMinor: number;
  /** The contract is paused from this instant on. */
  paused?: boolean;
}

export type MonthKey = `${number}-${string}`;

export interface MonthMovements {
  month: MonthKey;
  startMrr: number;
  newMrr: number;
  expansion: number;
  contraction: number;
  churned: number;
  reactivation: number;
  /** MRR paused and resumed by kept subscribers (0 when paused subscribers are churned). */
  pausedMrr: number;
  resumedMrr: number;
  netNew: number;
  endMrr: number;
  startCustomers: number;
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
  /** Customers who left during the month, each once however often they left. */
  leftCustomers: number;
  /** Customers not there at the month's start who came during it (new or back), each once. */
  joinedCustomers: number;
  endCustomers: number;
}

export function monthOf(at: Date, timeZone: string): MonthKey {
  const local = toLocal(at, timeZone);
  return `${local.year}-${String(local.month).padStart(2, "0")}`;
}

/** The instant a month begins in the shop's time zone (midnight of its first day). */
export function monthStart(key: MonthKey, timeZone: string): Date {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return fromLocal({ year, month, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The months from `first` to `last`, both included. */
export function monthsBetween(first: MonthKey, last: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** What a month's changes did, by movement: the part of MonthMovements a month adds up on its own. */
export type MonthMoves = Pick<
  MonthMovements,
  | "newMrr"
  | "expansion"
  | "contraction"
  | "churned"
  | "reactivation"
  | "pausedMrr"
  | "resumedMrr"
  | "newCustomers"
  | "reactivatedCustomers"
  | "churnedCustomers"
  | "leftCustomers"
  | "joinedCustomers"
>;

export const NO_MOVES: Readonly<MonthMoves> = {
  newMrr: 0,
  expansion: 0,
  contraction: 0,
  churned: 0,
  reactivation: 0,
  pausedMrr: 0,
  resumedMrr: 0,
  newCustomers: 0,
  reactivatedCustomers: 0,
  churnedCustomers: 0,
  leftCustomers: 0,
  joinedCustomers: 0,
};

/** How a cohort's active customers and MRR changed in one month. */
export type CohortCellMoves = {
  activeCustomers: number;
  mrr: number;
};

export type CohortCellKey = `${MonthKey}/${MonthKey}`;

export const cohortCellKey = (cohort: MonthKey, month: MonthKey): CohortCellKey => `${cohort}/${month}`;

/** The cohort and month a cell key names. */
export function cohortCellOf(key: CohortCellKey): { cohort: MonthKey; month: MonthKey } {
  const [cohort, month] = key.split("/") as [MonthKey, MonthKey];
  return { cohort, month };
}

/**
 * Everything the dashboard reads from a history of MRR changes, as sums per month: the movements
 * of each month, and each cohort's change in each month. Sums can be added and taken apart, which
 * is what keeps the stored figures current one change at a time (figures.server.ts): a customer's
 * share depends on their own changes only.
 */
export interface MrrFigures {
  months: Map<MonthKey, MonthMoves>;
  cohortCells: Map<CohortCellKey, CohortCellMoves>;
}

/**
 * Replays the changes in time order (two at the same instant in the order given), every customer's
 * MRR being the sum of their contracts', and classifies each change of a customer: new (first
 * there: the customer's cohort is that month), reactivation (there again after leaving), expansion,
 * contraction, churn (leaving). A customer is there while they have MRR, or, when paused
 * subscribers are kept, while one of their contracts is paused: a pause or a resume is then its own
 * movement, not a churn or a reactivation.
 */
export function mrrFigures(changes: MrrChange[], timeZone: string, pausedSubscribers: PausedSubscribers = "churned"): MrrFigures {
  const figures: MrrFigures = { months: new Map(), cohortCells: new Map() };
  const ordered = changes
    .map((change, order) => ({ change, order }))
    .sort((a, b) => a.change.at.getTime() - b.change.at.getTime() || a.order - b.order);
  const keepPaused = pausedSubscribers === "kept";
  const contractState = new Map<string, { mrr: number; paused: boolean }>();
  const customerMrr = new Map<string, number>();
  const customerPaused = new Map<string, number>();
  const cohortOf = new Map<string, MonthKey>();
  // Each customer's month so far: whether they were there at its start, and whether they have
  // already been counted as leaving or joining in it (each counts once a month).
  const monthSoFar = new Map<string, { month: MonthKey; thereAtStart: boolean; left: boolean; joined: boolean }>();
  for (const { change } of ordered) {
    const was = contractState.get(change.contractId) ?? { mrr: 0, paused: false };
    const paused = keepPaused && change.paused === true;
    const before = customerMrr.get(change.customerId) ?? 0;
    const after = before - was.mrr + change.mrrMinor;
    const pausedBefore = customerPaused.get(change.customerId) ?? 0;
    const pausedAfter = pausedBefore - Number(keepPaused && was.paused) + Number(paused);
    contractState.set(change.contractId, { mrr: change.mrrMinor, paused: change.paused === true });
    customerMrr.set(change.customerId, after);
    customerPaused.set(change.customerId, pausedAfter);
    const [thereBefore, thereAfter] = [before > 0 || pausedBefore > 0, after > 0 || pausedAfter > 0];
    if (after === before && thereBefore === thereAfter) continue;
    const month = monthOf(change.at, timeZone);
    const moves = getOrAdd(figures.months, month, () => ({ ...NO_MOVES }));
    let sofar = monthSoFar.get(change.customerId);
    if (sofar?.month !== month) {
      sofar = { month, thereAtStart: thereBefore, left: false, joined: false };
      monthSoFar.set(change.customerId, sofar);
    }
    if (!thereAfter && !sofar.left) {
      sofar.left = true;
      moves.leftCustomers += 1;
    }
    if (!thereBefore && !sofar.thereAtStart && !sofar.joined) {
      sofar.joined = true;
      moves.joinedCustomers += 1;
    }
    const returning = cohortOf.has(change.customerId);
    if (!thereBefore && returning) {
      moves.reactivation += after;
      moves.reactivatedCustomers += 1;
    } else if (!thereBefore) {
      moves.newMrr += after;
      moves.newCustomers += 1;
      cohortOf.set(change.customerId, month);
    } else if (!thereAfter) {
      moves.churned -= before;
      moves.churnedCustomers += 1;
    } else if (paused && !(keepPaused && was.paused)) moves.pausedMrr += after - before;
    else if (keepPaused && was.paused && !paused) moves.resumedMrr += after - before;
    else if (after > before) moves.expansion += after - before;
    else moves.contraction -= before - after;
    const cell = getOrAdd(figures.cohortCells, cohortCellKey(cohortOf.get(change.customerId)!, month), () => ({
      activeCustomers: 0,
      mrr: 0,
    }));
    cell.activeCustomers += Number(thereAfter) - Number(thereBefore);
    cell.mrr += after - before;
  }
  return figures;
}

/**
 * What one more change of a customer's MRR does to the figures, given that customer's changes
 * before it: the figures with it less the figures without it. Added up in any order of arrival,
 * the contributions equal a replay of the whole history (figures.server.ts keeps them so).
 */
export function changeContribution(
  history: MrrChange[],
  change: MrrChange,
  timeZone: string,
  pausedSubscribers: PausedSubscribers = "churned",
): MrrFigures {
  return figuresDifference(mrrFigures([...history, change], timeZone, pausedSubscribers), mrrFigures(history, timeZone, pausedSubscribers));
}

/** `after` less `before`, entry by entry: what a customer's new change did to the figures. */
export function figuresDifference(after: MrrFigures, before: MrrFigures): MrrFigures {
  return {
    months: differenceOf(after.months, before.months),
    cohortCells: differenceOf(after.cohortCells, before.cohortCells),
  };
}

function differenceOf<K, V extends Record<string, number>>(after: Map<K, V>, before: Map<K, V>): Map<K, V> {
  const result = new Map<K, V>();
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const [a, b] = [after.get(key), before.get(key)];
    const fields = Object.keys(a ?? b!);
    const entry = Object.fromEntries(fields.map((field) => [field, (a?.[field] ?? 0) - (b?.[field] ?? 0)]));
    if (fields.some((field) => entry[field] !== 0)) result.set(key, entry as V);
  }
  return result;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/**
 * The movements of each month from `first` to `last`, from each month's sums: the months before
 * `first` set the opening state, those after `last` are ignored. A month opens where the one
 * before it closed, so its movements sum to its change in MRR exactly.
 */
export function movementsFrom(months: ReadonlyMap<MonthKey, MonthMoves>, first: MonthKey, last: MonthKey): MonthMovements[] {
  let mrr = 0;
  let customers = 0;
  const apply = (moves: MonthMoves) => {
    mrr += moves.newMrr + moves.expansion + moves.contraction + moves.churned + moves.reactivation + moves.pausedMrr + moves.resumedMrr;
    customers += moves.newCustomers + moves.reactivatedCustomers - moves.churnedCustomers;
  };
  for (const [month, moves] of months) if (month < first) apply(moves);
  return monthsBetween(first, last).map((month) => {
    const [startMrr, startCustomers] = [mrr, customers];
    const moves = months.get(month) ?? NO_MOVES;
    apply(moves);
    return { month, startMrr, ...moves, netNew: mrr - startMrr, endMrr: mrr, startCustomers, endCustomers: customers };
  });
}

/** The movements of each month from `first` to `last`, from the whole history of changes. */
export function mrrMovements(
  changes: MrrChange[],
  timeZone: string,
  first: MonthKey,
  last: MonthKey,
  pausedSubscribers: PausedSubscribers = "churned",
): MonthMovements[] {
  return movementsFrom(mrrFigures(changes, timeZone, pausedSubscribers).months, first, last);
}

/** The month `months` after (or before, if negative) `key`. */
export function shiftMonth(key: MonthKey, months: number): MonthKey {
  const [year, month] = key.split("-").map(Number);
  const index = year! * 12 + month! - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
