import { clock } from "../clock";
import { db } from "../db.server";
import { emailDataFor, enqueueEmail } from "../email/outbox.server";
import { loadSettings } from "../settings/settings.server";
import type { AdminClient } from "../shopify/admin-client";
import { findShop } from "../shops/shops.server";
import { idempotencyKey } from "./billing.server";
import { PaymentMethodSendUpdateEmail } from "./contract-edits.queries";
import { removeOneTimeItems, setContractStatus } from "./contract-edits.server";
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
 * Outcomes arrive by the thousand on a billing day, so the common one (a success) costs one read and
 * one write; the shop's Admin client is only opened when Shopify must be asked for more.
 */
export async function recordBillingOutcome(shop: string, adminFor: () => Promise<AdminClient>, outcome: BillingOutcome): Promise<void> {
  const attempt = await db().billingAttempt.findFirst({
    where: { shop, idempotencyKey: outcome.idempotencyKey },
    include: { contract: { include: { lines: true } } },
  });
  if (!attempt) return; // not a charge Orchard made (another app's, or a shop since forgotten)
  const { contract } = attempt;

  if (!outcome.errorCode) {
    await db().billingAttempt.update({ where: { id: attempt.id }, data: { status: "succeeded", orderId: outcome.orderId } });
    if (contract.dunningCycle === attempt.cycle) {
      await db().subscriptionContract.updateMany({ where: { id: contract.id, dunningCycle: attempt.cycle }, data: { dunningCycle: null } });
    }
    const settled = contract.lines.filter((line) => line.oneTimeCycle !== null && line.oneTimeCycle <= attempt.cycle);
    if (settled.length) await removeOneTimeItems(await adminFor(), contract.shopifyId, settled);
    return;
  }

  const kind = failureKindOf(outcome.errorCode);
  await db().billingAttempt.update({
    where: { id: attempt.id },
    data: { status: "failed", errorCode: outcome.errorCode.toUpperCase(), failureKind: kind },
  });
  if (contract.status !== "ACTIVE") return;
  const [settings, shopRecord] = await Promise.all([loadSettings(shop), findShop(shop)]);
  const timeZone = shopRecord?.ianaTimezone ?? "UTC";
  const policy: DunningPolicy =
    kind === "payment"
      ? { retryDays: settings.paymentRetryDays, finalAction: settings.paymentFinalAction }
      : { retryDays: settings.inventoryRetryDays, finalAction: settings.inventoryFinalAction };
  const step = nextDunningStep(policy, attempt.retry, clock().now(), timeZone);

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
        ? enqueueEmail(tx, contract, "paymentFailed", `cycle:${attempt.cycle}`, emailDataFor(contract, shopRecord, step.at))
        : false;
    });
    if (firstFailure && contract.paymentMethodId) await sendPaymentUpdateLink(await adminFor(), contract.paymentMethodId);
    return;
  }

  // Retries exhausted: the merchant's final action. Skipping gives up this order only; the next
  // one is billed on its date.
  await db().subscriptionContract.updateMany({ where: { id: contract.id, dunningCycle: attempt.cycle }, data: { dunningCycle: null } });
  if (step.action !== "skip") await setContractStatus(await adminFor(), contract.shopifyId, step.action);
}

async function sendPaymentUpdateLink(admin: AdminClient, paymentMethodId: string): Promise<void> {
  await admin.request(PaymentMethodSendUpdateEmail, { id: paymentMethodId });
}
