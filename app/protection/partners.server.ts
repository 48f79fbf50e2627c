import { clock } from "../clock";
import { db, isUniqueViolation, type Db, type Transaction } from "../db.server";
import { enqueueEmail } from "../email/outbox.server";
import { resolveLocale } from "../i18n/i18n";
import { exceptShops, findShop, shopTimeZone, uninstalledShops } from "../shops/shops.server";
import { PARTNER_CLAIM_EMAIL, PARTNER_STATEMENT_EMAIL, type PartnerClaimEmailData, type PartnerStatementEmailData } from "./partner-emails";
import { monthOf, monthWindow, partnerStatement, type Statement } from "./partner-statement";
import { validatePartner, type PartnerDraft, type PartnerErrors } from "./partner";
import type { StoredStatus } from "./registrations";

/**
 * The partners who provide add-ons and share their revenue: their rows, their monthly statements
 * (computed from the registrations their add-ons sold), the statement emails the worker sends once
 * a month, and claims routed to them.
 */
export async function listPartners(shop: string) {
  return db().partner.findMany({ where: { shop }, orderBy: { name: "asc" }, include: { _count: { select: { offers: true } } } });
}

export async function findPartner(shop: string, id: string) {
  return db().partner.findFirst({ where: { shop, id } });
}

export type PartnerSaveResult = { ok: true; id: string } | { ok: false; errors: PartnerErrors };

/** Creates (id null) or updates a partner; a change of share applies to what is sold from now on. */
export async function savePartner(shop: string, id: string | null, draft: PartnerDraft): Promise<PartnerSaveResult> {
  const checked = validatePartner(draft);
  if ("errors" in checked) return { ok: false, errors: checked.errors };
  if (id && !(await findPartner(shop, id))) throw new Response("Not found", { status: 404 });
  try {
    const saved = id
      ? await db().partner.update({ where: { id }, data: checked.partner })
      : await db().partner.create({ data: { shop, ...checked.partner } });
    return { ok: true, id: saved.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: "nameTaken" } };
    throw error;
  }
}

/** A partner's statement for a month ("2026-11"), in the shop's time zone. */
export async function statementFor(shop: string, partnerId: string, month: string): Promise<Statement> {
  const timeZone = await shopTimeZone(shop);
  const { start, end } = monthWindow(month, timeZone);
  const inMonth = { gte: start, lt: end };
  const registrations = await db().protectionRegistration.findMany({
    where: { shop, partnerId, OR: [{ orderedAt: inMonth }, { endedAt: inMonth }] },
    include: { offer: { select: { name: true } } },
    orderBy: { orderedAt: "asc" },
  });
  const claims = await db().protectionClaim.findMany({
    where: { shop, createdAt: inMonth, registration: { partnerId } },
    include: { registration: { select: { orderName: true } } },
    orderBy: { createdAt: "asc" },
  });
  return partnerStatement(
    month,
    timeZone,
    registrations.map((r) => ({
      ...r,
      offerName: r.offer?.name ?? null,
      status: r.status as StoredStatus,
      partnerShareBasisPoints: r.partnerShareBasisPoints ?? 0,
    })),
    claims.map((c) => ({ id: c.id, orderName: c.registration.orderName, reason: c.reason, status: c.status, createdAt: c.createdAt })),
  );
}

/**
 * The partner's statement for a month, with what the statement page offers around it: the months
 * since the partner was added (newest first, the current month so far included) and the shop's
 * time zone, which dates on the statement read in. An unknown or malformed month is the current one.
 */
export async function statementPage(shop: string, partnerId: string, requestedMonth: string | null) {
  const partner = await findPartner(shop, partnerId);
  if (!partner) throw new Response("Not Found", { status: 404 });
  const timeZone = await shopTimeZone(shop);
  const now = clock().now();
  const first = monthOf(partner.createdAt, timeZone);
  const months: string[] = [];
  for (let offset = 0; months.length < 24; offset -= 1) {
    const month = monthOf(now, timeZone, offset);
    if (month < first && months.length > 0) break;
    months.push(month);
  }
  const month = requestedMonth && months.includes(requestedMonth) ? requestedMonth : months[0]!;
  return { partner, timeZone, months, statement: await statementFor(shop, partner.id, month) };
}

/**
 * Once a month ends in a shop's time zone, each of its partners with a statement address gets that
 * month's statement, once: the statement row and its email are written in one transaction, and
 * the row's (partner, month) key refuses a second. A partner that sold nothing and had no claims
 * gets none.
 */
export async function enqueueMonthlyStatements(): Promise<number> {
  const partners = await db().partner.findMany({
    where: { statementEmail: { not: null }, ...exceptShops(await uninstalledShops()) },
  });
  let enqueued = 0;
  for (const partner of partners) {
    const shop = await findShop(partner.shop);
    if (!shop) continue;
    const month = monthOf(clock().now(), shop.ianaTimezone, -1);
    if (month < monthOf(partner.createdAt, shop.ianaTimezone)) continue;
    if (await db().partnerStatement.findUnique({ where: { partnerId_month: { partnerId: partner.id, month } } })) continue;
    const statement = await statementFor(partner.shop, partner.id, month);
    const data: PartnerStatementEmailData = {
      shopName: shop.name ?? shop.domain,
      partnerName: partner.name,
      month,
      totals: statement.totals,
      claims: statement.claims.length,
    };
    try {
      await db().$transaction(async (tx) => {
        await tx.partnerStatement.create({ data: { shop: partner.shop, partnerId: partner.id, month } });
        if (statement.lines.length === 0 && statement.claims.length === 0) return;
        await enqueueEmail(tx, {
          shop: partner.shop,
          kind: PARTNER_STATEMENT_EMAIL,
          dedupeKey: `partner-statement:${partner.id}:${month}`,
          recipient: partner.statementEmail!,
          locale: resolveLocale(partner.locale),
          data,
        });
        enqueued += 1;
      });
    } catch (error) {
      // Another worker wrote this month's statement first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return enqueued;
}

/**
 * A claim on a partner's add-on goes to the partner when the merchant routes its claims there:
 * written in the transaction that files the claim, so no claim is filed without its email.
 */
export async function routeClaimToPartner(tx: Transaction | Db, shop: string, claimId: string): Promise<boolean> {
  const claim = await tx.protectionClaim.findFirst({
    where: { shop, id: claimId },
    include: { registration: { include: { partner: true, offer: { select: { name: true } } } } },
  });
  const partner = claim?.registration.partner;
  if (!claim || !partner?.routeClaims || !partner.claimsEmail) return false;
  const shopRow = await tx.shop.findUnique({ where: { domain: shop } });
  const { registration } = claim;
  const data: PartnerClaimEmailData = {
    shopName: shopRow?.name ?? shop,
    partnerName: partner.name,
    offerName: registration.offer?.name ?? null,
    orderName: registration.orderName,
    item: registration.protectedTitle,
    customerName: registration.customerName,
    customerEmail: registration.customerEmail,
    reason: claim.reason,
    notes: claim.notes,
    photosUrl: claim.photosUrl,
    coverEnds: registration.expiresAt.toISOString(),
  };
  return enqueueEmail(tx, {
    shop,
    kind: PARTNER_CLAIM_EMAIL,
    dedupeKey: `partner-claim:${claim.id}`,
    recipient: partner.claimsEmail,
    locale: resolveLocale(partner.locale),
    data,
  });
}
