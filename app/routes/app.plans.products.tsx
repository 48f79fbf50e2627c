import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../requests/admin-context.server";
import { searchProducts } from "../subscriptions/plans.server";

// The product search behind the plan form (where App Bridge's resource picker is not available).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const query = (new URL(request.url).searchParams.get("query") ?? "").slice(0, 100);
  return { products: await searchProducts(admin, query) };
};
