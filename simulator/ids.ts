/** Shopify's global ids: gid://shopify/{Type}/{number}. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export function parseGid(value: unknown, expectedType?: string): { type: string; id: number } | null {
  if (typeof value !== "string") return null;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(value);
  if (!match) return null;
  if (expectedType && match[1] !== expectedType) return null;
  return { type: match[1]!, id: Number(match[2]) };
}

export function minorFromDecimal(value: string, digits = 2): number | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = (match[3] ?? "").padEnd(digits, "0");
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  const minor = Number(match[2]) * 10 ** digits + Number(fraction.slice(0, digits) || "0");
  return match[1] ? -minor : minor;
}
