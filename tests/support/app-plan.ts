import { action as planAction } from "../../app/routes/app.plan";
import { adminFetchRequest } from "./context";
import { settle } from "./subscriptions";

/** Asks for Orchard's Growth plan as the Plan page does; returns Shopify's answer (a confirmation URL or an error). */
export async function requestGrowth(shop: string) {
  return planAction({
    request: adminFetchRequest("/app/plan", shop, { method: "POST", body: new URLSearchParams({ intent: "upgrade" }) }),
    params: {},
    context: {},
  });
}

/** The merchant's answer on Shopify's approval page; returns where Shopify sends them next. */
export async function answerCharge(confirmationUrl: string, decision: "approve" | "decline"): Promise<string> {
  const response = await fetch(confirmationUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision }),
    redirect: "manual",
  });
  if (response.status !== 303) throw new Error(`the approval page answered ${response.status}`);
  return response.headers.get("location")!;
}

/** The shop on Orchard's Growth plan: asked for, approved by the merchant, and Shopify's webhook worked. */
export async function acceptGrowthPlan(shop: string): Promise<void> {
  const result = await requestGrowth(shop);
  if (!("confirmationUrl" in result)) throw new Error(`no confirmation URL: ${JSON.stringify(result)}`);
  await answerCharge(result.confirmationUrl, "approve");
  await settle();
}
