import { db, type Db, type Transaction } from "../db.server";
import { DEFAULT_SETTINGS, PAUSED_SUBSCRIBER_RULES, parseChosenProducts, type SubscriptionSettings } from "./settings-form";
import type { FinalAction } from "./dunning";
import type { MissedCyclesPolicy } from "./missed-cycles";
import { storedCancellationFlow, storedSaveOfferPeriods } from "./retention";
import type { Locale } from "../i18n/i18n";
import {
  storedEmailTemplates,
  type EditableEmailKind,
  type SubscriberEmailTemplate,
  type SubscriberEmailTemplates,
} from "./subscriber-emails";

/** A shop's subscription settings; a shop that never saved any has the defaults. */
export async function loadSettings(shop: string): Promise<SubscriptionSettings> {
  const row = await db().shopSettings.findUnique({ where: { shop } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    paymentRetryDays: JSON.parse(row.paymentRetryDays) as number[],
    paymentFinalAction: row.paymentFinalAction as FinalAction,
    inventoryRetryDays: JSON.parse(row.inventoryRetryDays) as number[],
    inventoryFinalAction: row.inventoryFinalAction as FinalAction,
    upcomingOrderDays: row.upcomingOrderDays,
    saveOfferPercent: row.saveOfferPercent,
    pauseOfferMonths: row.pauseOfferMonths,
    saveOfferPeriods: storedSaveOfferPeriods(row.saveOfferPeriods),
    cancellationFlow: storedCancellationFlow(row.cancellationFlow),
    missedCycles: row.missedCycles as MissedCyclesPolicy,
    oneTimeProducts: parseChosenProducts(row.oneTimeProducts) ?? [],
    freeOfferProductId: row.freeOfferProductId,
    pausedSubscribers: PAUSED_SUBSCRIBER_RULES.find((rule) => rule === row.pausedSubscribers) ?? DEFAULT_SETTINGS.pausedSubscribers,
  };
}

export async function saveSettings(shop: string, settings: SubscriptionSettings): Promise<void> {
  const data = {
    ...settings,
    paymentRetryDays: JSON.stringify(settings.paymentRetryDays),
    inventoryRetryDays: JSON.stringify(settings.inventoryRetryDays),
    cancellationFlow: JSON.stringify(settings.cancellationFlow),
    saveOfferPeriods: JSON.stringify(settings.saveOfferPeriods),
    oneTimeProducts: JSON.stringify(settings.oneTimeProducts),
  };
  await db().shopSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

/**
 * The shop's own wording of its subscriber emails, read defensively (an entry that is not a
 * template is none), within the caller's transaction when it has one.
 */
export async function loadEmailTemplates(shop: string, client: Db | Transaction = db()): Promise<SubscriberEmailTemplates> {
  const row = await client.shopSettings.findUnique({ where: { shop }, select: { emailTemplates: true } });
  return storedEmailTemplates(row?.emailTemplates ?? "{}");
}

/** One kind's wording in one language saved, or (null) put back to Orchard's. */
export async function saveEmailTemplate(
  shop: string,
  kind: EditableEmailKind,
  locale: Locale,
  template: SubscriberEmailTemplate | null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.shopSettings.findUnique({ where: { shop }, select: { emailTemplates: true } });
    const templates = storedEmailTemplates(row?.emailTemplates ?? "{}");
    const forKind = { ...templates[kind] };
    if (template) forKind[locale] = template;
    else delete forKind[locale];
    const emailTemplates = JSON.stringify({ ...templates, [kind]: forKind });
    await tx.shopSettings.upsert({ where: { shop }, create: { shop, emailTemplates }, update: { emailTemplates } });
  });
}
