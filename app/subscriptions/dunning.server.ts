import { clock } from "../clock";
import { db } from "../db.server";
import { publishEvent } from "../events/event-outbox.server";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { loadSettings } from "./settings.server";
import type { AdminClient } from "../shopify/admin-client";
import { findShop } from "../shops/shops.server";
import { idempotencyKey } from "./billing.server";
import { BillingAttemptAction } from "./billing.queries";
import { moveOnWithoutCharge, priceCycle, removeOneTimeItems, sendPaymentUpdateLink, setContractStatus } from "./contract-edits.server";
import { publishNextBillingDate } from "./contracts.server";
import { isLastCycle } from "./commitment";
import { failureKindOf, nextDunningStep, type DunningPolicy } from "./dunning";

/**
 * subscription_billing_attempts/success|failure: the outcome of a charge Orchard asked for. A
 * success ends any dunning of its cycle; a failure walks the shop's retry schedule (dunning.ts),
 * each retry a new attempt of the same cycle with its own key, then takes the final action. Every
 * step is safe to run twice: retries are unique per cycle and number, emails per event.
 */
export interface BillingOutcome {
  idempotencyKey: string;
  orderId: string | null;
  errorCode: string | null;
}

/**
 * Outcomes arrive by the thousand on a billing day: a success costs one read, one write and the
 * next billing date published to Shopify (one mutation, paced with the shop's other calls).
 */
export async function recordBillingOutcome(shop: string, adminFor: () => Promise<AdminClient>, outcome: BillingOutcome): Promise<void> {
  const attempt = await db().billingAttempt.findFirst({
    where: { shop, idempotencyKey: outcome.idempotencyKey },
    include: { contract: { include: { lines: true } } },
  });
  if (!attempt) return; // not a charge Orchard made (another app's, or a shop since forgotten)
  const { contract } = attempt;

  if (!outcome.errorCode) {
    await db().$transaction(async (tx) => {
      const recorded = await tx.billingAttempt.updateMany({
        where: { id: attempt.id, status: { not: "succeeded" } },
        data: { status: "succeeded", orderId: outcome.orderId },
      });
      // Once per paid renewal, however often Shopify reports it.
      if (recorded.count === 1) {
        await publishEvent(tx, "subscription.renewalPaid", {
          shop,
          customerId: contract.customerId,
          payload: { contractId: contract.id, cycle: attempt.cycle },
        });
      }
    });
    if (contract.dunningCycle === attempt.cycle) {
      await db().subscriptionContract.updateMany({ where: { id: contract.id, dunningCycle: attempt.cycle }, data: { dunningCycle: null } });
    }
    const settled = contract.lines.filter((line) => line.oneTimeCycle !== null && line.oneTimeCycle <= attempt.cycle);
    if (settled.length) await removeOneTimeItems(await adminFor(), contract.shopifyId, settled);
    if (contract.status !== "ACTIVE") return;
    const admin = await adminFor();
    // The plan's last order is paid: the subscription ends (the sync that follows emails the customer).
    if (isLastCycle(attempt.cycle, contract.maxCycles)) return setContractStatus(admin, contract.shopifyId, "expire");
    // The line shows what the next order will cost (an intro offer just ended): Shopify's admin,
    // the customer's account and the MRR say so now, not when that order is charged.
    await priceCycle(admin, contract, attempt.cycle + 1);
    // Shopify leaves the contract's next billing date to the app: its admin shows Orchard's schedule.
    await publishNextBillingDate(admin, contract.shopifyId, contract.nextBillingAt);
    return;
  }

  const kind = failureKindOf(outcome.errorCode);
  const errorCode = outcome.errorCode.toUpperCase();
  // A cycle the subscription gave up (paused or ended while it was charged) is not retried, even
  // when the subscription is active again by the time Shopify says the charge failed.
  const pursued = contract.status === "ACTIVE" && !attempt.givenUpAt;
  const [settings, shopRecord] = await Promise.all([loadSettings(shop), findShop(shop)]);
  const timeZone = shopRecord?.ianaTimezone ?? "UTC";
  const policy: DunningPolicy =
    kind === "payment"
      ? { retryDays: settings.paymentRetryDays, finalAction: settings.paymentFinalAction }
      : { retryDays: settings.inventoryRetryDays, finalAction: settings.inventoryFinalAction };
  const step = nextDunningStep(policy, attempt.retry, clock().now(), timeZone);
  await db().$transaction(async (tx) => {
    const { count } = await tx.billingAttempt.updateMany({
      where: { id: attempt.id, status: { not: "failed" } },
      data: { status: "failed", errorCode, failureKind: kind },
    });
    // Each failure once, however often Shopify reports it.
    if (count === 0) return;
    const event = { shop, customerId: contract.customerId, customerEmail: contract.customerEmail };
    const { cycle, retry } = attempt;
    if (kind === "payment") {
      await publishEvent(tx, "subscription.paymentFailed", {
        ...event,
        payload: { contractId: contract.shopifyId, cycle, retry, errorCode },
      });
    }
    if (pursued && step.kind === "final") {
      await publishEvent(tx, "subscription.dunningExhausted", {
        ...event,
        payload: { contractId: contract.shopifyId, cycle, finalAction: step.action },
      });
    }
  });
  if (!pursued) return;

  if (step.kind === "retry") {
    const firstFailure = await db().$transaction(async (tx) => {
      const exists = await tx.billingAttempt.findUnique({
        where: { contractId_cycle_retry: { contractId: contract.id, cycle: attempt.cycle, retry: step.retry } },
      });
      if (exists) return false;
      await tx.billingAttempt.create({
        data: {
          shop,
          contractId: contract.id,
          cycle: attempt.cycle,
          retry: step.retry,
          cycleDate: attempt.cycleDate,
          sendAfter: step.at,
          idempotencyKey: idempotencyKey(contract.shopifyId, attempt.cycle, step.retry),
        },
      });
      await tx.subscriptionContract.update({ where: { id: contract.id }, data: { dunningCycle: attempt.cycle } });
      // The customer hears once per failing order, when it first fails, and only when the card is
      // the problem: running out of stock is the merchant's, not theirs.
      return kind === "payment" && shopRecord
        ? enqueueSubscriberEmail(tx, contract, "paymentFailed", `cycle:${attempt.cycle}`, emailDataFor(contract, shopRecord, step.at))
        : false;
    });
    if (firstFailure && contract.paymentMethodId) await sendPaymentUpdateLink(await adminFor(), contract.paymentMethodId);
    return;
  }

  // Retries exhausted: the merchant's final action. Skipping gives up this order only; the next
  // one is billed on its date.
  await db().subscriptionContract.updateMany({ where: { id: contract.id, dunningCycle: attempt.cycle }, data: { dunningCycle: null } });
  if (step.action === "skip") await moveOnWithoutCharge(await adminFor(), contract.id, { cycle: attempt.cycle, tellCustomer: true });
  else await setContractStatus(await adminFor(), contract.shopifyId, step.action);
}

/**
 * subscription_billing_attempts/challenged: the customer's bank wants them to confirm the payment
 * (3-D Secure) before Shopify can charge it. The cycle waits for them: no retry is scheduled and no
 * later cycle is billed (the contract is in dunning for this cycle) until Shopify reports the
 * outcome, success or failure, which then takes its usual course. The customer is emailed the
 * link once. An outcome that arrived first is left as it is.
 */
export async function recordChallenge(
  shop: string,
  admin: AdminClient,
  challenge: { idempotencyKey: string; attemptId: string },
): Promise<void> {
  const attempt = await db().billingAttempt.findFirst({
    where: { shop, idempotencyKey: challenge.idempotencyKey },
    include: { contract: { include: { lines: true } } },
  });
  if (!attempt || !["sending", "sent"].includes(attempt.status)) return;
  const { contract } = attempt;
  const { subscriptionBillingAttempt } = await admin.request(BillingAttemptAction, { id: challenge.attemptId });
  const state = subscriptionBillingAttempt?.state;
  const action = state?.__typename === "SubscriptionBillingAttemptActionRequiredState" ? state.action : null;
  const challengeUrl = action?.__typename === "SubscriptionBillingAttemptPaymentChallenge" ? action.nextActionUrl : null;
  const shopRecord = await findShop(shop);
  await db().$transaction(async (tx) => {
    const waiting = await tx.billingAttempt.updateMany({
      where: { id: attempt.id, status: { in: ["sending", "sent"] } },
      data: { status: "challenged" },
    });
    if (waiting.count === 0) return;
    await tx.subscriptionContract.updateMany({ where: { id: contract.id, dunningCycle: null }, data: { dunningCycle: attempt.cycle } });
    if (challengeUrl && shopRecord) {
      const data = { ...emailDataFor(contract, shopRecord, null), challengeUrl };
      await enqueueSubscriberEmail(tx, contract, "paymentChallenge", `challenge:${attempt.idempotencyKey}`, data);
    }
  });
}
