/**
 * Percentages as merchants type them, kept as basis points (1500 = 15 %): exact, never floats.
 */

/** "15" or "12.5" → basis points; at most two decimals, above 0 and at most 100 %. */
export function percentageBasisPoints(value: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints > 0 && basisPoints <= 10_000 ? basisPoints : null;
}

/** Basis points as a merchant types a percentage: 1500 → "15", 1250 → "12.50". */
export function percentText(basisPoints: number): string {
  return basisPoints % 100 === 0
    ? String(basisPoints / 100)
    : `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;
}
