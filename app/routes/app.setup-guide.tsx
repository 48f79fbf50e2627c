import type { ActionFunctionArgs } from "@remix-run/node";
import { setSetupGuideHidden } from "../onboarding/onboarding.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import type { SetupGuideVisibility } from "../components/SetupGuide";

/** The setup guide's Hide and Show: only the shop's own flag, and only these two values. */
export const action = async ({ request }: ActionFunctionArgs): Promise<SetupGuideVisibility> => {
  const { shop } = await requireAdmin(request);
  const visibility = (await formWithin(request, BODY_LIMITS.adminForm)).get("visibility");
  if (visibility !== "hidden" && visibility !== "shown") throw new Response("Unknown visibility", { status: 400 });
  await setSetupGuideHidden(shop, visibility === "hidden");
  return { hidden: visibility === "hidden" };
};
