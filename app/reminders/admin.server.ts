import { clock } from "../clock";
import { db, isUniqueViolation } from "../db.server";
import { TAB_STATUSES, type ReminderTab } from "./lists";
import type { ReminderRuleInput, RuleErrors } from "./rules";
import { pastBuyersSince } from "./timing";

/** The merchant's side of reminders: rules, and the lists of what was planned and sent. */
export function listRules(shop: string) {
  return db().reminderRule.findMany({ where: { shop }, orderBy: [{ scope: "asc" }, { title: "asc" }] });
}

/** The shop's looks for past buyers under way, and those that ended in the last week, with their rules' titles. */
export function pastBuyerImports(shop: string) {
  const weekAgo = new Date(clock().now().getTime() - 7 * 86_400_000);
  return db().pastBuyerImport.findMany({
    where: { shop, OR: [{ finishedAt: null }, { finishedAt: { gte: weekAgo } }] },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, status: true, ordersRead: true, scheduled: true, skipped: true, rule: { select: { title: true } } },
  });
}

export function findRule(shop: string, id: string) {
  return db().reminderRule.findFirst({ where: { shop, id } });
}

/**
 * Creates the rule (`id` null) or changes it; a second rule for the same variant, product or
 * collection is refused on its field. A new rule may look for its past buyers: the import is
 * written with it, and the worker takes it up (past-buyers.server.ts).
 */
export async function saveRule(
  shop: string,
  id: string | null,
  rule: ReminderRuleInput,
  options: { pastBuyers?: boolean } = {},
): Promise<{ ok: true } | { ok: false; errors: RuleErrors }> {
  try {
    if (id) {
      const { count } = await db().reminderRule.updateMany({ where: { shop, id }, data: rule });
      if (count === 0) return { ok: false, errors: { target: "required" } };
    } else {
      const pastBuyersImport = options.pastBuyers
        ? { create: { shop, since: pastBuyersSince(clock().now(), rule.intervalDays) } }
        : undefined;
      await db().reminderRule.create({ data: { shop, ...rule, pastBuyersImport } });
    }
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { target: "duplicate" } };
    throw error;
  }
}

export async function deleteRule(shop: string, id: string): Promise<void> {
  await db().reminderRule.deleteMany({ where: { shop, id } });
}

const PAGE_SIZE = 50;

export async function remindersPage(shop: string, tab: ReminderTab, page: number) {
  const where = { shop, status: { in: TAB_STATUSES[tab] } };
  const [rows, total] = await Promise.all([
    db().reminder.findMany({
      where,
      orderBy: tab === "upcoming" ? { dueAt: "asc" } : { updatedAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db().reminder.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The reminders' results: how many went out, were opened, converted, and the revenue they brought. */
export async function reminderResults(shop: string) {
  const [scheduled, sent, opened, converted, revenue] = await Promise.all([
    db().reminder.count({ where: { shop, status: "scheduled" } }),
    db().reminder.count({ where: { shop, status: "sent" } }),
    db().reminder.count({ where: { shop, status: "sent", clickedAt: { not: null } } }),
    db().reminder.count({ where: { shop, convertedAt: { not: null } } }),
    db().reminder.aggregate({ where: { shop, convertedAt: { not: null } }, _sum: { conversionRevenueMinor: true } }),
  ]);
  return { scheduled, sent, opened, converted, revenueMinor: revenue._sum.conversionRevenueMinor ?? 0 };
}
