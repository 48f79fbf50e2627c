import { clock } from "../clock";
import { verifyingKeys } from "../signing-keys.server";
import { db } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { reorderPermalink, subscribePage, verifyLink, type LinkPurpose } from "./links";
import { productOffers } from "./sending.server";

/**
 * What the links in a reminder do. The signature is checked before anything is read, so a
 * guessed or altered link learns nothing and changes nothing.
 */
async function linkedReminder(reminderId: string, purpose: string, signature: string) {
  if (!verifyLink(verifyingKeys("reminder-link"), reminderId, purpose, signature)) return null;
  return db().reminder.findUnique({ where: { id: reminderId } });
}

/** Where a reorder or subscribe link leads, after recording that the customer opened it; null for a bad link. */
export async function followReminderLink(
  reminderId: string,
  purpose: LinkPurpose,
  signature: string,
  adminFor: (shop: string) => Promise<AdminClient>,
): Promise<string | null> {
  const reminder = await linkedReminder(reminderId, purpose, signature);
  if (!reminder || purpose === "unsubscribe") return null;
  await db().reminder.updateMany({ where: { id: reminder.id, clickedAt: null }, data: { clickedAt: clock().now() } });
  const shop = await db().shop.findUnique({ where: { domain: reminder.shop }, select: { storefrontUrl: true } });
  const storefrontUrl = shop?.storefrontUrl ?? `https://${reminder.shop}`;
  const reorder = () =>
    reorderPermalink(storefrontUrl, {
      variantId: reminder.variantId,
      quantity: reminder.quantity,
      discountCode: reminder.discountCode,
      reminderId: reminder.id,
    });
  if (purpose === "reorder") return reorder();
  // The plan is looked up now, not when the email went: it may have changed or gone since.
  const offer = (await productOffers(await adminFor(reminder.shop), [reminder.productId])).get(reminder.productId)?.offer;
  return offer
    ? subscribePage(storefrontUrl, { handle: offer.handle, variantId: reminder.variantId, sellingPlanId: offer.sellingPlanId })
    : reorder();
}

export interface UnsubscribeTarget {
  shopName: string;
  locale: string;
}

/** The customer behind a signed unsubscribe link, to ask them to confirm; null for a bad link. */
export async function unsubscribeTarget(reminderId: string, signature: string): Promise<UnsubscribeTarget | null> {
  const reminder = await linkedReminder(reminderId, "unsubscribe", signature);
  if (!reminder) return null;
  const shop = await db().shop.findUnique({ where: { domain: reminder.shop }, select: { name: true } });
  return { shopName: shop?.name ?? reminder.shop, locale: reminder.locale };
}

/** Ends every reminder to the link's customer in that shop, now and later. Repeating it changes nothing. */
export async function unsubscribe(reminderId: string, signature: string): Promise<UnsubscribeTarget | null> {
  const reminder = await linkedReminder(reminderId, "unsubscribe", signature);
  if (!reminder) return null;
  const { shop, customerId } = reminder;
  await db().$transaction([
    db().reminderOptOut.upsert({
      where: { shop_customerId: { shop, customerId } },
      create: { shop, customerId, createdAt: clock().now() },
      update: {},
    }),
    db().reminder.updateMany({
      where: { shop, customerId, status: "scheduled" },
      data: { status: "cancelled", reason: "unsubscribed", openKey: null },
    }),
    db().reminder.updateMany({ where: { id: reminder.id, status: "sent", reason: null }, data: { reason: "unsubscribed" } }),
  ]);
  return unsubscribeTarget(reminderId, signature);
}
