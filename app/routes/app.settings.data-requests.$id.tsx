import type { LoaderFunctionArgs } from "@remix-run/node";
import { findDataRequest } from "../privacy/customer-privacy.server";
import { requireAdmin } from "../requests/admin-context.server";

/** One customer data request's report, as the JSON file the merchant hands over; another shop's is not found. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const found = await findDataRequest(shop, params.id ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  return new Response(found.report, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="orchard-customer-data-${found.requestId}.json"`,
    },
  });
};
