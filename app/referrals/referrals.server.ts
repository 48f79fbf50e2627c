import { randomBytes } from "node:crypto";
import { clock } from "../clock";
import { leaseExpiry } from "../work-queue.server";
import { db, isUniqueViolation, type Transaction } from "../db.server";
import { enqueueEmail } from "../email/outbox.server";
import type { EventSubscribers } from "../events/event-outbox.server";
import { errorFields, shopLog } from "../logging/log.server";
import { formatMoneyMinor } from "../money";
import { lineNetMinor, type OrderWebhook } from "../orders/order-webhook";
import { percentText } from "../percent";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { findShop } from "../shops/shops.server";
import { addNextOrderCredit, contractDiscounts } from "../subscriptions/contract-edits.server";
import { validateProgram, type ProgramDraft, type ProgramErrors, type ProgramTerms } from "./program";
import { REFERRAL_INVITE_EMAIL, type ReferralInviteData } from "./referral-email";
import { referralFigures, type ReferralFigures } from "./figures";
import { isInviteDue, nextCreditBatch, referralCodeFrom, referralOutcome, type ReferralOutcome } from "./referrals";
import { ReferralDiscountByCode, ReferralDiscountCreate } from "./referrals.queries";

/**
 * Referrals: a subscriber who has paid enough renewals gets a personal code (a Shopify discount
 * code for their friends' first subscription order) and an email to share it; a friend's order
 * that carries the code is attributed, and a friend who subscribes earns the referrer a credit off
 * a later renewal (a contract discount for one order). Each step is safe to repeat: codes and
 * referrals are unique, credits move pending → applying → applied → used with conditional updates.
 */
export const DEFAULT_PROGRAM: ProgramTerms = {
  enabled: false,
  renewalsBeforeInvite: 2,
  friendDiscountBasisPoints: 2_000,
  creditMinor: 1_000,
  maxCreditsPerRenewal: 1,
};

export async function loadProgram(shop: string): Promise<ProgramTerms & { currencyCode: string }> {
  const [stored, shopRow] = await Promise.all([db().referralProgram.findUnique({ where: { shop } }), findShop(shop)]);
  return { ...DEFAULT_PROGRAM, ...stored, currencyCode: stored?.currencyCode ?? shopRow?.currencyCode ?? "USD" };
}

export async function saveProgram(shop: string, draft: ProgramDraft): Promise<{ ok: true } | { ok: false; errors: ProgramErrors }> {
  const currencyCode = (await findShop(shop))?.currencyCode ?? "USD";
  const checked = validateProgram(draft, currencyCode);
  if ("errors" in checked) return { ok: false, errors: checked.errors };
  const data = { ...checked.program, currencyCode };
  await db().referralProgram.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ok: true };
}

/** A paid renewal may make the subscriber due for their invitation: their code waits for the worker. */
async function inviteWhenDue(tx: Transaction, shop: string, contractId: string): Promise<void> {
  const program = await tx.referralProgram.findUnique({ where: { shop } });
  if (!program?.enabled) return;
  const contract = await tx.subscriptionContract.findFirst({ where: { id: contractId, shop }, include: { referralCode: true } });
  if (!contract || contract.referralCode) return;
  const paidRenewals = await tx.billingAttempt.count({ where: { contractId, status: "succeeded" } });
  if (!isInviteDue(paidRenewals, program.renewalsBeforeInvite, contract.status)) return;
  await tx.referralCode.create({
    // createdAt on the business clock: the dashboard counts invitations by it.
    data: { shop, contractId, customerId: contract.customerId, code: referralCodeFrom(randomBytes(8)), createdAt: clock().now() },
  });
}

export const REFERRAL_SUBSCRIBERS: EventSubscribers = {
  "subscription.renewalPaid": [(tx, { shop, payload }) => inviteWhenDue(tx, shop, payload.contractId)],
};

/** The code in Shopify, made now or found from a creation whose answer was lost. */
async function discountFor(admin: AdminClient, code: string, program: ProgramTerms): Promise<string> {
  try {
    const { discountCodeBasicCreate } = await admin.request(ReferralDiscountCreate, {
      discount: {
        title: `Referral ${code}`,
        code,
        startsAt: clock().now().toISOString(),
        context: { all: "ALL" },
        appliesOncePerCustomer: true,
        // The friend's first subscription order only; one-off purchases are not what it rewards.
        recurringCycleLimit: 1,
        customerGets: {
          // Shopify takes the percentage as a fraction: 2000 basis points is 0.2.
          value: { percentage: program.friendDiscountBasisPoints / 10_000 },
          items: { all: true },
          appliesOnSubscription: true,
          appliesOnOneTimePurchase: false,
        },
      },
    });
    return discountCodeBasicCreate!.codeDiscountNode!.id;
  } catch (error) {
    if (!(error instanceof ShopifyUserErrors) || !error.userErrors.some((e) => e.code === "TAKEN")) throw error;
    const { codeDiscountNodeByCode } = await admin.request(ReferralDiscountByCode, { code });
    if (!codeDiscountNodeByCode) throw error;
    return codeDiscountNodeByCode.id;
  }
}

/**
 * Puts the codes of newly invited subscribers into Shopify and emails each subscriber their link,
 * once. A code is claimed before Shopify is called; one whose worker died is taken up after the lease.
 */
export async function issueReferralCodes(adminFor: (shop: string) => Promise<AdminClient>, limit = 20): Promise<number> {
  const waiting = await db().referralCode.findMany({
    where: { OR: [{ status: "pending" }, { status: "issuing", updatedAt: { lt: leaseExpiry() } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let issued = 0;
  for (const row of waiting) {
    const claimed = await db().referralCode.updateMany({
      where: { id: row.id, status: row.status, updatedAt: row.updatedAt },
      data: { status: "issuing" },
    });
    if (claimed.count === 0) continue;
    try {
      const [program, shop, contract] = await Promise.all([
        loadProgram(row.shop),
        findShop(row.shop),
        db().subscriptionContract.findUniqueOrThrow({ where: { id: row.contractId } }),
      ]);
      const discountId = await discountFor(await adminFor(row.shop), row.code, program);
      const locale = contract.customerLocale ?? "en";
      const data: ReferralInviteData = {
        shopName: shop?.name ?? row.shop,
        customerName: contract.customerName ?? "",
        code: row.code,
        link: referralLink(shop?.storefrontUrl ?? `https://${row.shop}`, row.code),
        friendDiscount: `${percentText(program.friendDiscountBasisPoints)} %`,
        credit: formatMoneyMinor(program.creditMinor, program.currencyCode, locale),
      };
      await db().$transaction(async (tx) => {
        await tx.referralCode.update({ where: { id: row.id }, data: { status: "issued", shopifyDiscountId: discountId } });
        if (contract.customerEmail) {
          await enqueueEmail(tx, {
            shop: row.shop,
            contractId: contract.id,
            kind: REFERRAL_INVITE_EMAIL,
            dedupeKey: `referral-invite:${row.id}`,
            recipient: contract.customerEmail,
            locale,
            data,
          });
        }
      });
      issued += 1;
    } catch (error) {
      shopLog(row.shop).warn({ ...errorFields(error), code: row.id }, "referral code not issued; retried next round");
      await db().referralCode.updateMany({ where: { id: row.id, status: "issuing" }, data: { status: "pending" } });
    }
  }
  return issued;
}

/** Shopify's shareable discount link: the code waits in the shopper's cart, and they land on the home page. */
export function referralLink(storefrontUrl: string, code: string): string {
  return new URL(`discount/${encodeURIComponent(code)}?redirect=/`, storefrontUrl.endsWith("/") ? storefrontUrl : `${storefrontUrl}/`).href;
}

/**
 * orders/paid: an order that carries a referral code is a referral, once (a repeated webhook
 * meets the unique order). A friend who subscribed earns the referrer a credit.
 */
export async function recordReferralOrder(shop: string, order: OrderWebhook): Promise<void> {
  const codes = order.discount_codes.map((discount) => discount.code.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0) return;
  const code = await db().referralCode.findFirst({ where: { shop, code: { in: codes } }, include: { contract: true } });
  if (!code) return;
  const friendCustomerId = order.customer?.admin_graphql_api_id ?? null;
  const friendConvertedBefore = friendCustomerId
    ? Boolean(
        await db().referral.findFirst({
          where: { shop, friendCustomerId, outcome: "converted", NOT: { orderId: order.admin_graphql_api_id } },
        }),
      )
    : false;
  const outcome = referralOutcome(
    {
      customerId: friendCustomerId,
      email: order.customer?.email ?? order.email ?? null,
      subscribed: order.line_items.some((l) => l.selling_plan_id),
    },
    { customerId: code.contract.customerId, email: code.contract.customerEmail },
    friendConvertedBefore,
  );
  const program = await loadProgram(shop);
  try {
    await db().$transaction(async (tx) => {
      const referral = await tx.referral.create({
        data: {
          shop,
          codeId: code.id,
          orderId: order.admin_graphql_api_id,
          orderName: order.name,
          friendCustomerId,
          outcome,
          revenueMinor: order.line_items.reduce((sum, line) => sum + lineNetMinor(line, order.currency), 0),
          currencyCode: order.currency,
          orderedAt: new Date(order.processed_at ?? order.created_at),
        },
      });
      if (outcome === "converted") {
        await tx.referralCredit.create({
          data: {
            shop,
            referralId: referral.id,
            contractId: code.contractId,
            amountMinor: program.creditMinor,
            currencyCode: program.currencyCode,
          },
        });
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

const creditTitle = (batch: string) => `Referral credit ${batch}`;

/**
 * Keeps each referrer's credits moving: a batch on the contract whose discount Shopify has dropped
 * was used by a renewal; then, when none waits on the contract, the next batch (the oldest
 * credits, at most the merchant's cap) goes on as one discount off the next order. Credits of a
 * subscription that is not active wait.
 */
export async function applyReferralCredits(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const open = await db().referralCredit.findMany({
    where: { status: { in: ["pending", "applying", "applied"] } },
    orderBy: { createdAt: "asc" },
    select: { shop: true, contractId: true },
    distinct: ["contractId"],
    take: 50,
  });
  let applied = 0;
  for (const { shop, contractId } of open) {
    try {
      if (await settleContractCredits(await adminFor(shop), shop, contractId)) applied += 1;
    } catch (error) {
      shopLog(shop).warn({ ...errorFields(error), contractId }, "referral credits not applied; retried next round");
    }
  }
  return applied;
}

async function settleContractCredits(admin: AdminClient, shop: string, contractId: string): Promise<boolean> {
  const contract = await db().subscriptionContract.findFirst({ where: { id: contractId, shop } });
  if (!contract) return false;
  const credits = await db().referralCredit.findMany({
    where: { contractId, status: { in: ["pending", "applying", "applied"] } },
    orderBy: { createdAt: "asc" },
  });
  const stale = credits.filter((c) => c.status === "applying" && c.updatedAt < leaseExpiry());
  const applied = credits.filter((c) => c.status === "applied");
  // Shopify is asked only when its answer can have changed: a renewal paid since the credits went
  // on, or a batch whose worker died before it knew whether Shopify took it.
  // (On the business clock: a renewal due, or retried, after the credits went on. One paid late
  // for an earlier date is noticed at the renewal after it; until then no other batch goes on.)
  const since = new Date(Math.min(...applied.map((c) => c.appliedAt!.getTime())));
  const renewedSince = applied.length
    ? await db().billingAttempt.findFirst({
        where: { contractId, status: "succeeded", OR: [{ cycleDate: { gt: since } }, { sendAfter: { gt: since } }] },
      })
    : null;
  const onContract = [...(renewedSince ? applied : []), ...stale];
  if (onContract.length) {
    const titles = new Set((await contractDiscounts(admin, contract.shopifyId)).map((discount) => discount.title));
    for (const title of new Set(onContract.map((c) => c.discountTitle!))) {
      const ids = onContract.filter((c) => c.discountTitle === title).map((c) => c.id);
      // Still on the contract: waiting for its order. Gone: an order took it (or a batch that
      // never reached Shopify, whose credits wait again).
      if (titles.has(title))
        await db().referralCredit.updateMany({ where: { id: { in: ids }, status: "applying" }, data: { status: "applied" } });
      else {
        await db().referralCredit.updateMany({
          where: { id: { in: ids }, status: "applied" },
          data: { status: "used", usedAt: clock().now() },
        });
        await db().referralCredit.updateMany({
          where: { id: { in: ids }, status: "applying" },
          data: { status: "pending", discountTitle: null },
        });
      }
    }
  }
  if (contract.status !== "ACTIVE") return false;
  const now = await db().referralCredit.findMany({
    where: { contractId, status: { in: ["pending", "applying", "applied"] } },
    orderBy: { createdAt: "asc" },
  });
  const program = await loadProgram(shop);
  const batch = nextCreditBatch(
    now.filter((c) => c.status === "pending"),
    program.maxCreditsPerRenewal,
    now.some((c) => c.status !== "pending"),
  );
  if (!batch) return false;
  const title = creditTitle(batch.credits[0]!.id.slice(-8).toUpperCase());
  const ids = batch.credits.map((c) => c.id);
  const claimed = await db().referralCredit.updateMany({
    where: { id: { in: ids }, status: "pending" },
    data: { status: "applying", discountTitle: title },
  });
  if (claimed.count !== ids.length) {
    await db().referralCredit.updateMany({
      where: { id: { in: ids }, status: "applying", discountTitle: title },
      data: { status: "pending", discountTitle: null },
    });
    return false;
  }
  await addNextOrderCredit(admin, contract.shopifyId, {
    title,
    amountMinor: batch.amountMinor,
    currencyCode: batch.credits[0]!.currencyCode,
  });
  await db().referralCredit.updateMany({
    where: { id: { in: ids }, status: "applying" },
    data: { status: "applied", appliedAt: clock().now() },
  });
  return true;
}

const OVERVIEW_DAYS = 30;

/** The merchant's page: the program, the last 30 days' figures and the latest referrals. */
export async function referralsOverview(shop: string) {
  const since = new Date(clock().now().getTime() - OVERVIEW_DAYS * 86_400_000);
  const [program, figures, recent] = await Promise.all([
    loadProgram(shop),
    referralFiguresBetween(shop, since, null),
    db().referral.findMany({
      where: { shop },
      orderBy: { orderedAt: "desc" },
      take: 50,
      include: {
        credit: true,
        code: { select: { code: true, contract: { select: { id: true, customerDisplayName: true, customerEmail: true } } } },
      },
    }),
  ]);
  return { program, figures, recent };
}

/** The referral figures (docs/metrics.md, "Referrals") of a period: from `from` to `to`, or on to now (null). */
export async function referralFiguresBetween(shop: string, from: Date, to: Date | null): Promise<ReferralFigures> {
  const period = to ? { gte: from, lt: to } : { gte: from };
  const [invited, inPeriod, started] = await Promise.all([
    db().referralCode.count({ where: { shop, status: "issued", createdAt: period } }),
    db().referral.findMany({ where: { shop, orderedAt: period }, select: { outcome: true, orderId: true, revenueMinor: true } }),
    db().subscriptionContract.findMany({
      where: { shop, firstBillingAt: period },
      select: { shopifyId: true, originOrderId: true },
    }),
  ]);
  // The MRR each new subscription started with: its first recorded change (kept by Shopify's id).
  const firstChanges = started.length
    ? await db().mrrChange.findMany({
        where: { shop, contractId: { in: started.map((c) => c.shopifyId) } },
        orderBy: { id: "asc" },
        distinct: ["contractId"],
        select: { contractId: true, mrrMinor: true },
      })
    : [];
  const startMrr = new Map(firstChanges.map((change) => [change.contractId, change.mrrMinor]));
  return referralFigures(
    invited,
    inPeriod.map((r) => ({ ...r, outcome: r.outcome as ReferralOutcome })),
    started.map((c) => ({ originOrderId: c.originOrderId, startMrrMinor: startMrr.get(c.shopifyId) ?? 0 })),
  );
}

/** What the customer's portal shows a subscriber with a code: their link and the friends who subscribed. */
export async function portalReferral(shop: string, contractId: string) {
  const code = await db().referralCode.findFirst({ where: { shop, contractId, status: "issued" } });
  if (!code) return null;
  const [program, shopRow, friends] = await Promise.all([
    loadProgram(shop),
    findShop(shop),
    db().referral.count({ where: { codeId: code.id, outcome: "converted" } }),
  ]);
  return {
    code: code.code,
    link: referralLink(shopRow?.storefrontUrl ?? `https://${shop}`, code.code),
    friendDiscountBasisPoints: program.friendDiscountBasisPoints,
    creditMinor: program.creditMinor,
    currencyCode: program.currencyCode,
    friends,
  };
}
