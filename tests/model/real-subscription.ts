import { db } from "../../app/db.server";
import type { AdminClient } from "../../app/shopify/admin-client";
import { BillingLanes, scheduleDueCycles } from "../../app/subscriptions/billing.server";
import { BillingAttemptCreate } from "../../app/subscriptions/billing.queries";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { saveSettings } from "../../app/subscriptions/settings.server";
import { DEFAULT_SETTINGS } from "../../app/subscriptions/settings-form";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { forgetShop, recordInstall } from "../../app/shops/shops.server";
import { acceptSaveOffer, contractWithState, performAction, startCancellation } from "../../app/subscriptions/contract-actions.server";
import type { ActionInput } from "../../app/subscriptions/contract-actions";
import { findContract } from "../../app/subscriptions/contracts.server";
import { reanchorSchedules } from "../../app/subscriptions/time-zone-change.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { adminFetchRequest, createShop, testContext } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";
import { settle } from "../support/subscriptions";
import { instantOf, type LifeSetup } from "./reference";

/**
 * One subscription's life on the real stack: Orchard's code against its database and the store
 * simulator, the worker run as production runs it (settle: webhooks delivered, rounds until idle).
 * Each life has a shop of its own, forgotten when the life ends, so the next starts clean.
 */
export class RealSubscription {
  private constructor(
    readonly shop: ShopRecord,
    readonly contractId: number,
    readonly orchardId: string,
    private readonly customerId: string,
    readonly sellingPlanIds: number[],
    /** The checkout's instant, as the store recorded it. */
    readonly checkoutAt: Date,
  ) {}

  static async start(setup: LifeSetup): Promise<RealSubscription> {
    const { simulator } = testContext();
    // Shopify's worst day: every webhook twice, late by up to 20 ms (so out of order).
    simulator.webhooks.chaos = setup.duplicateWebhooks ? { duplicate: true, maxDelayMs: 20 } : null;
    setClock(instantOf({ ...setup.start, second: 0, millisecond: 0 }, setup.zone));
    const { shop } = createShop();
    shop.ianaTimezone = setup.zone;
    seedShop(simulator.store, shop, simulator.clock.now(), { customers: 1, months: 0 });
    await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    await saveSettings(shop.domain, { ...DEFAULT_SETTINGS, missedCycles: setup.missedCycles });
    const product = [...shop.products.values()][0]!;
    product.variants[0]!.priceMinor = setup.unitPriceMinor;
    product.variants[1]!.priceMinor = setup.otherVariantPriceMinor;
    const { terms } = setup;
    const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
      name: "Subscribe and save",
      productIds: [product.id],
      plans: terms.frequencies.map((f, i) => ({
        name: `Plan ${i}`,
        options: [`${f.count} ${f.interval} ${i}`],
        interval: f.interval,
        intervalCount: f.count,
        percentageOff: f.percentOff,
        deliveriesPerBilling: f.deliveries,
        ...(terms.intro ? { introductory: { orders: terms.intro.orders, percentageOff: terms.intro.percentOff } } : {}),
        minCycles: terms.minCycles,
        maxCycles: terms.maxCycles,
      })),
    });
    const { order, contracts } = await completeCheckout(simulator, shop, {
      email: `lives@${shop.domain.replace(".myshopify.com", "")}.example`,
      lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
    });
    await settle();
    const contract = contracts[0]!;
    const mirrored = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    return new RealSubscription(shop, contract.id, mirrored.id, mirrored.customerId!, sellingPlanIds, order.createdAt);
  }

  /** The shop's Orchard data is forgotten and its contracts stop, as after an uninstall. */
  async end(): Promise<void> {
    testContext().simulator.webhooks.chaos = null;
    await forgetShop(this.shop.domain);
    testContext().simulator.store.shops.delete(this.shop.domain);
  }

  /** Time passes to `at`, with Orchard's worker running through it: every webhook delivered, every round run. */
  async runUntil(at: Date): Promise<void> {
    setClock(at);
    await settle();
  }

  /** The customer does something from their account; true when Orchard took it. */
  async customer(input: ActionInput): Promise<boolean> {
    return this.act(input, "customer");
  }

  /** The merchant does something from the subscription's page in the admin. */
  async merchant(input: ActionInput): Promise<boolean> {
    return this.act(input, "merchant");
  }

  private async act(input: ActionInput, actor: "customer" | "merchant"): Promise<boolean> {
    const admin = await backgroundAdmin(this.shop.domain);
    // A customer is scoped to their own subscriptions; the merchant to the shop's.
    const loaded = (await contractWithState(this.shop.domain, this.orchardId, actor === "customer" ? this.customerId : undefined))!;
    const result = await performAction(admin, loaded, input, actor);
    await settle();
    return result.ok;
  }

  /**
   * Time passes to `at`, when a charge is due; the worker sending it loses Shopify's answer (the
   * connection drops once Shopify took the charge) and its attempt goes back to the queue, to be
   * sent again with the same key. Then the worker runs as usual.
   */
  async chargeWithAnswerLost(at: Date): Promise<void> {
    setClock(at);
    await scheduleDueCycles();
    const lanes = new BillingLanes(async (shop) => answerLostAfterCharge(await backgroundAdmin(shop)));
    await lanes.dispatch();
    await lanes.idle();
    await settle();
  }

  /** The selling plan of the group's plan `index`, as the customer's form sends it. */
  planGid(index: number): string {
    return gid("SellingPlan", this.sellingPlanIds[index]!);
  }

  async changeQuantity(quantity: number): Promise<boolean> {
    const lineId = (await db().subscriptionLine.findFirstOrThrow({ where: { contractId: this.orchardId, oneTimeCycle: null } })).id;
    return this.customer({ action: "changeQuantity", lineId, quantity });
  }

  /** The merchant swaps the subscription to the product's other variant. */
  async swapVariant(to: 0 | 1): Promise<boolean> {
    const product = [...this.shop.products.values()][0]!;
    const lineId = (await db().subscriptionLine.findFirstOrThrow({ where: { contractId: this.orchardId, oneTimeCycle: null } })).id;
    return this.merchant({ action: "swapVariant", lineId, variantId: gid("ProductVariant", product.variants[to]!.id) });
  }

  /** One more of the subscribed product, with the next order only. */
  async addOneTime(quantity: number): Promise<boolean> {
    const product = [...this.shop.products.values()][0]!;
    return this.customer({ action: "addOneTime", variantId: gid("ProductVariant", product.variants[0]!.id), quantity });
  }

  /** The cancellation flow, reason "too expensive", and its discount taken if it is offered. */
  async takeDiscountInsteadOfCancelling(): Promise<boolean> {
    const admin = await backgroundAdmin(this.shop.domain);
    const loaded = (await contractWithState(this.shop.domain, this.orchardId, this.customerId))!;
    await startCancellation(admin, loaded, "customer", "too_expensive", undefined);
    const result = await acceptSaveOffer(admin, loaded, "customer", "too_expensive", "discount", {});
    await settle();
    return result.ok;
  }

  /** The shop's next charge is declined once. */
  declineNextCharge(): void {
    this.shop.failingPayments.push("INSUFFICIENT_FUNDS");
  }

  /** The merchant moves the shop to another time zone; Orchard learns it at the next authorisation. */
  async changeZone(zone: string): Promise<void> {
    this.shop.ianaTimezone = zone;
    const previous = await recordInstall(await backgroundAdmin(this.shop.domain), testContext().simulator.appConfig.scopes);
    if (previous) await reanchorSchedules(this.shop.domain, previous);
    await settle();
  }

  /** What the store (Shopify) and Orchard hold now. */
  async observe() {
    const contract = this.shop.contracts.get(this.contractId)!;
    const charges = [...this.shop.billingAttempts.values()]
      .filter((a) => a.contractId === this.contractId && a.orderId !== null)
      .map((a) => {
        const order = this.shop.orders.get(a.orderId!)!;
        return { date: a.originTime!.getTime(), amountMinor: order.lines.reduce((sum, l) => sum + l.priceMinor * l.quantity, 0) };
      })
      .sort((a, b) => a.date - b.date);
    const mirror = (await findContract(this.shop.domain, gid("SubscriptionContract", this.contractId)))!;
    const attempts = await db().billingAttempt.findMany({
      where: { contractId: this.orchardId },
      select: { cycle: true, retry: true, status: true, skipReason: true },
      orderBy: [{ cycle: "asc" }, { retry: "asc" }],
    });
    const mrrChanges = await db().mrrChange.findMany({
      where: { shop: this.shop.domain },
      orderBy: { id: "asc" },
      select: { mrrMinor: true },
    });
    return {
      shopify: { status: contract.status, nextBillingDate: contract.nextBillingDate.getTime(), charges },
      orchard: {
        status: mirror.status,
        nextBillingAt: mirror.nextBillingAt?.getTime() ?? null,
        attempts,
        mrrHistory: mrrChanges.map((c) => c.mrrMinor),
      },
    };
  }
}

/** An Admin client whose connection drops just after Shopify created a billing attempt. */
function answerLostAfterCharge(admin: AdminClient): AdminClient {
  return {
    shop: admin.shop,
    async request(operation, variables) {
      const answer = await admin.request(operation, variables);
      if (operation.name === BillingAttemptCreate.name) throw new Error("socket hang up");
      return answer;
    },
  };
}

function setClock(at: Date): void {
  const { simulator } = testContext();
  const ahead = at.getTime() - Date.now();
  simulator.clock.setOffset(ahead);
}
