import type { ActionFunctionArgs } from "@remix-run/node";
import { startBackfill } from "../backfill/backfill.server";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopifyUserErrors } from "../shopify/errors";
import type { HistoryImportAnswer } from "../components/HistoryImportCard";

/** The dashboard's "Import order history": starts the bulk import unless one is under way. */
export const action = async ({ request }: ActionFunctionArgs): Promise<HistoryImportAnswer> => {
  const { admin } = await requireAdmin(request);
  try {
    await startBackfill(admin);
    return { started: true };
  } catch (error) {
    // Another bulk query of the app's is running in Shopify: it must end first.
    if (error instanceof ShopifyUserErrors) return { started: false, message: error.message };
    throw error;
  }
};
