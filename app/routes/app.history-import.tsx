import type { ActionFunctionArgs } from "@remix-run/node";
import { startBackfill } from "../backfill/backfill.server";
import { requireAdmin } from "../shopify/admin-context.server";
import { ShopifyUserErrors } from "../shopify/errors";

/** The dashboard's "Import order history": starts the bulk import unless one is under way. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  try {
    await startBackfill(admin);
    return { started: true as const };
  } catch (error) {
    // Another bulk query of the app's is running in Shopify: it must end first.
    if (error instanceof ShopifyUserErrors) return { started: false as const, message: error.message };
    throw error;
  }
};
