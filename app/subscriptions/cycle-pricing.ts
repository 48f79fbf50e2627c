/**
 * What a subscription line costs on each billing cycle, from the pricing policy Shopify copies onto
 * the line from the plan (an introductory price for the first orders, then the lasting one).
 * Shopify charges the line's currentPrice and leaves moving it to the app, so before a cycle is
 * billed Orchard moves currentPrice to the policy's step for that cycle. Pure.
 *
 * Cycles: Orchard counts the checkout as cycle 0 and the renewals 1, 2…; Shopify counts the
 * checkout as cycle 1, and an adjustment with `afterCycle: n` applies from its cycle n + 1, that is
 * from Orchard's cycle n.
 */
export type CyclePrices = [afterCycle: number, priceMinor: number][];

/** The policy's prices per billing, in order, from Shopify's cycleDiscounts (null when the line has none). */
export function cyclePricesOf(discounts: { afterCycle: number; priceMinor: number }[] | null | undefined): CyclePrices | null {
  if (!discounts?.length) return null;
  return [...discounts].sort((a, b) => a.afterCycle - b.afterCycle).map((d) => [d.afterCycle, d.priceMinor]);
}

export function serializeCyclePrices(prices: CyclePrices | null): string | null {
  return prices ? JSON.stringify(prices) : null;
}

export function parseCyclePrices(text: string | null): CyclePrices | null {
  if (!text) return null;
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) && parsed.length ? (parsed as CyclePrices) : null;
}

/**
 * The lines whose currentPrice must move before `cycle` is billed, with the price it must have: a
 * line still at an earlier step of its policy moves to the step that has started (the cycle where
 * it started may have been skipped). A price the policy never set (a merchant's or an app's own
 * edit) is left alone, and no line moves back to an earlier step.
 */
export function linesToReprice<T extends { unitPriceMinor: number; cyclePrices: string | null }>(
  lines: T[],
  cycle: number,
): { line: T; priceMinor: number }[] {
  return lines.flatMap((line) => {
    const steps = (parseCyclePrices(line.cyclePrices) ?? []).filter(([afterCycle]) => afterCycle <= cycle);
    const current = steps.at(-1);
    const earlier = steps.slice(0, -1).some(([, priceMinor]) => priceMinor === line.unitPriceMinor);
    return current && earlier && current[1] !== line.unitPriceMinor ? [{ line, priceMinor: current[1] }] : [];
  });
}

/** The lines with the prices they will be charged at for `cycle` (after linesToReprice's moves). */
export function linesAsCharged<T extends { unitPriceMinor: number; cyclePrices: string | null }>(lines: T[], cycle: number): T[] {
  const moves = new Map(linesToReprice(lines, cycle).map(({ line, priceMinor }) => [line, priceMinor]));
  return lines.map((line) => (moves.has(line) ? { ...line, unitPriceMinor: moves.get(line)! } : line));
}
