import { UNSETTLED } from "./attempt-status";
import { beyondCommitment, ordersOwed } from "./commitment";
import { roomForSubscriber } from "../app-billing/app-billing.server";
import { clock } from "../clock";
import { db } from "../db.server";
import { minorUnits, decimalFromMinor, currencyDigits } from "../money";
import { loadSettings } from "./settings.server";
import { saveOfferSettings } from "./settings-form";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUnavailableError, ShopifyUserErrors } from "../shopify/errors";
import type { CountryCode, CurrencyCode, SellingPlanInterval, SellingPlanPricingPolicyAdjustmentType } from "../types/admin.types";
import { findShop, shopTimeZone } from "../shops/shops.server";
import { fromLocal, localDay, toLocal } from "../time/zoned";
import { idempotencyKey } from "./billing.server";
import { nextScheduled, pauseEnd, scheduleOf, scheduledDate, type PauseLength, type Schedule } from "./billing-schedule";
import { plannedSkipsColumn, storedPlannedSkips, withoutPlannedSkip, withPlannedSkip, type PlannedSkip } from "./planned-skips";
import {
  availableActions,
  deliveriesPerBilling,
  planPriceSteps,
  priceAtCycle,
  rescheduleAllowed,
  type ActionInput,
  type Actor,
  type BulkAction,
  type BulkActionInput,
  type CancellationReason,
  type ContractAction,
} from "./contract-actions";
import {
  ContractAtomicCreate,
  DraftDiscountAdd,
  DraftLineAdd,
  DraftLineUpdate,
  DraftUpdate,
  LineAlternatives,
  OneTimeProducts,
} from "./contract-edits.queries";
import { editContract, moveOnWithoutCharge, sendPaymentUpdateLink, setContractStatus } from "./contract-edits.server";
import { storedDeliveryAddress, type DeliveryAddress } from "./delivery-address";
import { ONE_TIME_ATTRIBUTE, RESTARTED_FROM_ATTRIBUTE, publishNextBillingDate, syncContract } from "./contracts.server";
import { offersStillTaken, SAVE_OFFER_PERIOD_LIMITS, saveOffersFor, type SaveOffer } from "./retention";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { SUBSCRIPTION_CHANGES, type SubscriptionChange } from "./subscriber-emails";

/**
 * The actions a merchant (admin) or a customer (self-service) takes on a subscription. Each is
 * checked against the contract's state (contract-actions.ts), then made in Shopify through the
 * contract's status mutations or a draft, and mirrored. Shopify's refusals come back as
 * ShopifyUserErrors for the screen to show.
 */
export type ActionResult =
  | { ok: true }
  | { ok: false; error: "notAllowed" | "invalidDate" | "invalidChoice" | "alreadyDone" | "subscriberLimit" | "shopifyBusy" };

export async function contractWithState(shop: string, id: string, customerId?: string) {
  const contract = await db().subscriptionContract.findFirst({
    // Scoped to the shop, and to the customer when a customer asks: another's id is not found.
    where: { shop, id, ...(customerId ? { customerId } : {}) },
    include: { lines: true },
  });
  if (!contract) return null;
  const [unsettled, renewalsPaid] = await Promise.all([
    db().billingAttempt.count({ where: { contractId: id, status: { in: UNSETTLED } } }),
    db().billingAttempt.count({ where: { contractId: id, status: "succeeded" } }),
  ]);
  const state = {
    status: contract.status,
    inDunning: contract.dunningCycle !== null,
    chargeInFlight: unsettled > 0,
    // The checkout's order counts as the first paid.
    ordersOwed: ordersOwed(contract.minCycles, 1 + renewalsPaid),
    reactivated: contract.reactivatedAt !== null,
  };
  return { contract, state };
}

/** The same, by Shopify's id of the contract (what Shopify Flow passes); scoped to the shop alike. */
export async function contractWithStateByShopifyId(shop: string, shopifyId: string) {
  const found = await db().subscriptionContract.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, select: { id: true } });
  return found ? contractWithState(shop, found.id) : null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof contractWithState>>>;

export function actionsFor(loaded: Loaded, actor: Actor): ContractAction[] {
  return availableActions(loaded.state, actor);
}

export async function performAction(admin: AdminClient, loaded: Loaded, input: ActionInput, actor: Actor): Promise<ActionResult> {
  if (!actionsFor(loaded, actor).includes(input.action)) return { ok: false, error: "notAllowed" };
  const result = await perform(admin, loaded, input, actor).catch((error: unknown) => {
    // Throttled or down past the client's retries: the person who asked is told, not shown a 500.
    if (error instanceof ShopifyUnavailableError) return { ok: false as const, error: "shopifyBusy" as const };
    throw error;
  });
  if (result.ok) await confirmChange(loaded.contract, input);
  // Only the merchant may skip or cancel before the plan's minimum is paid: doing so waives it, on record.
  if (result.ok && loaded.state.ordersOwed > 0 && (input.action === "skip" || input.action === "cancel")) {
    await db().subscriptionContract.updateMany({
      where: { id: loaded.contract.id, commitmentWaivedAt: null },
      data: { commitmentWaivedAt: clock().now() },
    });
  }
  return result;
}

/** How a bulk action went: done, not allowed in the subscription's state, or refused by Shopify. */
export interface BulkResult {
  action: BulkAction;
  done: number;
  notAllowed: number;
  failed: number;
}

/**
 * One action on each of the chosen subscriptions, one after another (Shopify's rate limit is the
 * shop's, and each change is its own mutation): each is checked as if it were done alone, and one
 * refused does not stop the others. Ids from another shop are not found, so count as not allowed.
 */
export async function performBulkAction(admin: AdminClient, shop: string, input: BulkActionInput): Promise<BulkResult> {
  const result: BulkResult = { action: input.action, done: 0, notAllowed: 0, failed: 0 };
  const single: ActionInput =
    input.action === "cancel" ? { action: "cancel", reason: input.reason, reasonText: input.reasonText } : { action: input.action };
  for (const id of new Set(input.ids)) {
    const loaded = await contractWithState(shop, id);
    if (!loaded || !actionsFor(loaded, "merchant").includes(input.action)) {
      result.notAllowed += 1;
      continue;
    }
    const outcome = await performAction(admin, loaded, single, "merchant").catch((error: unknown) => {
      if (error instanceof ShopifyUserErrors) return { ok: false as const };
      throw error;
    });
    if (outcome.ok) result.done += 1;
    else if ("error" in outcome && outcome.error === "notAllowed") result.notAllowed += 1;
    else result.failed += 1;
  }
  return result;
}

/**
 * The change a "changed" email confirms, and the day it concerns. Pauses, resumes, cancellations
 * and restarts are told by the status emails their sync sends, and a skip of the next order by
 * the skip's own email (contract-edits.server.ts).
 */
function changeOf(input: ActionInput, nextCycleBefore: number | null): SubscriptionChange | null {
  if (input.action === "skip")
    return input.cycle !== undefined && nextCycleBefore !== null && input.cycle > nextCycleBefore ? "skipAhead" : null;
  return isSubscriptionChange(input.action) ? input.action : null;
}

const isSubscriptionChange = (action: string): action is SubscriptionChange => (SUBSCRIPTION_CHANGES as readonly string[]).includes(action);

/**
 * Every change of a subscription, whoever made it, is confirmed to the customer by email: what
 * changed, the items now, and the next order with what it will charge.
 */
async function confirmChange(before: Loaded["contract"], input: ActionInput): Promise<void> {
  // The other actions are told by other emails: nothing to read for them.
  if (input.action !== "skip" && !isSubscriptionChange(input.action)) return;
  const [contract, shop] = await Promise.all([
    db().subscriptionContract.findUniqueOrThrow({ where: { id: before.id }, include: { lines: true } }),
    findShop(before.shop),
  ]);
  if (!shop) return;
  const schedule = scheduleOf(contract, shop.ianaTimezone);
  const nextOf = (at: Date | null) => (at ? nextScheduled(schedule, new Date(at.getTime() - 1)) : null);
  const change = changeOf(input, nextOf(before.nextBillingAt)?.cycle ?? null);
  if (!change) return;
  const next = nextOf(contract.nextBillingAt);
  // A skip, or a skip taken back, is about that order; any other change about the next one.
  const concerned = "cycle" in input && input.cycle !== undefined ? scheduledDate(schedule, input.cycle) : (next?.date ?? null);
  await enqueueSubscriberEmail(db(), contract, "changed", `${change}:${clock().now().toISOString()}`, {
    ...emailDataFor(contract, shop, concerned, next),
    change,
  });
}

/** Shopify's MailingAddressInput: every field sent, a blank optional line as null so that it is cleared. */
function shopifyAddress(address: DeliveryAddress) {
  const { countryCode, ...lines } = address;
  return {
    ...Object.fromEntries(Object.entries(lines).map(([key, value]) => [key, value || null])),
    countryCode: countryCode as CountryCode,
  };
}

/**
 * A cancelled subscription restarted: Shopify cannot activate a cancelled contract, so a new one
 * is made on the same terms (its recurring items at the price last charged, its frequency, card and
 * address), its first order on the day the customer chose at the hour the old one billed. Taken
 * first, so that a second request (a double click, another tab) makes no second contract; given
 * back when Shopify refuses. Open-ended: a minimum or maximum number of orders was for the first.
 */
async function reactivate(admin: AdminClient, contract: Loaded["contract"], day: string, timeZone: string): Promise<ActionResult> {
  if (!rescheduleAllowed(day, localDay(clock().now(), timeZone))) return { ok: false, error: "invalidDate" };
  const address = storedDeliveryAddress(contract.deliveryAddress);
  const recurring = contract.lines.filter((l) => l.oneTimeCycle === null && l.variantId);
  if (!contract.customerId || !contract.paymentMethodId || !address || !recurring.length) return { ok: false, error: "notAllowed" };
  if (!(await roomForSubscriber(contract.shop, contract.customerId))) return { ok: false, error: "subscriberLimit" };
  const taken = await db().subscriptionContract.updateMany({
    where: { id: contract.id, status: "CANCELLED", reactivatedAt: null },
    data: { reactivatedAt: clock().now() },
  });
  if (taken.count === 0) return { ok: false, error: "alreadyDone" };
  const time = toLocal(contract.scheduleFrom, timeZone);
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const firstOrder = fromLocal({ year, month, day: date, hour: time.hour, minute: time.minute, second: time.second }, timeZone);
  let created: string;
  try {
    const { subscriptionContractAtomicCreate } = await admin.request(ContractAtomicCreate, {
      input: {
        customerId: contract.customerId,
        currencyCode: contract.currencyCode as CurrencyCode,
        nextBillingDate: firstOrder.toISOString(),
        contract: {
          status: "ACTIVE",
          paymentMethodId: contract.paymentMethodId,
          billingPolicy: { interval: contract.billingInterval as SellingPlanInterval, intervalCount: contract.billingIntervalCount },
          deliveryPolicy: { interval: contract.deliveryInterval as SellingPlanInterval, intervalCount: contract.deliveryIntervalCount },
          deliveryMethod: { shipping: { address: shopifyAddress(address) } },
          customAttributes: [{ key: RESTARTED_FROM_ATTRIBUTE, value: contract.shopifyId }],
        },
        lines: recurring.map((line) => ({
          line: {
            productVariantId: line.variantId!,
            quantity: line.quantity,
            currentPrice: decimalFromMinor(line.unitPriceMinor, currencyDigits(contract.currencyCode)),
            sellingPlanId: line.sellingPlanId,
            sellingPlanName: line.sellingPlanName,
          },
        })),
      },
    });
    created = subscriptionContractAtomicCreate!.contract!.id;
  } catch (error) {
    await db().subscriptionContract.update({ where: { id: contract.id }, data: { reactivatedAt: null } });
    throw error;
  }
  // Made: from here the old contract stays taken, whatever happens to this read (the contract's
  // webhook mirrors it too).
  await syncContract(admin, created);
  return { ok: true };
}

function pauseLengthOf(input: Extract<ActionInput, { action: "pause" }>): PauseLength | null {
  if (input.orders) return { orders: input.orders };
  if (input.until) return { until: input.until };
  if (input.months) return { months: input.months };
  return null;
}

async function perform(admin: AdminClient, loaded: Loaded, input: ActionInput, actor: Actor): Promise<ActionResult> {
  const { contract } = loaded;
  const timeZone = await shopTimeZone(admin.shop);
  const schedule = scheduleOf(contract, timeZone);
  const nextCycle = () => nextScheduled(schedule, new Date(contract.nextBillingAt!.getTime() - 1)).cycle;
  const publishNext = async () => {
    const after = await db().subscriptionContract.findUniqueOrThrow({ where: { id: contract.id } });
    await publishNextBillingDate(admin, contract.shopifyId, after.nextBillingAt);
  };

  switch (input.action) {
    case "pause": {
      const length = pauseLengthOf(input);
      if (length && "until" in length && !rescheduleAllowed(length.until, localDay(clock().now(), timeZone)))
        return { ok: false, error: "invalidDate" };
      const resumeAt = length ? pauseEnd(schedule, nextCycle(), length, clock().now()) : null;
      // Written first: the sync that follows the pause emails the customer the date it ends. The
      // orders skipped ahead of time go: the pause moves every later order to other dates.
      await db().subscriptionContract.update({ where: { id: contract.id }, data: { resumeAt, plannedSkips: null } });
      try {
        await setContractStatus(admin, contract.shopifyId, "pause");
      } catch (error) {
        // Shopify refused: the subscription is not paused, so it has no end of pause either.
        await db().subscriptionContract.updateMany({
          where: { id: contract.id, status: { not: "PAUSED" } },
          data: { resumeAt: null, plannedSkips: contract.plannedSkips },
        });
        throw error;
      }
      return { ok: true };
    }

    case "resume":
      // On the free plan at its limit, a resume would be one subscriber too many (app-billing).
      if (!(await roomForSubscriber(contract.shop, contract.customerId))) return { ok: false, error: "subscriberLimit" };
      await setContractStatus(admin, contract.shopifyId, "activate");
      await publishNext();
      return { ok: true };

    case "skip": {
      const cycle = nextCycle();
      if (input.cycle !== undefined && input.cycle !== cycle) {
        const skips = withPlannedSkip(
          storedPlannedSkips(contract.plannedSkips),
          { cycle: input.cycle, by: actor },
          cycle,
          contract.maxCycles,
        );
        if (!skips) return { ok: false, error: "invalidChoice" };
        return (await replacePlannedSkips(contract, skips)) ? { ok: true } : { ok: false, error: "alreadyDone" };
      }
      const taken = await takeNextCycle(
        contract,
        // Skipping the plan's last order leaves none to come: the subscription ends.
        { nextBillingAt: beyondCommitment(cycle + 1, contract.maxCycles) ? null : scheduledDate(schedule, cycle + 1) },
        { cycle, at: contract.nextBillingAt!, skippedBy: actor },
      );
      if (!taken) return { ok: false, error: "alreadyDone" };
      await moveOnWithoutCharge(admin, contract.id, { cycle, tellCustomer: true });
      return { ok: true };
    }

    case "unskip": {
      const cycle = nextCycle();
      const skips = withoutPlannedSkip(storedPlannedSkips(contract.plannedSkips), input.cycle, cycle);
      if (skips) return (await replacePlannedSkips(contract, skips)) ? { ok: true } : { ok: false, error: "alreadyDone" };
      if (input.cycle !== cycle - 1 || !(await takeBackSkippedCycle(contract, schedule, input.cycle)))
        return { ok: false, error: "invalidChoice" };
      await publishNext();
      return { ok: true };
    }

    case "reschedule": {
      if (!rescheduleAllowed(input.date, localDay(clock().now(), timeZone))) return { ok: false, error: "invalidDate" };
      // The new date keeps the hour of day the subscription bills at.
      const time = toLocal(contract.nextBillingAt!, timeZone);
      const [year, month, day] = input.date.split("-").map(Number) as [number, number, number];
      const wallClock = fromLocal({ year, month, day, hour: time.hour, minute: time.minute, second: time.second }, timeZone);
      const from = new Date(wallClock.getTime() + contract.nextBillingAt!.getUTCMilliseconds());
      if (!(await moveSchedule(contract.id, contract.nextBillingAt!, from, nextCycle()))) return { ok: false, error: "alreadyDone" };
      await publishNext();
      return { ok: true };
    }

    case "billNow": {
      const cycle = nextCycle();
      const now = clock().now();
      const taken = await takeNextCycle(
        contract,
        { scheduleFrom: now, scheduleCycle: cycle, nextBillingAt: scheduledDate({ ...schedule, from: now, fromCycle: cycle }, cycle + 1) },
        { cycle, at: now, skippedBy: null },
      );
      if (!taken) return { ok: false, error: "alreadyDone" };
      await publishNext();
      return { ok: true };
    }

    case "changeFrequency": {
      const line = contract.lines.find((l) => l.oneTimeCycle === null && l.productId);
      const alternatives = line ? await lineAlternatives(admin, line.productId!) : null;
      const plan = plansOf(alternatives, line?.sellingPlanId ?? null).find((p) => p.id === input.sellingPlanId);
      if (!plan?.billing || !plan.delivery) return { ok: false, error: "invalidChoice" };
      // The next order keeps its date; the orders after it follow the new frequency.
      const cycle = nextCycle();
      if (!(await moveSchedule(contract.id, contract.nextBillingAt!, contract.nextBillingAt!, cycle))) {
        return { ok: false, error: "alreadyDone" };
      }
      await editContract(admin, contract.shopifyId, async (draftId) => {
        await admin.request(DraftUpdate, {
          draftId,
          input: {
            // The commitment the customer made (minimum and maximum orders) stays as it was.
            billingPolicy: {
              interval: plan.billing!.interval,
              intervalCount: plan.billing!.intervalCount,
              ...(contract.minCycles !== null ? { minCycles: contract.minCycles } : {}),
              ...(contract.maxCycles !== null ? { maxCycles: contract.maxCycles } : {}),
            },
            deliveryPolicy: { interval: plan.delivery!.interval, intervalCount: plan.delivery!.intervalCount },
          },
        });
        for (const recurring of contract.lines.filter((l) => l.oneTimeCycle === null)) {
          const variant = alternatives?.variants.nodes.find((v) => v.id === recurring.variantId);
          await admin.request(DraftLineUpdate, {
            draftId,
            lineId: recurring.shopifyId,
            input: {
              sellingPlanId: plan.id,
              sellingPlanName: plan.name,
              ...(variant ? linePricing(plan, variant.price, cycle, contract.currencyCode) : {}),
            },
          });
        }
      });
      return { ok: true };
    }

    case "changeQuantity": {
      const line = contract.lines.find((l) => l.id === input.lineId);
      if (!line) return { ok: false, error: "invalidChoice" };
      await editContract(admin, contract.shopifyId, async (draftId) => {
        await admin.request(DraftLineUpdate, { draftId, lineId: line.shopifyId, input: { quantity: input.quantity } });
      });
      return { ok: true };
    }

    case "swapVariant": {
      const line = contract.lines.find((l) => l.id === input.lineId);
      const alternatives = line?.productId ? await lineAlternatives(admin, line.productId) : null;
      // Only a variant the subscription's plan sells: another would be a product outside the plan.
      const variant = variantsOnPlan(alternatives, line?.sellingPlanId ?? null).find((v) => v.id === input.variantId);
      if (!line || !variant) return { ok: false, error: "invalidChoice" };
      const plan = plansOf(alternatives, line.sellingPlanId).find((p) => p.id === line.sellingPlanId);
      await editContract(admin, contract.shopifyId, async (draftId) => {
        await admin.request(DraftLineUpdate, {
          draftId,
          lineId: line.shopifyId,
          input: {
            productVariantId: variant.id,
            ...linePricing(plan ?? null, variant.price, nextCycle(), contract.currencyCode),
          },
        });
      });
      return { ok: true };
    }

    case "addOneTime": {
      // Only what the customer was offered: another product is outside what the merchant allows.
      const variant = (await oneTimeVariants(admin, contract)).find((v) => v.id === input.variantId);
      if (!variant) return { ok: false, error: "invalidChoice" };
      await addOneTimeLine(admin, contract.shopifyId, {
        variantId: variant.id,
        quantity: input.quantity,
        price: variant.price,
        cycle: nextCycle(),
      });
      return { ok: true };
    }

    case "updateAddress": {
      const { action: _action, ...address } = input;
      await editContract(admin, contract.shopifyId, async (draftId) => {
        await admin.request(DraftUpdate, { draftId, input: { deliveryMethod: { shipping: { address: shopifyAddress(address) } } } });
      });
      return { ok: true };
    }

    case "sendPaymentUpdate":
      if (!contract.paymentMethodId) return { ok: false, error: "notAllowed" };
      await sendPaymentUpdateLink(admin, contract.paymentMethodId);
      return { ok: true };

    case "reactivate":
      return reactivate(admin, contract, input.date, timeZone);

    case "cancel": {
      // The reason before Shopify's cancel, whose webhook may be mirrored (and the cancellation
      // announced with its reason) before this goes on; taken back if Shopify refuses.
      const reasonOf = (cancellationReason: string | null) =>
        db().subscriptionContract.update({ where: { id: contract.id }, data: { cancellationReason } });
      await reasonOf(input.reason);
      try {
        await setContractStatus(admin, contract.shopifyId, "cancel");
      } catch (error) {
        await reasonOf(contract.cancellationReason);
        throw error;
      }
      // A cancellation Shopify refused or never heard of is not one for the dashboard.
      await db().retentionEvent.create({
        data: {
          shop: admin.shop,
          contractId: contract.id,
          source: actor,
          reason: input.reason,
          reasonText: input.reasonText ?? null,
          outcome: "cancelled",
          createdAt: clock().now(),
        },
      });
      return { ok: true };
    }
  }
}

/**
 * Uses up the contract's next cycle, skipped or to be charged at `at`, in one transaction with the
 * move of its schedule, if the contract's next date has not moved meanwhile (another action, the
 * scheduler): false then, and nothing written.
 */
async function takeNextCycle(
  contract: { id: string; shop: string; shopifyId: string; nextBillingAt: Date | null },
  move: { nextBillingAt: Date | null; scheduleFrom?: Date; scheduleCycle?: number },
  attempt: { cycle: number; at: Date; skippedBy: Actor | null },
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const updated = await tx.subscriptionContract.updateMany({
      where: { id: contract.id, nextBillingAt: contract.nextBillingAt },
      data: move,
    });
    if (updated.count === 0) return false;
    await tx.billingAttempt.create({
      data: {
        shop: contract.shop,
        contractId: contract.id,
        cycle: attempt.cycle,
        cycleDate: attempt.at,
        sendAfter: attempt.at,
        idempotencyKey: idempotencyKey(contract.shopifyId, attempt.cycle),
        ...(attempt.skippedBy ? { status: "skipped", skipReason: `${attempt.skippedBy}_skip` } : {}),
      },
    });
    return true;
  });
}

/** Writes the skips ahead of time, if no one changed them since they were read. */
async function replacePlannedSkips(contract: { id: string; plannedSkips: string | null }, skips: PlannedSkip[]): Promise<boolean> {
  const written = await db().subscriptionContract.updateMany({
    where: { id: contract.id, plannedSkips: contract.plannedSkips },
    data: { plannedSkips: plannedSkipsColumn(skips) },
  });
  return written.count === 1;
}

/**
 * Un-skips the order skipped last, while its date is still to come: its skip is taken back and the
 * contract's next order is that one again, in one transaction, if nothing moved the contract since
 * (its next order is still the one after). False otherwise, and nothing written.
 */
async function takeBackSkippedCycle(
  contract: { id: string; nextBillingAt: Date | null },
  schedule: Schedule,
  cycle: number,
): Promise<boolean> {
  const date = scheduledDate(schedule, cycle);
  if (date <= clock().now()) return false;
  return db()
    .$transaction(async (tx) => {
      const taken = await tx.billingAttempt.deleteMany({
        where: { contractId: contract.id, cycle, status: "skipped", skipReason: { in: ["customer_skip", "merchant_skip"] } },
      });
      if (taken.count !== 1) return false;
      const moved = await tx.subscriptionContract.updateMany({
        where: { id: contract.id, status: "ACTIVE", nextBillingAt: contract.nextBillingAt },
        data: { nextBillingAt: date },
      });
      if (moved.count !== 1) throw new Rollback();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return false;
      throw error;
    });
}

class Rollback extends Error {}

/**
 * Starts a new schedule at `cycle` on `from`, if the contract's next date is still `expected`;
 * false when billing or another change moved it first (the caller then changes nothing more).
 */
async function moveSchedule(contractId: string, expected: Date, from: Date, cycle: number): Promise<boolean> {
  const moved = await db().subscriptionContract.updateMany({
    where: { id: contractId, nextBillingAt: expected },
    data: { scheduleFrom: from, scheduleCycle: cycle, nextBillingAt: from },
  });
  return moved.count === 1;
}

/**
 * A line's price on a plan, as a draft line update sets it: the price for the coming cycle, and the
 * plan's pricing policy for the cycles after it (Shopify keeps a line's policy until it is replaced,
 * and Orchard moves the price along it before each cycle: an introductory offer still running is
 * kept, a later plan's lasting price comes in on its cycle). A prepaid plan's billing pays for all
 * its deliveries. Without a plan, the variant's price.
 */
function linePricing(
  plan: Pick<PlanChoice, "pricingPolicies" | "billing" | "delivery"> | null,
  variantPrice: string,
  cycle: number,
  currencyCode: string,
) {
  const toMinor = (amount: string) => minorUnits(amount, currencyCode);
  const decimal = (minor: number) => decimalFromMinor(minor, currencyDigits(currencyCode));
  const deliveries = plan?.billing && plan.delivery ? deliveriesPerBilling(plan.billing, plan.delivery) : 1;
  const variantPriceMinor = toMinor(variantPrice);
  const steps = planPriceSteps(plan?.pricingPolicies ?? [], variantPriceMinor, toMinor).map((step) => ({
    ...step,
    priceMinor: step.priceMinor * deliveries,
  }));
  return {
    currentPrice: decimal(priceAtCycle(steps, cycle, variantPriceMinor * deliveries)),
    pricingPolicy: {
      basePrice: decimal(variantPriceMinor),
      cycleDiscounts: steps.map(({ afterCycle, priceMinor, policy }) => ({
        afterCycle,
        adjustmentType: policy.adjustmentType as SellingPlanPricingPolicyAdjustmentType,
        adjustmentValue:
          policy.adjustmentType === "PERCENTAGE"
            ? { percentage: policy.adjustmentValue.percentage ?? 0 }
            : { fixedValue: policy.adjustmentValue.amount ?? "0" },
        computedPrice: decimal(priceMinor),
      })),
    },
  };
}

async function lineAlternatives(admin: AdminClient, productId: string) {
  return (await admin.request(LineAlternatives, { productId })).product;
}

type PlanChoice = ReturnType<typeof plansOf>[number];

/** The plans of the selling plan group the subscription's current plan is in: what it may switch to. */
function plansOf(product: Awaited<ReturnType<typeof lineAlternatives>>, currentPlanId: string | null) {
  const group = product?.sellingPlanGroups.nodes.find((g) => g.sellingPlans.nodes.some((p) => p.id === currentPlanId));
  return (group?.sellingPlans.nodes ?? []).map((plan) => ({
    id: plan.id,
    name: plan.name,
    billing: "interval" in plan.billingPolicy ? plan.billingPolicy : null,
    delivery: "interval" in plan.deliveryPolicy ? plan.deliveryPolicy : null,
    pricingPolicies: plan.pricingPolicies.map((p) => ({
      afterCycle: "afterCycle" in p ? p.afterCycle : undefined,
      adjustmentType: p.adjustmentType,
      adjustmentValue: {
        percentage: "percentage" in p.adjustmentValue ? p.adjustmentValue.percentage : undefined,
        amount: "amount" in p.adjustmentValue ? p.adjustmentValue.amount : undefined,
      },
    })),
  }));
}

/**
 * The variants of the product a plan may be switched among: on sale, and sold by the plan's own
 * selling plan group (a group may take only some of a product's variants). Any variant on sale when
 * the line has no plan.
 */
function variantsOnPlan(product: Awaited<ReturnType<typeof lineAlternatives>>, planId: string | null) {
  const group = product?.sellingPlanGroups.nodes.find((g) => g.sellingPlans.nodes.some((p) => p.id === planId));
  return (product?.variants.nodes ?? []).filter(
    (v) => v.availableForSale && (!planId || (group && v.sellingPlanGroups.nodes.some((g) => g.id === group.id))),
  );
}

/**
 * What a customer may add to an order once: the variants on sale of the subscription's own products
 * and of the products the merchant offers as add-ons (Settings), at today's price, in one read.
 */
async function oneTimeVariants(admin: AdminClient, contract: { shop: string; lines: { productId: string | null }[] }) {
  const own = contract.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const offered = (await loadSettings(contract.shop)).oneTimeProducts.map((p) => p.id);
  const ids = [...new Set([...own, ...offered])];
  if (ids.length === 0) return [];
  const { nodes } = await admin.request(OneTimeProducts, { ids });
  return nodes.flatMap((product) =>
    product && "variants" in product && product.status === "ACTIVE"
      ? product.variants.nodes
          .filter((v) => v.availableForSale)
          .map((v) => ({ id: v.id, title: variantTitle(product.title, v.title), price: v.price }))
      : [],
  );
}

/** A variant as customers read it: the product's title, and the variant's unless it is the only one. */
const variantTitle = (product: string, variant: string) => (variant === "Default Title" ? product : `${product} – ${variant}`);

/**
 * What the subscription's product offers instead: those variants its plan sells (a swap) and the
 * plan's frequencies; and what may be added to the next order once.
 */
export async function choicesFor(admin: AdminClient, loaded: Loaded, actor: Actor) {
  const line = loaded.contract.lines.find((l) => l.oneTimeCycle === null && l.productId);
  // Nothing to read from Shopify when the state allows this person no change that needs a choice.
  const choosing = actionsFor(loaded, actor).some((a) => a === "changeFrequency" || a === "swapVariant" || a === "addOneTime");
  if (!line || !choosing) return { variants: [], swapVariants: [], plans: [] };
  const [product, variants] = await Promise.all([
    lineAlternatives(admin, line.productId!),
    actionsFor(loaded, actor).includes("addOneTime") ? oneTimeVariants(admin, loaded.contract) : [],
  ]);
  const choice = (v: { id: string; title: string; price: string }) => ({
    id: v.id,
    title: variantTitle(product!.title, v.title),
    price: v.price,
  });
  return {
    variants,
    swapVariants: variantsOnPlan(product, line.sellingPlanId).map(choice),
    plans: plansOf(product, line.sellingPlanId)
      .filter((p) => p.billing)
      .map((p) => ({ id: p.id, name: p.name, current: p.id === line.sellingPlanId })),
  };
}

/**
 * The cancellation flow. Step one: the reason, answered with the offers that fit it (each recorded
 * as offered). Step two: an offer taken (made, and recorded as accepted) or declined (recorded, and
 * the subscription cancelled).
 */
export async function startCancellation(
  admin: AdminClient,
  loaded: Loaded,
  actor: Actor,
  reason: CancellationReason,
  reasonText: string | undefined,
): Promise<SaveOffer[]> {
  const { contract } = loaded;
  const actions = actionsFor(loaded, actor);
  const settings = await loadSettings(contract.shop);
  const offers = saveOffersFor(reason, saveOfferSettings(settings));
  // Only what can be taken is offered: nothing but cancelling for a paused subscription, no skip
  // while an order is on its way, no frequency change or swap when the plan offers no other.
  const choices = offers.some((o) => o.kind === "frequency" || o.kind === "swap") ? await choicesFor(admin, loaded, actor) : null;
  const takeable: Record<SaveOffer["kind"], boolean> = {
    pause: actions.includes("pause"),
    skip: actions.includes("skip"),
    frequency: actions.includes("changeFrequency") && (choices?.plans.length ?? 0) > 1,
    swap: actions.includes("swapVariant") && (choices?.swapVariants.length ?? 0) > 1,
    discount: contract.status === "ACTIVE",
    freeProduct: actions.includes("addOneTime"),
  };
  // Each offer once per subscription in the merchant's period for it.
  const longestPeriod = new Date(clock().now().getTime() - SAVE_OFFER_PERIOD_LIMITS.max * 86_400_000);
  const accepted = await db().retentionEvent.findMany({
    where: { contractId: contract.id, outcome: "accepted", createdAt: { gte: longestPeriod } },
    select: { offer: true, createdAt: true },
  });
  const taken = offersStillTaken(
    accepted.flatMap((event) => (event.offer ? [{ offer: event.offer, at: event.createdAt }] : [])),
    settings.saveOfferPeriods,
    clock().now(),
  );
  const available = offers.filter((offer) => takeable[offer.kind] && !taken.has(offer.kind));
  await db().retentionEvent.createMany({
    data: available.map((offer) => ({
      shop: contract.shop,
      contractId: contract.id,
      source: actor,
      reason,
      reasonText: reasonText ?? null,
      offer: offer.kind,
      outcome: "offered",
      createdAt: clock().now(),
    })),
  });
  return available;
}

export async function acceptSaveOffer(
  admin: AdminClient,
  loaded: Loaded,
  actor: Actor,
  reason: CancellationReason,
  offer: SaveOffer["kind"],
  choice: { sellingPlanId?: string; variantId?: string },
): Promise<ActionResult> {
  const offered = saveOffersFor(reason, saveOfferSettings(await loadSettings(loaded.contract.shop))).find((o) => o.kind === offer);
  if (!offered) return { ok: false, error: "invalidChoice" };
  // Only an offer this subscription was shown, and only once: taking it claims the record of it
  // being offered, so a second acceptance (or one never shown) finds nothing to claim.
  const shown = await db().retentionEvent.findFirst({
    where: { contractId: loaded.contract.id, offer, outcome: "offered" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const shopCurrency = (await findShop(loaded.contract.shop))?.currencyCode;
  const mrrKeptMinor = loaded.contract.currencyCode === shopCurrency ? loaded.contract.mrrMinor : null;
  const claimed = shown
    ? await db().retentionEvent.updateMany({
        where: { id: shown.id, outcome: "offered" },
        data: { outcome: "accepted", source: actor, reason, mrrKeptMinor },
      })
    : { count: 0 };
  if (claimed.count === 0) return { ok: false, error: "invalidChoice" };
  const result = await takeOffer(admin, loaded, actor, offered, choice);
  // Not made after all: the offer stands, as shown.
  if (!result.ok) await db().retentionEvent.updateMany({ where: { id: shown!.id }, data: { outcome: "offered", mrrKeptMinor: null } });
  return result;
}

function takeOffer(
  admin: AdminClient,
  loaded: Loaded,
  actor: Actor,
  offered: SaveOffer,
  choice: { sellingPlanId?: string; variantId?: string },
): Promise<ActionResult> {
  switch (offered.kind) {
    case "pause":
      return performAction(admin, loaded, { action: "pause", months: offered.months }, actor);
    case "skip":
      return performAction(admin, loaded, { action: "skip" }, actor);
    case "frequency":
      return performAction(admin, loaded, { action: "changeFrequency", sellingPlanId: choice.sellingPlanId ?? "" }, actor);
    case "swap": {
      const line = loaded.contract.lines.find((l) => l.oneTimeCycle === null);
      return performAction(admin, loaded, { action: "swapVariant", lineId: line?.id ?? "", variantId: choice.variantId ?? "" }, actor);
    }
    case "discount":
      return applyNextOrderDiscount(admin, loaded, offered.percent, `Thank you for staying: ${offered.percent}% off`);
    case "freeProduct":
      return addFreeItem(admin, loaded, offered.productId);
  }
}

/**
 * The merchant's thank-you product, free with the next order: its first variant on sale, once, at
 * a price of zero (Shopify charges a contract line's current price).
 */
async function addFreeItem(admin: AdminClient, loaded: Loaded, productId: string): Promise<ActionResult> {
  const { contract } = loaded;
  if (contract.status !== "ACTIVE" || !contract.nextBillingAt) return { ok: false, error: "notAllowed" };
  const { nodes } = await admin.request(OneTimeProducts, { ids: [productId] });
  const product = nodes[0];
  const variant =
    product && "variants" in product && product.status === "ACTIVE" ? product.variants.nodes.find((v) => v.availableForSale) : undefined;
  if (!variant) return { ok: false, error: "invalidChoice" };
  const timeZone = await shopTimeZone(contract.shop);
  const cycle = nextScheduled(scheduleOf(contract, timeZone), new Date(contract.nextBillingAt.getTime() - 1)).cycle;
  await addOneTimeLine(admin, contract.shopifyId, { variantId: variant.id, quantity: 1, price: "0", cycle });
  return { ok: true };
}

/** A line for one order only: marked with its cycle, it leaves the contract once that order is paid. */
async function addOneTimeLine(
  admin: AdminClient,
  contractId: string,
  line: { variantId: string; quantity: number; price: string; cycle: number },
): Promise<void> {
  await editContract(admin, contractId, async (draftId) => {
    await admin.request(DraftLineAdd, {
      draftId,
      input: {
        productVariantId: line.variantId,
        quantity: line.quantity,
        currentPrice: line.price,
        customAttributes: [{ key: ONE_TIME_ATTRIBUTE, value: String(line.cycle) }],
      },
    });
  });
}

/** A whole percent off the subscription's next order only, under a title the customer sees on it. */
export async function applyNextOrderDiscount(admin: AdminClient, loaded: Loaded, percent: number, title: string): Promise<ActionResult> {
  if (loaded.contract.status !== "ACTIVE") return { ok: false, error: "notAllowed" };
  await editContract(admin, loaded.contract.shopifyId, async (draftId) => {
    await admin.request(DraftDiscountAdd, { draftId, input: { title, value: { percentage: percent }, recurringCycleLimit: 1 } });
  });
  return { ok: true };
}

/** The customer (or merchant) declined every offer: recorded, then the subscription is cancelled. */
export async function declineAndCancel(
  admin: AdminClient,
  loaded: Loaded,
  actor: Actor,
  reason: CancellationReason,
  reasonText: string | undefined,
): Promise<ActionResult> {
  await db().retentionEvent.updateMany({
    where: { contractId: loaded.contract.id, outcome: "offered" },
    data: { outcome: "declined" },
  });
  return performAction(admin, loaded, { action: "cancel", reason, reasonText }, actor);
}
