import { db, isUniqueViolation } from "../db.server";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUnavailableError, ShopifyUserErrors } from "../shopify/errors";
import {
  applyNextOrderDiscount,
  contractWithStateByShopifyId,
  performAction,
  type ActionResult,
} from "../subscriptions/contract-actions.server";
import { flowActionInput, type FlowActionInput, type FlowActionRequest } from "./flow-actions";

/**
 * A Flow action run, answered as Flow reads answers (docs/flow.md): 200 done; another 4xx with
 * `{ "message" }` failed for good, the message shown in the workflow's run; 429 with Retry-After and
 * 5xx are sent again later. Each run is taken once by its action_run_id: a run Flow sends again
 * gets the first answer, and one still being made is asked to come back.
 */
export interface FlowActionAnswer {
  status: number;
  body: { message?: string };
  retryAfterSeconds?: number;
}

const failed = (status: 400 | 404 | 422, message: string): FlowActionAnswer => ({ status, body: { message } });

const REFUSALS: Record<Exclude<ActionResult, { ok: true }>["error"], string> = {
  notAllowed: "The subscription cannot take this action in its current state",
  invalidDate: "The date is not one the subscription can move to",
  invalidChoice: "The product variant is not one the merchant offers as a one-time add-on",
  alreadyDone: "The subscription was already changed this way",
  subscriberLimit: "The shop's plan allows no more subscribers",
  shopifyBusy: "Shopify is busy",
};

export async function takeFlowAction(
  adminFor: (shop: string) => Promise<AdminClient>,
  request: FlowActionRequest,
): Promise<FlowActionAnswer> {
  const key = { shop_actionRunId: { shop: request.shop, actionRunId: request.actionRunId } };
  try {
    await db().flowActionRun.create({ data: { ...key.shop_actionRunId, handle: request.handle } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = await db().flowActionRun.findUnique({ where: key });
    if (!taken || taken.status === 0) return { status: 429, body: { message: "This run is being made" }, retryAfterSeconds: 10 };
    return { status: taken.status, body: JSON.parse(taken.answer) as FlowActionAnswer["body"] };
  }
  let answer: FlowActionAnswer;
  try {
    answer = await answerOf(adminFor, request);
  } catch (error) {
    // Not made: Flow sends the run again (a 5xx), and it is taken then.
    await db().flowActionRun.delete({ where: key });
    throw error;
  }
  if (answer.status >= 500) await db().flowActionRun.delete({ where: key });
  else await db().flowActionRun.update({ where: key, data: { status: answer.status, answer: JSON.stringify(answer.body) } });
  return answer;
}

async function answerOf(adminFor: (shop: string) => Promise<AdminClient>, request: FlowActionRequest): Promise<FlowActionAnswer> {
  const parsed = flowActionInput(request.handle, request.properties);
  if ("error" in parsed) return failed(400, parsed.error);
  const { input } = parsed;
  // Another shop's contract is not found: every lookup is scoped to the shop Flow runs for.
  const loaded = await contractWithStateByShopifyId(request.shop, input.contractId);
  if (!loaded) return failed(404, `No Orchard subscription ${input.contractId} in this shop`);
  try {
    const result = await perform(await adminFor(request.shop), loaded, input);
    if (result.ok) return { status: 200, body: {} };
    if (result.error === "shopifyBusy") return { status: 503, body: { message: REFUSALS.shopifyBusy } };
    return failed(422, `${REFUSALS[result.error]} (${loaded.contract.status.toLowerCase()})`);
  } catch (error) {
    if (error instanceof ShopifyUserErrors) return failed(422, error.userErrors.map((e) => e.message).join("; "));
    if (error instanceof ShopifyUnavailableError) return { status: 503, body: { message: REFUSALS.shopifyBusy } };
    throw error;
  }
}

type Loaded = NonNullable<Awaited<ReturnType<typeof contractWithStateByShopifyId>>>;

function perform(admin: AdminClient, loaded: Loaded, input: FlowActionInput): Promise<ActionResult> {
  switch (input.kind) {
    case "pause":
      return performAction(admin, loaded, { action: "pause", months: input.months }, "merchant");
    case "skip":
      return performAction(admin, loaded, { action: "skip" }, "merchant");
    case "addOneTime":
      return performAction(admin, loaded, { action: "addOneTime", variantId: input.variantId, quantity: input.quantity }, "merchant");
    case "discount":
      return applyNextOrderDiscount(admin, loaded, input.percent, `${input.percent}% off this order`);
  }
}
