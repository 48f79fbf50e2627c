import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";
import { createAdminClient, type AdminClient } from "../shopify/admin-client";
import { libraryTransport } from "../shopify/transports.server";

/**
 * What every admin loader and action starts with: the merchant's request authenticated by the
 * library (session token, token exchange), and Orchard's Admin client for that shop.
 */
export async function requireAdmin(request: Request): Promise<{ shop: string; admin: AdminClient }> {
  const { admin, session } = await refusalsLogged("admin", request, authenticate.admin(request));
  return { shop: session.shop, admin: createAdminClient(session.shop, libraryTransport(admin)) };
}
