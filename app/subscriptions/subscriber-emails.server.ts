import type { Db, Transaction } from "../db.server";
import { enqueueEmail } from "../email/outbox.server";
import { resolveLocale } from "../i18n/i18n";
import { loadEmailTemplates } from "./settings.server";
import { orderAmountMinor, storedDiscounts, type PreviewLine } from "./order-preview";
import type { SubscriberEmailData, SubscriberEmailKind } from "./subscriber-emails";

export interface SubscriberOfContract {
  id: string;
  shop: string;
  customerEmail: string | null;
  customerName: string | null;
  customerLocale: string | null;
  currencyCode: string;
  discounts: string | null;
  lines: (PreviewLine & { title: string; variantTitle: string | null })[];
}

/** Where a subscriber manages their subscriptions: the store's own pages (the app proxy). */
function manageUrl(shop: string): string {
  return `https://${shop}/apps/orchard/subscriptions`;
}

/**
 * What a subscriber's email says of their subscription: its items, the day it is about, and with
 * `nextOrder` (its cycle and day) what that order will charge.
 */
export function emailDataFor(
  contract: SubscriberOfContract,
  shop: { name: string | null; ianaTimezone: string },
  date: Date | null,
  nextOrder?: { cycle: number; date: Date } | null,
): SubscriberEmailData {
  return {
    shopName: shop.name ?? contract.shop,
    customerName: contract.customerName ?? "",
    items: contract.lines.map((line) => ({
      title: line.variantTitle ? `${line.title} – ${line.variantTitle}` : line.title,
      quantity: line.quantity,
    })),
    date: date?.toISOString() ?? null,
    timeZone: shop.ianaTimezone,
    manageUrl: manageUrl(contract.shop),
    nextOrder: nextOrder
      ? {
          date: nextOrder.date.toISOString(),
          amountMinor: orderAmountMinor(contract.lines, nextOrder.cycle, storedDiscounts(contract.discounts)),
          currencyCode: contract.currencyCode,
        }
      : null,
  };
}

/**
 * Writes the subscriber's email about an event of their contract into the outbox (in the
 * transaction that records the event), once per kind, contract and event; returns whether it was new.
 */
export async function enqueueSubscriberEmail(
  tx: Transaction | Db,
  contract: SubscriberOfContract,
  kind: SubscriberEmailKind,
  eventKey: string,
  data: SubscriberEmailData,
): Promise<boolean> {
  if (!contract.customerEmail) return false;
  const locale = contract.customerLocale ?? "en";
  // The merchant's wording as it is now is what this email says, whenever it is sent.
  const template = kind === "changed" ? null : ((await loadEmailTemplates(contract.shop, tx))[kind]?.[resolveLocale(locale)] ?? null);
  return enqueueEmail(tx, {
    shop: contract.shop,
    kind,
    dedupeKey: `${kind}:${contract.id}:${eventKey}`,
    recipient: contract.customerEmail,
    locale,
    data: { ...data, template },
    contractId: contract.id,
  });
}
