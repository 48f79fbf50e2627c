/**
 * What a customer committed to when they chose a plan with a minimum or a maximum number of orders.
 * Shopify's selling plan counts billing cycles from the checkout's own order, which is Orchard's
 * cycle 0: a plan of at most 3 orders is the checkout and cycles 1 and 2. Pure.
 */

/** The last cycle the customer agreed to pay for, or null when the plan has no maximum. */
export function lastCycle(maxCycles: number | null): number | null {
  return maxCycles === null ? null : Math.max(0, maxCycles - 1);
}

/** Whether a cycle lies past what the customer agreed to: it is never charged. */
export function beyondCommitment(cycle: number, maxCycles: number | null): boolean {
  const last = lastCycle(maxCycles);
  return last !== null && cycle > last;
}

/** Whether the cycle's order is the customer's last: the subscription ends once it is paid. */
export function isLastCycle(cycle: number, maxCycles: number | null): boolean {
  const last = lastCycle(maxCycles);
  return last !== null && cycle >= last;
}

/**
 * How many more orders the customer agreed to pay before they may skip or cancel (the plan's
 * minimum, counting the checkout's order and every renewal paid).
 */
export function ordersOwed(minCycles: number | null, ordersPaid: number): number {
  return minCycles === null ? 0 : Math.max(0, minCycles - ordersPaid);
}
