import type { MembershipTier } from "@orchard-db/sqlite";
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
import { replaceContractDiscount } from "../subscriptions/contract-edits.server";
import { PlanUpdate } from "../subscriptions/selling-plan-groups.queries";
import {
  currentTiers,
  listChanges,
  membersOfTiers,
  perkTiers,
  subscriptionPerkChanges,
  subscriptionPerks,
  tagChanges,
  validateMembership,
  type MembershipDraft,
  type MembershipErrors,
  type TierTerms,
} from "./membership";
import {
  MembershipDiscountCreate,
  MembershipDiscountUpdate,
  MembershipPlansCreate,
  MembershipProductSet,
  MemberTagsAdd,
  MemberTagsRemove,
} from "./memberships.queries";

/**
 * Tiered memberships: the membership's product and its tiers' selling plans in Shopify, the rows
 * that remember them, and each tier's perks (an automatic discount off one-off purchases, a
 * percentage off the member's own subscriptions, a customer tag) kept for exactly the tier's
 * members as they join, leave and change tier, and as the merchant edits them.
 */
export const MEMBERSHIP_TAG = "orchard-membership";

export type CreateResult = { ok: true; id: string } | { ok: false; errors: MembershipErrors; shopifyErrors: string[] };

/** What a tier's plan says on the storefront: its discounts, in the merchant's language. */
function perksText(tier: TierTerms, locale: Locale): string {
  const messages = messagesByLocale[locale];
  const perks = [
    tier.discountBasisPoints > 0 &&
      translate(messages, "memberships.perkDiscount", { discount: `${percentText(tier.discountBasisPoints)} %` }),
    tier.subscriptionDiscountPercent > 0 &&
      translate(messages, "memberships.perkSubscriptionDiscount", { discount: `${tier.subscriptionDiscountPercent} %` }),
  ].filter((perk): perk is string => Boolean(perk));
  return perks.length
    ? translate(messages, "memberships.perks", { perks: new Intl.ListFormat(locale, { type: "conjunction" }).format(perks) })
    : "";
}

/** What a tier's selling plan says and costs: its name, its perks, its price for those who join. */
function tierPlanText(tier: TierTerms, currencyCode: string, locale: Locale) {
  return {
    name: tier.name,
    options: [tier.name],
    description: perksText(tier, locale),
    pricingPolicies: [
      {
        fixed: {
          adjustmentType: "PRICE" as const,
          adjustmentValue: { fixedValue: decimalFromMinor(tier.priceMinor, currencyDigits(currencyCode)) },
        },
      },
    ],
  };
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
          ...tierPlanText(tier, currencyCode, locale),
          position: index + 1,
          category: "SUBSCRIPTION" as const,
          billingPolicy: { recurring: { interval: tier.interval, intervalCount: 1 } },
          deliveryPolicy: { recurring: { interval: tier.interval, intervalCount: 1 } },
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

export type UpdateResult = CreateResult | { ok: false; notFound: true };

/**
 * Saves an edited membership: its name, and each tier's name, price, discounts and tag. Its tiers
 * and their intervals stay (members' contracts bill on them). A new price is for those who join
 * from now: Shopify keeps each member's contract at the price they joined at. Perks follow at once:
 * the one-off discount's value here, tags and subscription discounts through the members' sync.
 */
export async function updateMembership(admin: AdminClient, id: string, draft: MembershipDraft, locale: Locale): Promise<UpdateResult> {
  const existing = await db().membership.findFirst({
    where: { id, shop: admin.shop },
    include: { tiers: { orderBy: { position: "asc" } } },
  });
  if (!existing) return { ok: false, notFound: true };
  const currencyCode = existing.tiers[0]?.currencyCode ?? "USD";
  const checked = validateMembership(draft, currencyCode);
  const errors = { ...("errors" in checked ? checked.errors : {}), ...fixedShapeErrors(existing.tiers, draft) };
  if ("errors" in checked || Object.keys(errors).length) return { ok: false, errors, shopifyErrors: [] };
  const { membership } = checked;
  try {
    if (existing.shopifyGroupId) {
      await admin.request(PlanUpdate, {
        id: existing.shopifyGroupId,
        input: {
          name: membership.name,
          sellingPlansToUpdate: existing.tiers.flatMap((row, index) =>
            row.shopifySellingPlanId
              ? [{ id: row.shopifySellingPlanId, ...tierPlanText(membership.tiers[index]!, currencyCode, locale) }]
              : [],
          ),
        },
      });
    }
    for (const [index, row] of existing.tiers.entries()) {
      const tier = membership.tiers[index]!;
      if (
        row.shopifyDiscountId &&
        tier.discountBasisPoints > 0 &&
        (tier.discountBasisPoints !== row.discountBasisPoints || tier.name !== row.name)
      ) {
        await admin.request(MembershipDiscountUpdate, { id: row.shopifyDiscountId, discount: tierDiscountTerms(membership.name, tier) });
      }
    }
  } catch (error) {
    if (!(error instanceof ShopifyUserErrors)) throw error;
    return { ok: false, errors: {}, shopifyErrors: error.userErrors.map((e) => e.message) };
  }
  await db().$transaction([
    ...existing.tiers.map((row, index) => {
      const { name, priceMinor, discountBasisPoints, subscriptionDiscountPercent, customerTag } = membership.tiers[index]!;
      return db().membershipTier.update({
        where: { id: row.id },
        data: { name, priceMinor, discountBasisPoints, subscriptionDiscountPercent, customerTag },
      });
    }),
    db().membership.update({ where: { id: existing.id }, data: { name: membership.name, membersChangedAt: clock().now() } }),
  ]);
  return { ok: true, id: existing.id };
}

/** An edited membership keeps its number of tiers and each tier's interval: anything else is refused, by field. */
function fixedShapeErrors(saved: readonly { interval: string }[], draft: MembershipDraft): MembershipErrors {
  if (draft.tiers.length !== saved.length) return { tiers: "tiersFixed" };
  return Object.fromEntries(
    saved.flatMap((row, index) => (draft.tiers[index]!.interval === row.interval ? [] : [[`tiers.${index}.interval`, "intervalFixed"]])),
  );
}

/** A membership as its edit form starts: as kept, in the form's strings. */
export async function membershipDraft(shop: string, id: string): Promise<MembershipDraft | null> {
  const membership = await db().membership.findFirst({ where: { id, shop }, include: { tiers: { orderBy: { position: "asc" } } } });
  if (!membership) return null;
  return {
    name: membership.name,
    tiers: membership.tiers.map((tier) => ({
      name: tier.name,
      price: decimalFromMinor(tier.priceMinor, currencyDigits(tier.currencyCode)),
      interval: tier.interval,
      discount: tier.discountBasisPoints ? percentText(tier.discountBasisPoints) : "",
      subscriptionDiscount: tier.subscriptionDiscountPercent ? String(tier.subscriptionDiscountPercent) : "",
      customerTag: tier.customerTag,
    })),
  };
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
 * Brings each tier's perks in Shopify to the tier's members: its discount on one-off purchases
 * (made with its first member, then customers added and removed as they change), its tag, and its
 * percentage off the members' own subscriptions. A membership whose members changed again while
 * this ran is looked at again next round.
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
      const plans = tiers.flatMap((t) => (t.sellingPlanId ? [t.sellingPlanId] : []));
      const held = currentTiers(tiers, await activeLinesOn(membership.shop, plans));
      const perks = perkTiers(held, await payingMembers(membership.id, membership.shop, held, membership.members));
      const members = membersOfTiers(tiers, perks);
      for (const tier of tiers) {
        await syncTierDiscount(admin, membership.name, tier, members.get(tier.id)!);
        await syncTierTag(admin, tier, members.get(tier.id)!);
      }
      await syncSubscriptionPerks(admin, membership, plans, perks);
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

/** The tier's discount for exactly its members (none once the merchant sets it to 0 %: Shopify takes no 0 % discount). */
async function syncTierDiscount(admin: AdminClient, membershipName: string, tier: MembershipTier, members: string[]) {
  const desired = tier.discountBasisPoints > 0 ? members : [];
  const { add, remove } = listChanges(JSON.parse(tier.discountCustomers) as string[], desired);
  if (add.length === 0 && remove.length === 0) return;
  const discountId = tier.shopifyDiscountId ?? (await createTierDiscount(admin, membershipName, tier, add));
  if (tier.shopifyDiscountId) {
    await admin.request(MembershipDiscountUpdate, { id: discountId, discount: { context: { customers: { add, remove } } } });
  }
  await db().membershipTier.update({
    where: { id: tier.id },
    data: { shopifyDiscountId: discountId, discountCustomers: JSON.stringify(desired) },
  });
}

/** The tier's tag on exactly its members: put on those who came, taken off those who left (or the old tag when renamed). */
async function syncTierTag(admin: AdminClient, tier: MembershipTier, desired: string[]) {
  const { add, remove } = tagChanges(
    { tag: tier.appliedTag, customers: JSON.parse(tier.taggedCustomers) as string[] },
    { tag: tier.customerTag, customers: desired },
  );
  if (add.customers.length === 0 && remove.customers.length === 0 && tier.appliedTag === tier.customerTag) return;
  for (const customerId of remove.customers) await admin.request(MemberTagsRemove, { id: customerId, tags: [remove.tag] });
  for (const customerId of add.customers) await admin.request(MemberTagsAdd, { id: customerId, tags: [add.tag] });
  await db().membershipTier.update({
    where: { id: tier.id },
    data: { appliedTag: tier.customerTag, taggedCustomers: JSON.stringify(tier.customerTag ? desired : []) },
  });
}

/**
 * Each member's own subscriptions (active or paused, the membership's own left out) carry their
 * tier's percentage off; a contract whose member left or changed tier has it replaced or taken off.
 */
async function syncSubscriptionPerks(
  admin: AdminClient,
  membership: { id: string; shop: string; name: string; tiers: MembershipTier[] },
  membershipPlans: string[],
  perkPositions: ReadonlyMap<string, number>,
) {
  const applied = await db().memberSubscriptionDiscount.findMany({ where: { membershipId: membership.id } });
  const customers = [...perkPositions.keys()];
  const contracts = await db().subscriptionContract.findMany({
    where: {
      shop: membership.shop,
      status: { in: ["ACTIVE", "PAUSED"] },
      customerId: { in: customers },
      lines: { none: { sellingPlanId: { in: membershipPlans } } },
    },
    select: { id: true, customerId: true, shopifyId: true },
  });
  const changes = subscriptionPerkChanges(
    new Map(applied.map((row) => [row.contractId, row.title])),
    subscriptionPerks(membership.name, membership.tiers, perkPositions, contracts),
  );
  // The contracts of members who left are not among those above: read once, those still editable.
  const editable = new Map(contracts.map((contract) => [contract.id, contract.shopifyId]));
  const departed = changes.map((change) => change.contractId).filter((id) => !editable.has(id));
  if (departed.length) {
    const stillBilled = await db().subscriptionContract.findMany({
      where: { id: { in: departed }, shop: membership.shop, status: { in: ["ACTIVE", "PAUSED"] } },
      select: { id: true, shopifyId: true },
    });
    for (const contract of stillBilled) editable.set(contract.id, contract.shopifyId);
  }
  for (const change of changes) {
    // A cancelled contract cannot be edited and bills no more: only Orchard's record goes.
    const shopifyId = editable.get(change.contractId);
    if (shopifyId) await replaceContractDiscount(admin, shopifyId, change);
    const key = { membershipId_contractId: { membershipId: membership.id, contractId: change.contractId } };
    if (change.add) {
      await db().memberSubscriptionDiscount.upsert({
        where: key,
        create: { shop: membership.shop, membershipId: membership.id, contractId: change.contractId, title: change.add.title },
        update: { title: change.add.title },
      });
    } else await db().memberSubscriptionDiscount.deleteMany({ where: { membershipId: membership.id, contractId: change.contractId } });
  }
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

/** A tier's discount on one-off purchases as Shopify holds it: its title and value. */
function tierDiscountTerms(membershipName: string, tier: { name: string; discountBasisPoints: number }) {
  return {
    title: `${membershipName} · ${tier.name}: ${percentText(tier.discountBasisPoints)} %`,
    customerGets: {
      // Shopify takes the percentage as a fraction: 1000 basis points is 0.1.
      value: { percentage: tier.discountBasisPoints / 10_000 },
      items: { all: true },
      appliesOnOneTimePurchase: true,
      appliesOnSubscription: false,
    },
  };
}

async function createTierDiscount(
  admin: AdminClient,
  membershipName: string,
  tier: { name: string; discountBasisPoints: number },
  customers: string[],
): Promise<string> {
  const { discountAutomaticBasicCreate } = await admin.request(MembershipDiscountCreate, {
    discount: {
      ...tierDiscountTerms(membershipName, tier),
      startsAt: clock().now().toISOString(),
      context: { customers: { add: customers } },
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
