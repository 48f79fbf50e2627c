import { fromLocal, toLocal } from "../time/zoned";

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
  netNew: number;
  endMrr: number;
  startCustomers: number;
  newCustomers: number;
  reactivatedCustomers: number;
  churnedCustomers: number;
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

function emptyMonth(month: MonthKey, startMrr: number, startCustomers: number): MonthMovements {
  return {
    month,
    startMrr,
    newMrr: 0,
    expansion: 0,
    contraction: 0,
    churned: 0,
    reactivation: 0,
    netNew: 0,
    endMrr: startMrr,
    startCustomers,
    newCustomers: 0,
    reactivatedCustomers: 0,
    churnedCustomers: 0,
    endCustomers: startCustomers,
  };
}

/**
 * The changes up to the end of month `last`, in time order (two at the same instant in the order
 * given), each with its month, its customer's MRR (the sum of their contracts') before and after,
 * and every customer's MRR as the change finds it.
 */
export function* replayCustomerMrr(changes: MrrChange[], timeZone: string, last: MonthKey) {
  const ordered = changes
    .map((change, order) => ({ change, month: monthOf(change.at, timeZone), order }))
    .sort((a, b) => a.change.at.getTime() - b.change.at.getTime() || a.order - b.order);
  const contractMrr = new Map<string, number>();
  const customerMrr = new Map<string, number>();
  for (const { change, month } of ordered) {
    if (month > last) return;
    const before = customerMrr.get(change.customerId) ?? 0;
    const after = before - (contractMrr.get(change.contractId) ?? 0) + change.mrrMinor;
    // Yielded before it applies: `customerMrr` reads the state the change finds.
    yield { change, month, before, after, customerMrr: customerMrr as ReadonlyMap<string, number> };
    contractMrr.set(change.contractId, change.mrrMinor);
    customerMrr.set(change.customerId, after);
  }
}

/**
 * The movements of each month from `first` to `last`. Changes before `first` set the opening
 * state; changes after `last` are ignored. Two changes at the same instant apply in the order given.
 */
export function mrrMovements(changes: MrrChange[], timeZone: string, first: MonthKey, last: MonthKey): MonthMovements[] {
  const range = monthsBetween(first, last);
  const result: MonthMovements[] = [];
  const everSubscribed = new Set<string>();
  let mrr = 0;
  let customers = 0;
  // Opens every month of the range up to `month` at the state reached so far: a month opens where
  // the one before it closed.
  const openThrough = (month: MonthKey) => {
    while (result.length < range.length && range[result.length]! <= month) result.push(emptyMonth(range[result.length]!, mrr, customers));
  };

  for (const { change, month, before, after } of replayCustomerMrr(changes, timeZone, last)) {
    openThrough(month);
    if (after === before) continue;
    const returning = everSubscribed.has(change.customerId);
    everSubscribed.add(change.customerId);
    if (before === 0) customers += 1;
    if (after === 0) customers -= 1;
    mrr += after - before;
    if (month < first) continue;
    const moves = result[result.length - 1]!;
    if (before === 0 && returning) {
      moves.reactivation += after;
      moves.reactivatedCustomers += 1;
    } else if (before === 0) {
      moves.newMrr += after;
      moves.newCustomers += 1;
    } else if (after === 0) {
      moves.churned -= before;
      moves.churnedCustomers += 1;
    } else if (after > before) moves.expansion += after - before;
    else moves.contraction -= before - after;
    moves.endMrr = mrr;
    moves.endCustomers = customers;
    moves.netNew = mrr - moves.startMrr;
  }
  openThrough(last);
  return result;
}

/** The month `months` after (or before, if negative) `key`. */
export function shiftMonth(key: MonthKey, months: number): MonthKey {
  const [year, month] = key.split("-").map(Number);
  const index = year! * 12 + month! - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
