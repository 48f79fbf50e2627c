import { db } from "../db.server";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { findShop } from "../shops/shops.server";
import type { AdminClient } from "../shopify/admin-client";
import { currencyDigits, decimalFromMinor } from "../money";
import { linesToReprice } from "./cycle-pricing";
import {
  ContractActivate,
  ContractCancel,
  ContractDiscounts,
  ContractDraftOpen,
  ContractExpire,
  ContractPause,
  DraftCommit,
  DraftDiscountAdd,
  DraftDiscountRemove,
  DraftLineRemove,
  DraftLineUpdate,
  PaymentMethodSendUpdateEmail,
} from "./contract-edits.queries";
import { publishNextBillingDate, syncContract } from "./contracts.server";

/**
 * Orchard's changes to a contract in Shopify, each followed by a sync so the mirror shows Shopify's
 * answer at once (the subscription_contracts/update webhook that follows reads the same truth).
 */
export type StatusChange = "pause" | "cancel" | "activate" | "expire";

export async function setContractStatus(admin: AdminClient, contractId: string, change: StatusChange): Promise<void> {
  if (change === "pause") await admin.request(ContractPause, { id: contractId });
  else if (change === "cancel") await admin.request(ContractCancel, { id: contractId });
  else if (change === "expire") await admin.request(ContractExpire, { id: contractId });
  else await admin.request(ContractActivate, { id: contractId });
  await syncContract(admin, contractId);
}

/** Opens a draft of the contract, lets `edit` change it, commits it and syncs the result. */
export async function editContract(admin: AdminClient, contractId: string, edit: (draftId: string) => Promise<void>): Promise<void> {
  const { subscriptionContractUpdate } = await admin.request(ContractDraftOpen, { id: contractId });
  const draftId = subscriptionContractUpdate?.draft?.id;
  if (!draftId) throw new Error(`Shopify opened no draft for ${contractId}`);
  await edit(draftId);
  await admin.request(DraftCommit, { draftId });
  await syncContract(admin, contractId);
}

/**
 * A fixed amount off the contract's next order only, across the order (a referral credit): Shopify
 * applies it to the next order made and then drops it. Its title names it, so that whether it is
 * still waiting can be read back (contractDiscounts).
 */
export async function addNextOrderCredit(
  admin: AdminClient,
  contractId: string,
  credit: { title: string; amountMinor: number; currencyCode: string },
) {
  await editContract(admin, contractId, async (draftId) => {
    await admin.request(DraftDiscountAdd, {
      draftId,
      input: {
        title: credit.title,
        // Shopify's input is a Float: the exact decimal, converted only here at the edge, reads back
        // as the same amount (a double holds every two- and three-decimal amount's digits).
        value: {
          fixedAmount: {
            amount: Number(decimalFromMinor(credit.amountMinor, currencyDigits(credit.currencyCode))),
            appliesOnEachItem: false,
          },
        },
        recurringCycleLimit: 1,
      },
    });
  });
}

/** The manual discounts still on a contract in Shopify, with their titles. */
export async function contractDiscounts(admin: AdminClient, contractId: string): Promise<{ id: string; title: string }[]> {
  const { subscriptionContract } = await admin.request(ContractDiscounts, { id: contractId });
  return (subscriptionContract?.discounts.nodes ?? []).flatMap((node) =>
    "title" in node && node.title ? [{ id: node.id, title: node.title }] : [],
  );
}

/**
 * An ongoing percentage off a contract, known by its title (a membership's perk): the discount
 * titled `removeTitle` comes off and `add` goes on, in one draft. Read from Shopify first, so done
 * again after a crash it neither adds a second nor fails on one already gone.
 */
export async function replaceContractDiscount(
  admin: AdminClient,
  contractId: string,
  change: { removeTitle: string | null; add: { title: string; percent: number } | null },
): Promise<void> {
  const discounts = await contractDiscounts(admin, contractId);
  const removing = discounts.filter((discount) => discount.title === change.removeTitle && discount.title !== change.add?.title);
  const adding = change.add && !discounts.some((discount) => discount.title === change.add!.title) ? change.add : null;
  if (removing.length === 0 && !adding) return;
  await editContract(admin, contractId, async (draftId) => {
    for (const discount of removing) await admin.request(DraftDiscountRemove, { draftId, discountId: discount.id });
    if (adding) await admin.request(DraftDiscountAdd, { draftId, input: { title: adding.title, value: { percentage: adding.percent } } });
  });
}

/** Shopify emails the customer its own secure link to update the card (Orchard never sees card details). */
export async function sendPaymentUpdateLink(admin: AdminClient, paymentMethodId: string): Promise<void> {
  await admin.request(PaymentMethodSendUpdateEmail, { id: paymentMethodId });
}

/**
 * A cycle passed without a charge (skipped, missed, given up after its retries): Shopify is told
 * the next date and the next order's price (an intro offer may have ended with the cycle passed);
 * when that cycle was the plan's last, the subscription ends, as after a paid one. A customer who
 * did not skip it themselves is emailed that the order will not come (once per cycle).
 */
export async function moveOnWithoutCharge(
  admin: AdminClient,
  contractId: string,
  passed: { cycle: number; tellCustomer: boolean },
): Promise<void> {
  const contract = await db().subscriptionContract.findFirst({
    where: { id: contractId, shop: admin.shop, status: "ACTIVE" },
    include: { lines: true },
  });
  if (!contract) return;
  if (passed.tellCustomer) {
    const shop = await findShop(admin.shop);
    if (shop) {
      await enqueueSubscriberEmail(
        db(),
        contract,
        "orderSkipped",
        `cycle:${passed.cycle}`,
        emailDataFor(
          contract,
          shop,
          contract.nextBillingAt,
          contract.nextBillingAt && { cycle: passed.cycle + 1, date: contract.nextBillingAt },
        ),
      );
    }
  }
  if (!contract.nextBillingAt) {
    if (contract.maxCycles !== null) await setContractStatus(admin, contract.shopifyId, "expire");
    return;
  }
  await publishNextBillingDate(admin, contract.shopifyId, contract.nextBillingAt);
  await priceCycle(admin, contract, passed.cycle + 1);
}

/**
 * Shopify charges each line's currentPrice: where the plan's pricing policy sets another price
 * for this cycle (an intro offer ends), the line's price moves first. Done again on a resend,
 * or after the previous charge already moved it, it finds the price right and changes nothing.
 */
export async function priceCycle(
  admin: AdminClient,
  contract: { shopifyId: string; currencyCode: string; lines: { shopifyId: string; unitPriceMinor: number; cyclePrices: string | null }[] },
  cycle: number,
): Promise<void> {
  const repriced = linesToReprice(contract.lines, cycle);
  if (repriced.length === 0) return;
  const digits = currencyDigits(contract.currencyCode);
  await editContract(admin, contract.shopifyId, async (draftId) => {
    for (const { line, priceMinor } of repriced)
      await admin.request(DraftLineUpdate, {
        draftId,
        lineId: line.shopifyId,
        input: { currentPrice: decimalFromMinor(priceMinor, digits) },
      });
  });
}

/** One-time items ride on the contract until the order they were added for is paid, then go. */
export async function removeOneTimeItems(admin: AdminClient, contractId: string, settled: { shopifyId: string }[]): Promise<void> {
  await editContract(admin, contractId, async (draftId) => {
    for (const line of settled) await admin.request(DraftLineRemove, { draftId, lineId: line.shopifyId });
  });
}
