import { CHARGE_IN_FLIGHT } from "./attempt-status";
import { beyondCommitment } from "./commitment";
import { db } from "../db.server";
import { minorUnits } from "../money";
import type { AdminClient } from "../shopify/admin-client";
import { findShop } from "../shops/shops.server";
import { clock } from "../clock";
import { emailDataFor, enqueueSubscriberEmail } from "./subscriber-emails.server";
import { nextScheduled, scheduleOf, scheduledDate, type Schedule } from "./billing-schedule";
import { storedPlannedSkips, upcomingOrders, type UpcomingOrder } from "./planned-skips";
import { ContractDetail, ContractSetNextBillingDate } from "./contract.queries";
import { cyclePricesOf, linesAsCharged, serializeCyclePrices } from "./cycle-pricing";
import { contractMrrMinor } from "./mrr";
import { deliveryAddressFromShopify, storedDeliveryAddress } from "./delivery-address";
import { paymentMethodFromShopify, storedPaymentMethod } from "./payment-method";
import { discountsFromShopify } from "./order-preview";
import { publishEvent } from "../events/event-outbox.server";
import type { DomainEvents } from "../events/domain-events";
import { nextOrderWindow, searchable, searchTextOf, SUBSCRIPTIONS_PER_PAGE, type SubscriptionFilters } from "./subscription-list";

/**
 * Subscription contracts mirrored from Shopify. A webhook only says which contract changed; the
 * contract itself is read from the Admin API, so a duplicate or late delivery reads the same truth,
 * and Shopify's revisionId keeps an older read from overwriting a newer one.
 */
export type SyncResult = "stored" | "stale" | "missing";

/** The line attribute that marks a one-time item, with the cycle whose order it goes with. */
export const ONE_TIME_ATTRIBUTE = "_orchard_one_time_cycle";
/**
 * The contract attribute that marks a restarted subscription, with the cancelled contract it
 * continues: the contract itself says so (Shopify copies it onto each order it bills), so whichever
 * of the restart and the creation webhook mirrors it first welcomes the customer back.
 */
export const RESTARTED_FROM_ATTRIBUTE = "_orchard_restarted_from";
/**
 * The contract attribute that marks a subscription moved in from another app (app/migration/),
 * with its row's key: the customer already subscribes, so no welcome is sent.
 */
export const IMPORTED_ATTRIBUTE = "_orchard_imported";

const jsonOrNull = (value: object | null) => (value ? JSON.stringify(value) : null);

export async function syncContract(admin: AdminClient, contractId: string): Promise<SyncResult> {
  const { subscriptionContract: contract } = await admin.request(ContractDetail, { id: contractId });
  if (!contract) return "missing";
  const lineNodes = [...contract.lines.nodes];
  for (let page = contract.lines.pageInfo; page.hasNextPage; ) {
    const { subscriptionContract: next } = await admin.request(ContractDetail, { id: contractId, linesAfter: page.endCursor });
    if (!next) return "missing";
    lineNodes.push(...next.lines.nodes);
    page = next.lines.pageInfo;
  }
  const shop = await findShop(admin.shop);
  const timeZone = shop?.ianaTimezone ?? "UTC";
  const anchor = contract.billingPolicy.anchors.find((a) => a.type === "WEEKDAY" || a.type === "MONTHDAY");
  const firstBillingAt = new Date(contract.originOrder?.createdAt ?? contract.createdAt);
  const fields = {
    customerId: contract.customer?.id ?? null,
    customerEmail: contract.customer?.defaultEmailAddress?.emailAddress ?? null,
    customerName: contract.customer?.firstName || null,
    customerDisplayName: contract.customer?.displayName || null,
    customerLocale: contract.customer?.locale ?? null,
    paymentMethodId: contract.customerPaymentMethod?.id ?? null,
    paymentMethod: jsonOrNull(paymentMethodFromShopify(contract.customerPaymentMethod?.instrument)),
    deliveryAddress: jsonOrNull(deliveryAddressFromShopify(contract.deliveryMethod)),
    discounts: JSON.stringify(discountsFromShopify(contract.discounts.nodes, minorUnits)),
    status: contract.status,
    currencyCode: contract.currencyCode,
    billingInterval: contract.billingPolicy.interval,
    billingIntervalCount: contract.billingPolicy.intervalCount,
    deliveryInterval: contract.deliveryPolicy.interval,
    deliveryIntervalCount: contract.deliveryPolicy.intervalCount,
    anchorType: anchor?.type ?? null,
    anchorDay: anchor?.day ?? null,
    minCycles: contract.billingPolicy.minCycles ?? null,
    maxCycles: contract.billingPolicy.maxCycles ?? null,
    firstBillingAt,
    originOrderId: contract.originOrder?.id ?? null,
    revisionId: String(contract.revisionId),
  };
  const lines = lineNodes.map((line) => {
    const oneTime = line.customAttributes.find((a) => a.key === ONE_TIME_ATTRIBUTE)?.value;
    return {
      shopifyId: line.id,
      productId: line.productId ?? null,
      variantId: line.variantId ?? null,
      title: line.title,
      variantTitle: line.variantTitle ?? null,
      quantity: line.quantity,
      unitPriceMinor: minorUnits(line.currentPrice.amount, line.currentPrice.currencyCode),
      sellingPlanId: line.sellingPlanId ?? null,
      sellingPlanName: line.sellingPlanName ?? null,
      oneTimeCycle: oneTime && /^\d+$/.test(oneTime) ? Number(oneTime) : null,
      cyclePrices: serializeCyclePrices(
        cyclePricesOf(
          line.pricingPolicy?.cycleDiscounts.map((d) => ({
            afterCycle: d.afterCycle,
            priceMinor: minorUnits(d.computedPrice.amount, d.computedPrice.currencyCode),
          })),
        ),
      ),
    };
  });

  const searchText = searchTextOf({
    displayName: fields.customerDisplayName,
    email: fields.customerEmail,
    titles: lines.map((line) => line.title),
  });

  // A new contract's first renewal as Shopify computed it (its own interval arithmetic) may differ
  // from Orchard's schedule, which is on the shop's wall clock: Shopify is given Orchard's date.
  let firstDate: Date | null = null;
  const storeContract = () =>
    db().$transaction(async (tx) => {
      firstDate = null;
      const key = { shop_shopifyId: { shop: admin.shop, shopifyId: contract.id } };
      const existing = await tx.subscriptionContract.findUnique({ where: key });
      if (existing && BigInt(existing.revisionId) > BigInt(fields.revisionId)) return "stale" as const;
      // The next cycle is the one after the last cycle Orchard scheduled, on Orchard's schedule, whatever
      // the time: a sync never moves billing back onto a cycle already charged, nor skips one silently.
      const last = existing
        ? ((await tx.billingAttempt.aggregate({ where: { contractId: existing.id }, _max: { cycle: true } }))._max.cycle ?? 0)
        : 0;
      // A contract from a checkout was paid there (cycle 0) and bills from the next cycle on; one an
      // app created (a restart) has no order yet: its first, cycle 1, is the date it was made with.
      const fromCheckout = contract.originOrder !== null && contract.originOrder !== undefined;
      const scheduleFrom = existing?.scheduleFrom ?? (fromCheckout ? firstBillingAt : new Date(contract.nextBillingDate as string));
      let scheduleCycle = existing?.scheduleCycle ?? (fromCheckout ? 0 : 1);
      const reactivated = existing && existing.status !== "ACTIVE" && fields.status === "ACTIVE";
      if (reactivated) {
        // Back from a pause: the next order is the next date on the old cadence after now, and the
        // orders the pause covered are not owed. Nor is one already recorded (skipped before the
        // pause): the next date also comes after the last cycle Orchard wrote down. The cadence
        // keeps its dates (the 31st of each month stays the 31st after a February); only the
        // numbering moves, so that the next date is cycle last + 1.
        const previous = scheduleOf({ ...existing, ...fields }, timeZone);
        const lastRecorded = last >= previous.fromCycle ? scheduledDate(previous, last).getTime() : 0;
        const next = nextScheduled(previous, new Date(Math.max(clock().now().getTime(), lastRecorded)));
        scheduleCycle = previous.fromCycle + (last + 1 - next.cycle);
      }
      const schedule = scheduleOf({ ...fields, scheduleFrom, scheduleCycle }, timeZone);
      const nextCycle = Math.max(last + 1, scheduleCycle);
      // After the plan's last order there is no next one, whatever Shopify's status says meanwhile.
      const nextBillingAt =
        fields.status === "ACTIVE" && !beyondCommitment(nextCycle, fields.maxCycles) ? scheduledDate(schedule, nextCycle) : null;
      const active = fields.status === "ACTIVE";
      if (!existing && nextBillingAt && new Date(contract.nextBillingDate as string).getTime() !== nextBillingAt.getTime()) {
        firstDate = nextBillingAt;
      }
      const terminal = !active && fields.status !== "PAUSED";
      const lifecycle = {
        scheduleFrom,
        scheduleCycle,
        nextBillingAt,
        // A paused or ended contract is not charged: its dunning ends with it.
        ...(active ? { resumeAt: null } : { dunningCycle: null }),
        ...(terminal ? { resumeAt: null, cancelledAt: existing?.cancelledAt ?? clock().now() } : {}),
      };
      if (existing && !active) {
        await tx.billingAttempt.updateMany({
          where: { contractId: existing.id, status: "scheduled" },
          data: { status: "skipped", skipReason: fields.status === "PAUSED" ? "paused" : "ended" },
        });
        await tx.billingAttempt.updateMany({
          where: { contractId: existing.id, status: { in: CHARGE_IN_FLIGHT }, givenUpAt: null },
          data: { givenUpAt: clock().now() },
        });
      }
      // What the next order will charge: a line still at an intro price that has ended counts at its
      // next step (after the plan's last order there is none: the prices stand until it ends).
      const mrrMinor = contractMrrMinor({ ...fields, lines: nextBillingAt ? linesAsCharged(lines, nextCycle) : lines });
      const [stored] = existing
        ? await tx.subscriptionContract.updateManyAndReturn({
            where: { id: existing.id, nextBillingAt: existing.nextBillingAt },
            data: { ...fields, ...lifecycle, mrrMinor, searchText },
          })
        : [
            await tx.subscriptionContract.create({
              data: { shop: admin.shop, shopifyId: contract.id, ...fields, ...lifecycle, mrrMinor, searchText },
            }),
          ];
      if (!stored) throw new ScheduledMeanwhile();
      // Each change of MRR once, for those who keep its history (the retention dashboard), and each
      // pause or its end: a paused subscriber who cancels leaves then, though no MRR moves.
      const paused = fields.status === "PAUSED";
      if (mrrMinor !== (existing?.mrrMinor ?? 0) || paused !== (existing?.status === "PAUSED")) {
        await publishEvent(tx, "subscription.mrrChanged", {
          shop: admin.shop,
          customerId: fields.customerId,
          payload: { contractId: contract.id, at: clock().now().toISOString(), mrrMinor, currencyCode: fields.currencyCode, paused },
        });
      }
      await tx.subscriptionLine.deleteMany({ where: { contractId: stored.id } });
      await tx.subscriptionLine.createMany({ data: lines.map((line) => ({ ...line, contractId: stored.id })) });
      // The subscriber hears of every change of state, whoever made it (Orchard, the merchant in
      // Shopify's admin, Shopify itself), once per revision.
      const subscriber = { ...stored, lines };
      const restarted = contract.customAttributes.some((a) => a.key === RESTARTED_FROM_ATTRIBUTE);
      const imported = contract.customAttributes.some((a) => a.key === IMPORTED_ATTRIBUTE);
      const change = imported && !existing ? null : statusChange(existing?.status ?? null, stored.status, restarted);
      if (change) {
        await publishEvent(tx, "subscription.statusChanged", {
          shop: admin.shop,
          customerId: fields.customerId,
          customerEmail: fields.customerEmail,
          payload: { contractId: contract.id, change, cancellationReason: change === "cancelled" ? stored.cancellationReason : null },
        });
      }
      const email = change === "created" ? "confirmation" : change;
      if (email && shop) {
        const date = email === "paused" ? stored.resumeAt : nextBillingAt;
        const nextOrder = email !== "paused" && nextBillingAt ? { cycle: nextCycle, date: nextBillingAt } : null;
        await enqueueSubscriberEmail(
          tx,
          subscriber,
          email,
          existing ? stored.revisionId : "created",
          emailDataFor(subscriber, shop, date, nextOrder),
        );
      }
      return "stored" as const;
    });
  // Billing may move the contract on while this runs (another worker scheduling its next cycle):
  // the mirror's write only lands on the billing date it read, and otherwise starts over, so it
  // never sets the date back onto a cycle just scheduled (which would then stay due for ever).
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await storeContract();
      if (firstDate) await publishNextBillingDate(admin, contract.id, firstDate);
      return result;
    } catch (error) {
      if (!(error instanceof ScheduledMeanwhile) || attempt === 3) throw error;
    }
  }
}

class ScheduledMeanwhile extends Error {}

/**
 * Shopify leaves the next billing date to the app; Orchard keeps Shopify's equal to its own, and
 * remembers the revision that made, whose update webhook then needs no read back.
 */
export async function publishNextBillingDate(admin: AdminClient, contractId: string, date: Date | null): Promise<void> {
  if (!date) return;
  const { subscriptionContractSetNextBillingDate } = await admin.request(ContractSetNextBillingDate, {
    id: contractId,
    date: date.toISOString(),
  });
  const revisionId = subscriptionContractSetNextBillingDate?.contract?.revisionId;
  if (revisionId) {
    await db().subscriptionContract.updateMany({ where: { shop: admin.shop, shopifyId: contractId }, data: { ownRevisionId: revisionId } });
  }
}

/** What a revision's status says happened to the subscription, if anything: the subscriber hears of each. */
function statusChange(
  before: string | null,
  after: string,
  restarted: boolean,
): DomainEvents["subscription.statusChanged"]["change"] | null {
  if (before === null) return after === "ACTIVE" ? (restarted ? "reactivated" : "created") : null;
  if (before === after) return null;
  if (after === "PAUSED") return "paused";
  if (after === "ACTIVE") return "resumed";
  if (after === "CANCELLED") return "cancelled";
  if (after === "EXPIRED") return "ended";
  return null;
}

/**
 * Whether Orchard already knows this revision of the contract: the one it mirrored, the one its own
 * change of the next billing date made, or an older one (Shopify's revisions only grow).
 */
export async function isKnownRevision(shop: string, shopifyId: string, revisionId: string): Promise<boolean> {
  const stored = await db().subscriptionContract.findUnique({
    where: { shop_shopifyId: { shop, shopifyId } },
    select: { revisionId: true, ownRevisionId: true },
  });
  if (!stored || !/^\d+$/.test(revisionId)) return false;
  const known = [stored.revisionId, stored.ownRevisionId].filter((r): r is string => r !== null && /^\d+$/.test(r)).map(BigInt);
  return known.some((r) => BigInt(revisionId) <= r);
}

export async function findContract(shop: string, shopifyId: string) {
  return db().subscriptionContract.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, include: { lines: true } });
}

/** Orders of the shop's subscriptions recorded as missed (fell due while Orchard could not bill) in the last `days` days. */
export async function recentlyMissedOrders(shop: string, days = 30): Promise<number> {
  const since = new Date(clock().now().getTime() - days * 86_400_000);
  return db().billingAttempt.count({ where: { shop, skipReason: "missed", createdAt: { gte: since } } });
}

/** The subscriptions list: one page of contracts, newest first, and how many there are per status. */
function subscriptionWhere(shop: string, filters: SubscriptionFilters, timeZone: string) {
  const term = searchable(filters.query);
  const window = nextOrderWindow(filters, timeZone);
  return {
    shop,
    ...(filters.status ? { status: filters.status } : {}),
    ...(term ? { searchText: { contains: term } } : {}),
    ...(filters.sellingPlanId ? { lines: { some: { sellingPlanId: filters.sellingPlanId } } } : {}),
    ...(window ? { nextBillingAt: window } : {}),
    ...(filters.dunning ? { dunningCycle: { not: null } } : {}),
  };
}

// Newest first by when the customer subscribed (the checkout's order), not by when Orchard heard of it.
const listOrder = [{ firstBillingAt: "desc" as const }, { id: "desc" as const }];

/** One page of the merchant's subscriptions, newest first, with how many match and the shop's counts by status. */
export async function listSubscriptions(shop: string, filters: SubscriptionFilters, page: number, timeZone: string) {
  const where = subscriptionWhere(shop, filters, timeZone);
  const [contracts, matching, counts] = await Promise.all([
    db().subscriptionContract.findMany({
      where,
      orderBy: listOrder,
      take: SUBSCRIPTIONS_PER_PAGE,
      skip: (page - 1) * SUBSCRIPTIONS_PER_PAGE,
      include: { lines: { select: { title: true, sellingPlanName: true } } },
    }),
    db().subscriptionContract.count({ where }),
    db().subscriptionContract.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
  ]);
  return {
    contracts,
    matching,
    pages: Math.max(1, Math.ceil(matching / SUBSCRIPTIONS_PER_PAGE)),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>,
  };
}

/** Every subscription matching the filters, for the CSV export, in pages so a large shop is not read at once. */
export async function* allSubscriptions(shop: string, filters: SubscriptionFilters, timeZone: string) {
  const where = subscriptionWhere(shop, filters, timeZone);
  for (let skip = 0; ; skip += 500) {
    const batch = await db().subscriptionContract.findMany({
      where,
      orderBy: listOrder,
      take: 500,
      skip,
      include: { lines: { select: { title: true, variantTitle: true, quantity: true, sellingPlanName: true } } },
    });
    yield* batch;
    if (batch.length < 500) return;
  }
}

/** The selling plans the shop's subscriptions are on, by name, for the list's plan filter. */
export async function sellingPlansInUse(shop: string) {
  const plans = await db().subscriptionLine.groupBy({
    by: ["sellingPlanId", "sellingPlanName"],
    where: { contract: { shop }, sellingPlanId: { not: null } },
    orderBy: { sellingPlanName: "asc" },
  });
  return plans.flatMap((p) => (p.sellingPlanId ? [{ id: p.sellingPlanId, name: p.sellingPlanName ?? p.sellingPlanId }] : []));
}

/**
 * An active contract's next orders, each with whether it is skipped ahead of time, and before them
 * the order skipped last while its date is still to come: a skip by mistake can be taken back
 * until then (contract-actions.server.ts).
 */
export async function upcomingOrdersOf(
  contract: { id: string; status: string; nextBillingAt: Date | null; maxCycles: number | null; plannedSkips: string | null },
  schedule: Schedule,
): Promise<UpcomingOrder[]> {
  if (contract.status !== "ACTIVE" || !contract.nextBillingAt) return [];
  const next = nextScheduled(schedule, new Date(contract.nextBillingAt.getTime() - 1)).cycle;
  const upcoming = upcomingOrders(schedule, next, contract.maxCycles, storedPlannedSkips(contract.plannedSkips));
  const skipped = await db().billingAttempt.findFirst({
    where: {
      contractId: contract.id,
      cycle: next - 1,
      status: "skipped",
      skipReason: { in: ["customer_skip", "merchant_skip"] },
      cycleDate: { gt: clock().now() },
    },
    select: { cycle: true, cycleDate: true },
  });
  return skipped ? [{ cycle: skipped.cycle, date: skipped.cycleDate, skipped: true }, ...upcoming] : upcoming;
}

/** Shopify's admin page of an order, as App Bridge opens it from inside the app. */
export const adminOrderUrl = (orderId: string) => `shopify://admin/orders/${orderId.split("/").pop()}`;

/**
 * A contract as the merchant's detail page shows it: who, items, schedule, where it ships and how
 * it is paid, and its orders: the checkout's, then each cycle charged or not, with what Shopify
 * called the order and what the customer paid for it (from the order ledger, once its webhook came).
 */
export async function subscriptionDetail(contractId: string, timeZone: string) {
  const contract = await db().subscriptionContract.findUniqueOrThrow({
    where: { id: contractId },
    include: { lines: true, billingAttempts: { orderBy: [{ cycle: "desc" }, { retry: "desc" }], take: 24 } },
  });
  const schedule = scheduleOf(contract, timeZone);
  const dunningAttempts = contract.billingAttempts.filter((a) => a.cycle === contract.dunningCycle);
  const orderIds = [contract.originOrderId, ...contract.billingAttempts.map((a) => a.orderId)].filter((id): id is string => id !== null);
  const orders = new Map(
    (
      await db().order.findMany({
        where: { shop: contract.shop, shopifyId: { in: orderIds } },
        select: { shopifyId: true, name: true, totalMinor: true, currencyCode: true },
      })
    ).map((order) => [order.shopifyId, order]),
  );
  const orderOf = (orderId: string | null) => {
    if (!orderId) return null;
    const known = orders.get(orderId);
    return {
      url: adminOrderUrl(orderId),
      name: known?.name ?? null,
      totalMinor: known?.totalMinor ?? null,
      currencyCode: known?.currencyCode ?? contract.currencyCode,
    };
  };
  return {
    customer: {
      name: contract.customerDisplayName || contract.customerEmail || "",
      email: contract.customerEmail,
    },
    deliveryAddress: storedDeliveryAddress(contract.deliveryAddress),
    paymentMethod: storedPaymentMethod(contract.paymentMethod),
    planName: contract.lines.find((l) => l.sellingPlanName)?.sellingPlanName ?? "",
    status: contract.status,
    currencyCode: contract.currencyCode,
    billing: { interval: contract.billingInterval, count: contract.billingIntervalCount },
    delivery: { interval: contract.deliveryInterval, count: contract.deliveryIntervalCount },
    resumeAt: contract.resumeAt?.toISOString() ?? null,
    cancellationReason: contract.cancellationReason,
    commitmentWaivedAt: contract.commitmentWaivedAt?.toISOString() ?? null,
    lines: contract.lines.map((l) => ({
      id: l.id,
      title: l.title,
      variantTitle: l.variantTitle,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      oneTime: l.oneTimeCycle !== null,
    })),
    upcoming: (await upcomingOrdersOf(contract, schedule)).map((order) => ({ ...order, date: order.date.toISOString() })),
    checkout: contract.originOrderId ? { date: contract.firstBillingAt.toISOString(), order: orderOf(contract.originOrderId) } : null,
    history: contract.billingAttempts.map((a) => ({
      id: a.id,
      cycle: a.cycle,
      retry: a.retry,
      date: (a.retry ? a.sendAfter : a.cycleDate).toISOString(),
      status: a.status,
      errorCode: a.errorCode,
      failureKind: a.failureKind,
      skipReason: a.skipReason,
      order: orderOf(a.orderId),
    })),
    dunning:
      contract.dunningCycle === null
        ? null
        : {
            cycle: contract.dunningCycle,
            failures: dunningAttempts.filter((a) => a.status === "failed").length,
            nextRetryAt: dunningAttempts.find((a) => a.status === "scheduled")?.sendAfter.toISOString() ?? null,
          },
  };
}
