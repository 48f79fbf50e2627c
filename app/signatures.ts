import { timingSafeEqual } from "node:crypto";

/** Whether a signature a request carries is the one expected, compared in constant time (a timing leaks nothing of how much matched). */
export function sameSignature(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
