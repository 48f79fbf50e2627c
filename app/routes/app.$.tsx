import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../requests/admin-context.server";

// Unknown pages inside the admin: authenticated first, so an outsider learns nothing, then 404.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  throw new Response("Not Found", { status: 404 });
};
