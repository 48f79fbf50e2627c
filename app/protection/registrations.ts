import { monthsLater } from "../subscriptions/billing-schedule";
import { LINK_PROPERTY, PROTECTS_PROPERTY } from "./protection-product";

/**
 * Registrations: one per protected unit of an order. Pure rules: what an order registers, when
 * cover starts and ends, what a refund or cancellation ends, and which status a merchant sees.
 */
export const STORED_STATUSES = ["active", "claimed", "refunded", "cancelled"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
export type RegistrationStatus = StoredStatus | "expired";
export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ["active", "claimed", "expired", "refunded", "cancelled"];

export interface OrderLine {
  /** Numeric line item id, as webhooks send it. */
  id: string;
  variantId: string | null;
  productId: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  priceMinor: number;
  properties: { name: string; value: string }[];
}

export interface ProtectionVariantInfo {
  offerId: string;
  termMonths: number;
  /** The offer's partner and share now, kept on what it sells. */
  partnerId: string | null;
  partnerShareBasisPoints: number | null;
}

export interface NewRegistration {
  offerId: string;
  partnerId: string | null;
  partnerShareBasisPoints: number | null;
  orderLineId: string;
  unit: number;
  protectionVariantId: string;
  protectedLineId: string | null;
  protectedProductId: string | null;
  protectedVariantId: string | null;
  protectedTitle: string | null;
  priceMinor: number;
  termMonths: number;
  startsAt: Date;
  expiresAt: Date;
}

const property = (line: OrderLine, name: string) => line.properties.find((p) => p.name === name)?.value ?? null;

export function coverEnds(startsAt: Date, termMonths: number, timeZone: string): Date {
  return monthsLater(startsAt, termMonths, timeZone);
}

/**
 * Every protection line of an order registers one row per unit it paid for. The protected line is
 * the one carrying the same link; a protection line whose product is missing (a theme that
 * bypassed the cart check) still registers what the shopper paid for, with no protected item, so
 * the merchant sees it and can refund it.
 */
export function registrationsForOrder(
  lines: readonly OrderLine[],
  protectionVariants: ReadonlyMap<string, ProtectionVariantInfo>,
  startsAt: Date,
  timeZone: string,
): NewRegistration[] {
  return lines.flatMap((line) => {
    const info = line.variantId ? protectionVariants.get(line.variantId) : undefined;
    if (!info || line.quantity <= 0) return [];
    const link = property(line, PROTECTS_PROPERTY);
    const protectedLine = link ? lines.find((other) => other !== line && property(other, LINK_PROPERTY) === link) : undefined;
    const expiresAt = coverEnds(startsAt, info.termMonths, timeZone);
    return Array.from({ length: line.quantity }, (_, index) => ({
      offerId: info.offerId,
      partnerId: info.partnerId,
      partnerShareBasisPoints: info.partnerShareBasisPoints,
      orderLineId: line.id,
      unit: index + 1,
      protectionVariantId: line.variantId!,
      protectedLineId: protectedLine?.id ?? null,
      protectedProductId: protectedLine?.productId ?? null,
      protectedVariantId: protectedLine?.variantId ?? null,
      protectedTitle: protectedLine ? [protectedLine.title, protectedLine.variantTitle].filter(Boolean).join(" – ") : null,
      priceMinor: line.priceMinor,
      termMonths: info.termMonths,
      startsAt,
      expiresAt,
    }));
  });
}

export interface RegistrationState {
  id: string;
  orderLineId: string;
  protectedLineId: string | null;
  unit: number;
  status: StoredStatus;
}

/**
 * What a refund ends: each unit of protection refunded ends one registration of that line (the
 * last units first), and each protected unit refunded (the item came back) cancels the cover of
 * one unit. Registrations already ended are not counted twice.
 */
export function endedByRefund(
  registrations: readonly RegistrationState[],
  refundedLines: readonly { lineId: string; quantity: number }[],
): { id: string; status: "refunded" | "cancelled" }[] {
  const open = registrations.filter((r) => r.status === "active" || r.status === "claimed").sort((a, b) => b.unit - a.unit);
  const ended = new Set<string>();
  const result: { id: string; status: "refunded" | "cancelled" }[] = [];
  for (const { lineId, quantity } of refundedLines) {
    const protection = open.filter((r) => r.orderLineId === lineId && !ended.has(r.id));
    const protectedItems = open.filter((r) => r.protectedLineId === lineId && !ended.has(r.id));
    const [matches, status] = protection.length ? [protection, "refunded" as const] : [protectedItems, "cancelled" as const];
    for (const registration of matches.slice(0, Math.max(0, quantity))) {
      ended.add(registration.id);
      result.push({ id: registration.id, status });
    }
  }
  return result;
}

/** The status a merchant sees: active cover past its end is expired. */
export function displayStatus(registration: { status: StoredStatus; expiresAt: Date }, now: Date): RegistrationStatus {
  return registration.status === "active" && registration.expiresAt.getTime() <= now.getTime() ? "expired" : registration.status;
}

/** A claim can be filed on cover that is in force; each registration covers one approved claim. */
export function canFileClaim(registration: { status: StoredStatus; startsAt: Date; expiresAt: Date }, now: Date): boolean {
  return displayStatus(registration, now) === "active";
}

export const CLAIM_REASONS = ["accidental_damage", "defect", "malfunction", "theft", "other"] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];
