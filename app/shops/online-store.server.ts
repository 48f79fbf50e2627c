import type { AdminClient } from "../shopify/admin-client";
import { OnlineStorePublish, ProductVariantsNotShipped, SalesChannelPublications } from "./online-store.queries";

/**
 * What Orchard's own products (an add-on, a membership) need to be sold on the shop's online store:
 * published there, and not shipped.
 */

/**
 * Publishes the product to the Online Store (again is harmless): Shopify will not add an
 * unpublished variant to a cart. A shop without the Online Store channel has no product page for
 * it to appear on, so there is nothing to publish to.
 */
export async function publishToOnlineStore(admin: AdminClient, productId: string): Promise<void> {
  const { publications } = await admin.request(SalesChannelPublications, {});
  const onlineStore = publications.nodes.find((publication) => publication.catalog?.title === "Online Store");
  if (onlineStore) await admin.request(OnlineStorePublish, { id: productId, publicationId: onlineStore.id });
}

const BULK_UPDATE_CHUNK = 250;

/** Marks the variants as not shipped (and their inventory not tracked), as many at a time as Shopify takes. */
export async function markNotShipped(admin: AdminClient, productId: string, variantIds: string[]): Promise<void> {
  for (let start = 0; start < variantIds.length; start += BULK_UPDATE_CHUNK) {
    await admin.request(ProductVariantsNotShipped, {
      productId,
      variants: variantIds
        .slice(start, start + BULK_UPDATE_CHUNK)
        .map((id) => ({ id, inventoryItem: { requiresShipping: false, tracked: false } })),
    });
  }
}
