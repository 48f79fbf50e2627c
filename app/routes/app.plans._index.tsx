import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../shopify/admin-context.server";
import { CapabilityEmptyPage } from "../components/CapabilityPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export default function Plans() {
  return <CapabilityEmptyPage title="plans.title" heading="plans.emptyHeading" body="plans.emptyBody" />;
}
