import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";

// The library's OAuth and session-token bounce routes.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await refusalsLogged("admin", request, authenticate.admin(request));
  return null;
};
