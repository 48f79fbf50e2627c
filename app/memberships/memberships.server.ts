import { clock } from "../clock";
import { db } from "../db.server";
import type { EventSubscribers } from "../events/event-outbox.server";
import { messagesByLocale, translate, type Locale } from "../i18n/i18n";
import { errorFields, shopLog } from "../logging/log.server";
import { currencyDigits, decimalFromMinor } from "../money";
import { percentText } from "../percent";
import type { AdminClient } from "../shopify/admin-client";
import { ShopifyUserErrors } from "../shopify/errors";
import { markNotShipped, publishToOnlineStore } from "../shops/online-store.server";
import { findShop } from "../shops/shops.server";
import {
  currentTiers,
  listChanges,
  membersOfTiers,
  perkTiers,
  validateMembership,
  type MembershipDraft,
  type MembershipErrors,
  type TierTerms,
} from "./membership";
import { MembershipDiscountCreate, MembershipDiscountUpdate, MembershipPlansCreate, MembershipProductSet } from "./memberships.queries";

/**
 * Tiered memberships: the membership's product and its tiers' selling plans in Shopify, the rows
 * that remember them, and each tier's perk (an automatic discount off one-off purchases) kept for
 * exactly the tier's members as they join, leave and change tier.
 */
export const MEMBERSHIP_TAG = "orchard-membership";

export type CreateResult = { ok: true; id: string } | { ok: false; errors: MembershipErrors; shopifyErrors: string[] };

/** What a tier's plan says on the storefront: its perk, in the merchant's language. */
function perksText(tier: TierTerms, locale: Locale): string {
  return tier.discountBasisPoints > 0
    ? translate(messagesByLocale[locale], "memberships.perkDiscount", { discount: `${percentText(tier.discountBasisPoints)} %` })
    : "";
}

/** Creates the membership in Shopify (its product, published, not shipped; its tiers' plans), then records it. */
export async function createMembership(admin: AdminClient, draft: MembershipDraft, locale: Locale): Promise<CreateResult> {
  const currencyCode = (await findShop(admin.shop))?.currencyCode ?? "USD";
  const checked = validateMembership(draft, currencyCode);
  if ("errors" in checked) return { ok: false, errors: checked.errors, shopifyErrors: [] };
  const { membership } = checked;
  const decimal = (minor: number) => decimalFromMinor(minor, currencyDigits(currencyCode));
  try {
    const { productSet } = await admin.request(MembershipProductSet, {
      input: {
        title: membership.name,
        productType: "Membership",
        status: "ACTIVE",
        tags: [MEMBERSHIP_TAG],
        // Joined with a tier's plan only: there is no one-off membership.
        requiresSellingPlan: true,
        productOptions: [{ name: "Membership", values: [{ name: membership.name }] }],
        variants: [
          {
            optionValues: [{ optionName: "Membership", name: membership.name }],
            price: decimal(membership.tiers[0]!.priceMinor),
            inventoryPolicy: "CONTINUE",
          },
        ],
      },
    });
    const productId = productSet!.product!.id;
    await publishToOnlineStore(admin, productId);
    await markNotShipped(
      admin,
      productId,
      productSet!.product!.variants.nodes.map((variant) => variant.id),
    );
    const { sellingPlanGroupCreate } = await admin.request(MembershipPlansCreate, {
      input: {
        name: membership.name,
        merchantCode: MEMBERSHIP_TAG,
        options: ["Tier"],
        sellingPlansToCreate: membership.tiers.map((tier, index) => ({
          name: tier.name,
          options: [tier.name],
          position: index + 1,
          category: "SUBSCRIPTION" as const,
          description: perksText(tier, locale),
          billingPolicy: { recurring: { interval: tier.interval, intervalCount: 1 } },
          deliveryPolicy: { recurring: { interval: tier.interval, intervalCount: 1 } },
          pricingPolicies: [{ fixed: { adjustmentType: "PRICE" as const, adjustmentValue: { fixedValue: decimal(tier.priceMinor) } } }],
        })),
      },
      resources: { productIds: [productId] },
    });
    const group = sellingPlanGroupCreate!.sellingPlanGroup!;
    const planOf = (name: string) => group.sellingPlans.nodes.find((plan) => plan.options[0] === name)?.id ?? null;
    const saved = await db().membership.create({
      data: {
        shop: admin.shop,
        name: membership.name,
        shopifyProductId: productId,
        shopifyGroupId: group.id,
        tiers: {
          create: membership.tiers.map((tier, index) => ({
            shop: admin.shop,
            position: index + 1,
            ...tier,
            currencyCode,
            shopifySellingPlanId: planOf(tier.name),
          })),
        },
      },
    });
    return { ok: true, id: saved.id };
  } catch (error) {
    if (!(error instanceof ShopifyUserErrors)) throw error;
    return { ok: false, errors: {}, shopifyErrors: error.userErrors.map((e) => e.message) };
  }
}

/** Active contracts' lines on any of these selling plans: who holds which tier now. */
async function activeLinesOn(shop: string, sellingPlanIds: string[]) {
  const lines = await db().subscriptionLine.findMany({
    where: { sellingPlanId: { in: sellingPlanIds }, oneTimeCycle: null, contract: { shop, status: "ACTIVE" } },
    select: { sellingPlanId: true, contract: { select: { customerId: true, mrrMinor: true } } },
  });
  return lines.map((line) => ({
    sellingPlanId: line.sellingPlanId,
    customerId: line.contract.customerId,
    mrrMinor: line.contract.mrrMinor,
  }));
}

/** The merchant's list: each membership's tiers with their members now and the MRR those bring. */
export async function listMemberships(shop: string) {
  const memberships = await db().membership.findMany({
    where: { shop },
    include: { tiers: { orderBy: { position: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  const plans = memberships.flatMap((m) => m.tiers.flatMap((t) => (t.shopifySellingPlanId ? [t.shopifySellingPlanId] : [])));
  const lines = plans.length ? await activeLinesOn(shop, plans) : [];
  return memberships.map((membership) => {
    const tiers = membership.tiers.map((tier) => ({ ...tier, sellingPlanId: tier.shopifySellingPlanId }));
    const members = membersOfTiers(tiers, currentTiers(tiers, lines));
    return {
      ...membership,
      tiers: tiers.map((tier) => ({
        ...tier,
        members: members.get(tier.id)!.length,
        mrrMinor: lines.filter((line) => line.sellingPlanId === tier.sellingPlanId).reduce((sum, line) => sum + line.mrrMinor, 0),
      })),
    };
  });
}

/**
 * Any subscription's MRR changed (joined, left, paused, changed tier): the shop's tiers are looked
 * at again. A paid renewal of a membership records the tier it paid for, whose perks the member
 * gets from then on.
 */
export const MEMBERSHIP_SUBSCRIBERS: EventSubscribers = {
  "subscription.mrrChanged": [
    async (tx, { shop }) => {
      await tx.membership.updateMany({ where: { shop }, data: { membersChangedAt: clock().now() } });
    },
  ],
  "subscription.renewalPaid": [
    async (tx, { shop, payload }) => {
      const contract = await tx.subscriptionContract.findFirst({
        where: { id: payload.contractId, shop },
        select: { customerId: true, lines: { where: { oneTimeCycle: null }, select: { sellingPlanId: true } } },
      });
      const plans = contract?.lines.flatMap((line) => (line.sellingPlanId ? [line.sellingPlanId] : [])) ?? [];
      if (!contract?.customerId || plans.length === 0) return;
      const paid = await tx.membershipTier.findMany({
        where: { shop, shopifySellingPlanId: { in: plans } },
        orderBy: { position: "desc" },
      });
      for (const tier of paid.filter((t, index) => paid.findIndex((other) => other.membershipId === t.membershipId) === index)) {
        const key = { membershipId_customerId: { membershipId: tier.membershipId, customerId: contract.customerId } };
        await tx.membershipMember.upsert({
          where: key,
          create: { shop, membershipId: tier.membershipId, customerId: contract.customerId, paidTierPosition: tier.position },
          update: { paidTierPosition: tier.position },
        });
        await tx.membership.update({ where: { id: tier.membershipId }, data: { membersChangedAt: clock().now() } });
      }
    },
  ],
};

/**
 * Brings each tier's discount in Shopify to the tier's members: made with its first member, then
 * customers added and removed as they change. A membership whose members changed again while this
 * ran is looked at again next round.
 */
export async function syncMemberPerks(adminFor: (shop: string) => Promise<AdminClient>): Promise<number> {
  const changed = await db().membership.findMany({
    where: { membersChangedAt: { not: null } },
    include: { tiers: { orderBy: { position: "asc" } }, members: true },
    take: 20,
  });
  let synced = 0;
  for (const membership of changed) {
    try {
      const admin = await adminFor(membership.shop);
      const tiers = membership.tiers.map((tier) => ({ ...tier, sellingPlanId: tier.shopifySellingPlanId }));
      const held = currentTiers(
        tiers,
        await activeLinesOn(
          membership.shop,
          tiers.flatMap((t) => (t.sellingPlanId ? [t.sellingPlanId] : [])),
        ),
      );
      const paid = await payingMembers(membership.id, membership.shop, held, membership.members);
      const members = membersOfTiers(tiers, perkTiers(held, paid));
      for (const tier of tiers.filter((t) => t.discountBasisPoints > 0)) {
        const desired = members.get(tier.id)!;
        const { add, remove } = listChanges(JSON.parse(tier.discountCustomers) as string[], desired);
        if (add.length === 0 && remove.length === 0) continue;
        const discountId = tier.shopifyDiscountId ?? (await createTierDiscount(admin, membership.name, tier, add));
        if (tier.shopifyDiscountId) {
          await admin.request(MembershipDiscountUpdate, { id: discountId, discount: { context: { customers: { add, remove } } } });
        }
        await db().membershipTier.update({
          where: { id: tier.id },
          data: { shopifyDiscountId: discountId, discountCustomers: JSON.stringify(desired) },
        });
      }
      await db().membership.updateMany({
        where: { id: membership.id, membersChangedAt: membership.membersChangedAt },
        data: { membersChangedAt: null },
      });
      synced += 1;
    } catch (error) {
      shopLog(membership.shop).warn(
        { ...errorFields(error), membershipId: membership.id },
        "membership perks not synced; retried next round",
      );
    }
  }
  return synced;
}

/**
 * The tier each member last paid for: a new member's is the tier they joined (paid at checkout);
 * one who left is forgotten, so joining again starts from the tier then bought.
 */
async function payingMembers(
  membershipId: string,
  shop: string,
  current: ReadonlyMap<string, number>,
  known: readonly { customerId: string; paidTierPosition: number }[],
): Promise<Map<string, number>> {
  const paid = new Map(
    known.filter((member) => current.has(member.customerId)).map((member) => [member.customerId, member.paidTierPosition]),
  );
  const joined = [...current].filter(([customerId]) => !paid.has(customerId));
  const left = known.filter((member) => !current.has(member.customerId)).map((member) => member.customerId);
  if (left.length) await db().membershipMember.deleteMany({ where: { membershipId, customerId: { in: left } } });
  for (const [customerId, position] of joined) {
    await db().membershipMember.upsert({
      where: { membershipId_customerId: { membershipId, customerId } },
      create: { shop, membershipId, customerId, paidTierPosition: position },
      update: {},
    });
    paid.set(customerId, position);
  }
  return paid;
}

async function createTierDiscount(
  admin: AdminClient,
  membershipName: string,
  tier: { name: string; discountBasisPoints: number },
  customers: string[],
): Promise<string> {
  const { discountAutomaticBasicCreate } = await admin.request(MembershipDiscountCreate, {
    discount: {
      title: `${membershipName} · ${tier.name}: ${percentText(tier.discountBasisPoints)} %`,
      startsAt: clock().now().toISOString(),
      context: { customers: { add: customers } },
      customerGets: {
        // Shopify takes the percentage as a fraction: 1000 basis points is 0.1.
        value: { percentage: tier.discountBasisPoints / 10_000 },
        items: { all: true },
        appliesOnOneTimePurchase: true,
        appliesOnSubscription: false,
      },
    },
  });
  return discountAutomaticBasicCreate!.automaticDiscountNode!.id;
}

/** Whether any of these selling plans is a membership tier's: the customer's page then speaks of tiers. */
export async function isMembershipPlan(shop: string, sellingPlanIds: string[]): Promise<boolean> {
  return (
    sellingPlanIds.length > 0 && (await db().membershipTier.count({ where: { shop, shopifySellingPlanId: { in: sellingPlanIds } } })) > 0
  );
}
