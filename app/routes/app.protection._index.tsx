import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../shopify/admin-context.server";
import { CapabilityEmptyPage } from "../components/CapabilityPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export default function Protection() {
  return <CapabilityEmptyPage title="protection.title" heading="protection.emptyHeading" body="protection.emptyBody" />;
}
