import { db } from "../db.server";
import { DEFAULT_SETTINGS, parseChosenProducts, type SubscriptionSettings } from "./settings-form";
import type { FinalAction } from "./dunning";
import type { MissedCyclesPolicy } from "./missed-cycles";
import { storedCancellationFlow } from "./retention";

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
    saveOfferPeriodDays: row.saveOfferPeriodDays,
    cancellationFlow: storedCancellationFlow(row.cancellationFlow),
    missedCycles: row.missedCycles as MissedCyclesPolicy,
    oneTimeProducts: parseChosenProducts(row.oneTimeProducts) ?? [],
    freeOfferProductId: row.freeOfferProductId,
  };
}

export async function saveSettings(shop: string, settings: SubscriptionSettings): Promise<void> {
  const data = {
    ...settings,
    paymentRetryDays: JSON.stringify(settings.paymentRetryDays),
    inventoryRetryDays: JSON.stringify(settings.inventoryRetryDays),
    cancellationFlow: JSON.stringify(settings.cancellationFlow),
    oneTimeProducts: JSON.stringify(settings.oneTimeProducts),
  };
  await db().shopSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}
