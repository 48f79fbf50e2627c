import { z } from "zod";
import { INVENTORY_FINAL_ACTIONS, PAYMENT_FINAL_ACTIONS, parseRetryDays, type FinalAction } from "./dunning";
import { MISSED_CYCLES_POLICIES, type MissedCyclesPolicy } from "./missed-cycles";
import {
  DEFAULT_CANCELLATION_FLOW,
  DEFAULT_SAVE_OFFER_PERIODS,
  parseCancellationFlow,
  SAVE_OFFER_KINDS,
  SAVE_OFFER_PERIOD_LIMITS,
  type CancellationFlow,
  type SaveOfferKind,
  type SaveOfferPeriods,
} from "./retention";

/**
 * The merchant's subscription settings as the Settings form edits them, and the rules they follow.
 * Pure: a field that breaks a rule comes back with its message key and nothing is saved.
 */
export interface SubscriptionSettings {
  paymentRetryDays: number[];
  paymentFinalAction: FinalAction;
  inventoryRetryDays: number[];
  inventoryFinalAction: FinalAction;
  upcomingOrderDays: number;
  saveOfferPercent: number;
  pauseOfferMonths: number;
  saveOfferPeriods: SaveOfferPeriods;
  missedCycles: MissedCyclesPolicy;
  cancellationFlow: CancellationFlow;
  /** Products customers may add to their next order once, besides their subscription's own. */
  oneTimeProducts: ChosenProduct[];
  /** The add-on the cancellation flow's "free product" offer gives (one of oneTimeProducts), if any. */
  freeOfferProductId: string | null;
  /** How the retention dashboard counts paused subscribers. */
  pausedSubscribers: PausedSubscribers;
}

/**
 * How paused subscribers count on the retention dashboard, as ChartMogul lets its users choose:
 * "churned" (they leave when they pause and are reactivated when they resume) or "kept" (they stay,
 * bringing no MRR while paused; the MRR they pause and resume is its own movement, outside churn).
 */
export const PAUSED_SUBSCRIBER_RULES = ["churned", "kept"] as const;
export type PausedSubscribers = (typeof PAUSED_SUBSCRIBER_RULES)[number];

export interface ChosenProduct {
  id: string;
  title: string;
}

/** Few enough for a customer to read through, and for one nodes query to read them all. */
export const MAX_ONE_TIME_PRODUCTS = 20;

export const DEFAULT_SETTINGS: SubscriptionSettings = {
  paymentRetryDays: [1, 3, 7],
  paymentFinalAction: "pause",
  inventoryRetryDays: [1, 2],
  inventoryFinalAction: "skip",
  upcomingOrderDays: 3,
  saveOfferPercent: 20,
  pauseOfferMonths: 2,
  saveOfferPeriods: DEFAULT_SAVE_OFFER_PERIODS,
  missedCycles: "chargeLatest",
  cancellationFlow: DEFAULT_CANCELLATION_FLOW,
  oneTimeProducts: [],
  freeOfferProductId: null,
  pausedSubscribers: "churned",
};

export type SettingsField = Exclude<keyof SubscriptionSettings, "cancellationFlow" | "saveOfferPeriods">;

/** What the save offers need of the settings: the free product, named as the merchant chose it. */
export function saveOfferSettings(settings: SubscriptionSettings) {
  return { ...settings, freeOfferProduct: settings.oneTimeProducts.find((p) => p.id === settings.freeOfferProductId) ?? null };
}
/**
 * Per field, its message; an offer slot of the cancellation flow (`flow.{reason}.offer{n}`) offered
 * twice is "duplicateOffer", and each offer's period is its own field (`offerPeriod.{offer}`).
 */
export type SettingsErrors = Partial<
  Record<SettingsField | `offerPeriod.${SaveOfferKind}`, "retryDays" | "finalAction" | "wholeNumber" | "choice">
> &
  Partial<Record<`flow.${string}`, "duplicateOffer">>;

/** A whole number from min to max as a form field holds it, or null. */
export function wholeNumber(value: FormDataEntryValue | null, min: number, max: number): number | null {
  const text = typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const chosenProducts = z
  .array(z.object({ id: z.string().regex(/^gid:\/\/shopify\/Product\/\d{1,20}$/), title: z.string().trim().min(1).max(255) }))
  .max(MAX_ONE_TIME_PRODUCTS)
  .refine((products) => new Set(products.map((p) => p.id)).size === products.length);

/** The products field: JSON the picker wrote, checked like any other input. */
export function parseChosenProducts(text: string): ChosenProduct[] | null {
  try {
    const parsed = chosenProducts.safeParse(JSON.parse(text || "[]"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function oneOf<T extends string>(value: FormDataEntryValue | null, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

export const SETTINGS_LIMITS = {
  upcomingOrderDays: { min: 0, max: 14 },
  saveOfferPercent: { min: 0, max: 50 },
  pauseOfferMonths: { min: 1, max: 6 },
} as const;

export function parseSettingsForm(form: FormData): { ok: true; settings: SubscriptionSettings } | { ok: false; errors: SettingsErrors } {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = {
    paymentRetryDays: parseRetryDays(text("paymentRetryDays")),
    paymentFinalAction: oneOf(form.get("paymentFinalAction"), PAYMENT_FINAL_ACTIONS),
    inventoryRetryDays: parseRetryDays(text("inventoryRetryDays")),
    inventoryFinalAction: oneOf(form.get("inventoryFinalAction"), INVENTORY_FINAL_ACTIONS),
    upcomingOrderDays: wholeNumber(
      form.get("upcomingOrderDays"),
      SETTINGS_LIMITS.upcomingOrderDays.min,
      SETTINGS_LIMITS.upcomingOrderDays.max,
    ),
    saveOfferPercent: wholeNumber(form.get("saveOfferPercent"), SETTINGS_LIMITS.saveOfferPercent.min, SETTINGS_LIMITS.saveOfferPercent.max),
    pauseOfferMonths: wholeNumber(form.get("pauseOfferMonths"), SETTINGS_LIMITS.pauseOfferMonths.min, SETTINGS_LIMITS.pauseOfferMonths.max),
    missedCycles: oneOf(form.get("missedCycles"), MISSED_CYCLES_POLICIES),
    oneTimeProducts: parseChosenProducts(text("oneTimeProducts")),
    freeOfferProductId: text("freeOfferProductId") || null,
    pausedSubscribers: oneOf(form.get("pausedSubscribers"), PAUSED_SUBSCRIBER_RULES),
  };
  const errors: SettingsErrors = {};
  if (!values.paymentRetryDays) errors.paymentRetryDays = "retryDays";
  if (!values.inventoryRetryDays) errors.inventoryRetryDays = "retryDays";
  if (!values.paymentFinalAction) errors.paymentFinalAction = "finalAction";
  if (!values.inventoryFinalAction) errors.inventoryFinalAction = "finalAction";
  for (const field of ["upcomingOrderDays", "saveOfferPercent", "pauseOfferMonths"] as const) {
    if (values[field] === null) errors[field] = "wholeNumber";
  }
  const periods = SAVE_OFFER_KINDS.map(
    (kind) => [kind, wholeNumber(form.get(`offerPeriod.${kind}`), SAVE_OFFER_PERIOD_LIMITS.min, SAVE_OFFER_PERIOD_LIMITS.max)] as const,
  );
  for (const [kind, days] of periods) if (days === null) errors[`offerPeriod.${kind}`] = "wholeNumber";
  if (!values.missedCycles) errors.missedCycles = "choice";
  if (!values.pausedSubscribers) errors.pausedSubscribers = "choice";
  if (!values.oneTimeProducts) errors.oneTimeProducts = "choice";
  // The free product is one of the add-ons: Orchard reads it with them, and the merchant sees it listed.
  else if (values.freeOfferProductId && !values.oneTimeProducts.some((p) => p.id === values.freeOfferProductId))
    errors.freeOfferProductId = "choice";
  const flow = parseCancellationFlow(form);
  if (!flow.ok) for (const field of flow.fields) errors[field as `flow.${string}`] = "duplicateOffer";
  if (Object.keys(errors).length || !flow.ok) return { ok: false, errors };
  return {
    ok: true,
    settings: { ...values, saveOfferPeriods: Object.fromEntries(periods), cancellationFlow: flow.flow } as SubscriptionSettings,
  };
}
