import { db, isUniqueViolation } from "../db.server";
import { TAB_STATUSES, type ReminderTab } from "./lists";
import type { ReminderRuleInput, RuleErrors } from "./rules";

/** The merchant's side of reminders: rules, and the lists of what was planned and sent. */
export function listRules(shop: string) {
  return db().reminderRule.findMany({ where: { shop }, orderBy: [{ scope: "asc" }, { title: "asc" }] });
}

export function findRule(shop: string, id: string) {
  return db().reminderRule.findFirst({ where: { shop, id } });
}

/** Saves a rule; a second rule for the same variant, product or collection is refused on its field. */
export async function saveRule(
  shop: string,
  id: string | null,
  rule: ReminderRuleInput,
): Promise<{ ok: true } | { ok: false; errors: RuleErrors }> {
  try {
    if (id) {
      const { count } = await db().reminderRule.updateMany({ where: { shop, id }, data: rule });
      if (count === 0) return { ok: false, errors: { target: "required" } };
    } else {
      await db().reminderRule.create({ data: { shop, ...rule } });
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
