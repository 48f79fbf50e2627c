import { sessionStorage, shopifyFetch } from "./sessions.server";
import { backgroundRetryPolicy, createAdminClient, type AdminClient } from "./admin-client";
import { offlineTransport } from "./transports.server";

export class ShopNotInstalledError extends Error {
  constructor(readonly shop: string) {
    super(`${shop} has no offline session: Orchard is not installed there`);
    this.name = "ShopNotInstalledError";
  }
}

/**
 * The Admin client for work no merchant is waiting on (jobs, webhooks, billing): graphql-request
 * with the shop's offline token, behind the same interface and policies as the request-scoped one.
 */
export async function backgroundAdmin(shop: string): Promise<AdminClient> {
  const session = await sessionStorage.loadSession(`offline_${shop}`);
  if (!session?.accessToken) throw new ShopNotInstalledError(shop);
  return createAdminClient(shop, offlineTransport(shop, session.accessToken, shopifyFetch), backgroundRetryPolicy);
}
