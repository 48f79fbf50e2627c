import type { AdminClient } from "./admin-client";
import { AppDataInstallation, AppDataMetafieldsSet } from "./app-data-metafields.queries";

/**
 * Writes an app-data metafield (owned by the app installation): what the theme blocks read as
 * app.metafields.{namespace}.{key}, with no storefront request to Orchard.
 */
export async function setAppDataMetafield(
  admin: AdminClient,
  metafield: { namespace: string; key: string; type: "boolean" | "json"; value: string },
): Promise<void> {
  const { currentAppInstallation } = await admin.request(AppDataInstallation);
  await admin.request(AppDataMetafieldsSet, { metafields: [{ ownerId: currentAppInstallation.id, ...metafield }] });
}
