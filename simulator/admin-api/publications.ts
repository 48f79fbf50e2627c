import { gid, parseGid } from "../ids";
import type { ShopRecord } from "../store";
import { connection, type ConnectionArgs } from "./connection";
import { presentProduct } from "./presenters";

/**
 * Sales channels as apps see them: the shop's one publication here is the Online Store's (an app
 * catalog titled "Online Store"), and a product is on it or not. A product the Admin API creates is
 * on none until publishablePublish puts it there; the storefront shows and sells only what is.
 */
const onlineStoreId = (shop: ShopRecord) => gid("Publication", shop.id);

function presentPublication(shop: ShopRecord) {
  return {
    __typename: "Publication",
    id: onlineStoreId(shop),
    name: "Online Store",
    autoPublish: false,
    supportsFuturePublishing: false,
    catalog: { __typename: "AppCatalog", id: gid("AppCatalog", shop.id), title: "Online Store", status: "ACTIVE" },
  };
}

export function listPublications(shop: ShopRecord, args: ConnectionArgs & { catalogType?: string | null }) {
  return connection(!args.catalogType || args.catalogType === "APP" ? [presentPublication(shop)] : [], args);
}

export function publishablePublish(shop: ShopRecord, id: unknown, input: { publicationId?: unknown }[]) {
  const product = shop.products.get(parseGid(id, "Product")?.id ?? -1);
  if (!product) return { publishable: null, userErrors: [{ field: ["id"], message: "Resource does not exist" }] };
  const unknown = input.findIndex((entry) => entry.publicationId !== onlineStoreId(shop));
  if (unknown >= 0)
    return {
      publishable: null,
      userErrors: [{ field: ["input", String(unknown), "publicationId"], message: "Publication does not exist" }],
    };
  product.publishedOnlineStore = true;
  return { publishable: presentProduct(shop, product), userErrors: [] };
}
