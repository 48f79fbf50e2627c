import { createHmac, timingSafeEqual } from "node:crypto";
import { clock } from "../clock";
import { config } from "../config.server";
import { db } from "../db.server";
import { backgroundAdmin } from "../shopify/background.server";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { nextScheduled, scheduleOf } from "../subscriptions/billing-schedule";
import { parseAction, type CancellationReason } from "../subscriptions/contract-actions";
import {
  acceptSaveOffer,
  actionsFor,
  choicesFor,
  contractWithState,
  declineAndCancel,
  performAction,
  startCancellation,
  type ActionResult,
} from "../subscriptions/contract-actions.server";
import type { SaveOffer } from "../subscriptions/retention";

/**
 * A customer managing their own subscriptions, from the customer account extension (session token)
 * or the storefront's app proxy page (proxy signature). Either way the customer is the one Shopify
 * vouched for, never one named by the browser, and every contract is looked up within that
 * customer's own: another customer's id is simply not found.
 */
export interface Customer {
  shop: string;
  /** The customer's gid, as Shopify names them in session tokens and on contracts. */
  customerId: string;
}

export function customerFromProxy(shop: string, loggedInCustomerId: string | null): Customer | null {
  return loggedInCustomerId && /^\d+$/.test(loggedInCustomerId)
    ? { shop, customerId: `gid://shopify/Customer/${loggedInCustomerId}` }
    : null;
}

export async function customerSubscriptions(customer: Customer) {
  const contracts = await db().subscriptionContract.findMany({
    where: { shop: customer.shop, customerId: customer.customerId, status: { in: ["ACTIVE", "PAUSED"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const timeZone = (await findShop(customer.shop))?.ianaTimezone ?? "UTC";
  const admin = await backgroundAdmin(customer.shop);
  return Promise.all(
    contracts.map(async ({ id }) => {
      const loaded = (await contractWithState(customer.shop, id, customer.customerId))!;
      const { contract } = loaded;
      const actions = actionsFor(loaded, "customer");
      const choices = actions.includes("changeFrequency") ? await choicesFor(admin, loaded) : { variants: [], plans: [] };
      const next = contract.nextBillingAt
        ? nextScheduled(scheduleOf(contract, timeZone), new Date(contract.nextBillingAt.getTime() - 1))
        : null;
      return {
        id: contract.id,
        status: contract.status,
        timeZone,
        currencyCode: contract.currencyCode,
        planName: contract.lines.find((l) => l.sellingPlanName)?.sellingPlanName ?? "",
        nextOrderAt: next?.date.toISOString() ?? null,
        resumeAt: contract.resumeAt?.toISOString() ?? null,
        items: contract.lines.map((l) => ({
          id: l.id,
          title: l.variantTitle ? `${l.title} – ${l.variantTitle}` : l.title,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          oneTime: l.oneTimeCycle !== null,
        })),
        actions,
        plans: choices.plans,
        variants: choices.variants,
      };
    }),
  );
}
export type PortalSubscription = Awaited<ReturnType<typeof customerSubscriptions>>[number];

export type CustomerActionResult =
  | ActionResult
  | { ok: false; error: "invalidInput"; fields: string[] }
  | { ok: false; error: "shopify"; message: string };

/** One action of the customer's, checked against the contract's state like the merchant's. */
export async function customerAction(
  customer: Customer,
  contractId: string,
  values: Record<string, unknown>,
): Promise<CustomerActionResult | null> {
  const loaded = await contractWithState(customer.shop, contractId, customer.customerId);
  if (!loaded) return null;
  const parsed = parseAction(values);
  if (!parsed.ok) return { ok: false, error: "invalidInput", fields: parsed.fields };
  // Cancelling goes through the cancellation flow (reasons, then offers), never straight through.
  if (parsed.input.action === "cancel") return { ok: false, error: "notAllowed" };
  return shopifyRefusalsAsResult(async () => performAction(await backgroundAdmin(customer.shop), loaded, parsed.input, "customer"));
}

/** The cancellation flow, step one: the reason; the answer is the offers that fit it. */
export async function customerStartCancellation(
  customer: Customer,
  contractId: string,
  reason: CancellationReason,
  reasonText: string | undefined,
): Promise<SaveOffer[] | null> {
  const loaded = await contractWithState(customer.shop, contractId, customer.customerId);
  if (!loaded || !actionsFor(loaded, "customer").includes("cancel")) return null;
  return startCancellation(await backgroundAdmin(customer.shop), loaded, "customer", reason, reasonText);
}

/** Step two: an offer taken, or every offer declined and the subscription cancelled. */
export async function customerFinishCancellation(
  customer: Customer,
  contractId: string,
  choice: { accept: SaveOffer["kind"]; sellingPlanId?: string } | { decline: true },
  reason: CancellationReason,
  reasonText: string | undefined,
): Promise<CustomerActionResult | null> {
  const loaded = await contractWithState(customer.shop, contractId, customer.customerId);
  if (!loaded || !actionsFor(loaded, "customer").includes("cancel")) return null;
  const admin = await backgroundAdmin(customer.shop);
  return shopifyRefusalsAsResult(() =>
    "decline" in choice
      ? declineAndCancel(admin, loaded, "customer", reason, reasonText)
      : acceptSaveOffer(admin, loaded, "customer", reason, choice.accept, { sellingPlanId: choice.sellingPlanId }),
  );
}

async function shopifyRefusalsAsResult(run: () => Promise<ActionResult>): Promise<CustomerActionResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ShopifyUserErrors) return { ok: false, error: "shopify", message: error.message };
    throw error;
  }
}

/**
 * The storefront page's forms carry a token only Orchard can make, for this customer and day:
 * another site cannot make a logged-in customer's browser post a cancellation (CSRF).
 */
function tokenFor(customer: Customer, day: string): string {
  return createHmac("sha256", config().SHOPIFY_API_SECRET)
    .update(`portal:${customer.shop}:${customer.customerId}:${day}`)
    .digest("base64url");
}

const dayOf = (offsetDays: number) => new Date(clock().now().getTime() - offsetDays * 86_400_000).toISOString().slice(0, 10);

export function formToken(customer: Customer): string {
  return tokenFor(customer, dayOf(0));
}

export function formTokenValid(customer: Customer, token: unknown): boolean {
  if (typeof token !== "string") return false;
  // Today's or yesterday's: a page left open over midnight still works.
  return [0, 1].some((days) => {
    const expected = Buffer.from(tokenFor(customer, dayOf(days)));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
