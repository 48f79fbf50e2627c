import { describe, expect, it } from "vitest";
import { planReminders, type OrderForReminders, type PlanningState } from "../../../app/reminders/planning";
import { RuleBook } from "../../../app/reminders/rules";

const rules = new RuleBook([{ id: "r", scope: "product", targetId: "P1", intervalDays: 30, leadDays: 2, discountCode: "BACK" }]);
const when = { timeZone: "UTC", sendHour: 10 };
const empty: PlanningState = { optedOut: new Set(), subscribed: new Set(), open: new Map(), known: new Set() };

function order(
  id: string,
  at: string,
  quantity = 1,
  customer: Partial<NonNullable<OrderForReminders["customer"]>> = {},
): OrderForReminders {
  return {
    orderId: `O${id}`,
    orderedAt: new Date(at),
    currencyCode: "EUR",
    customer: { id: "C1", email: "c1@example.com", name: "Ana", locale: "fr", marketingConsent: true, ...customer },
    lines: [
      { id: `L${id}`, productId: "P1", variantId: "V1", title: "Beans", quantity, revenueMinor: 1200 * quantity },
      { id: `L${id}-other`, productId: "P2", variantId: "V2", title: "Mug", quantity: 1, revenueMinor: 900 },
    ],
  };
}

describe("planning reminders from paid orders", () => {
  it("plans one reminder per line that has a rule, scaled by quantity, with the rule's code", () => {
    const plan = planReminders([order("1", "2026-06-01T08:00:00Z", 2)], rules, () => [], empty, when);
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({ status: "scheduled", openKey: "C1|P1", quantity: 2, discountCode: "BACK", locale: "fr" });
    expect(plan.create[0]!.dueAt.toISOString()).toBe("2026-07-29T10:00:00.000Z");
  });

  it("moves the reminder to a later order, whatever order the orders arrive in", () => {
    const later = order("2", "2026-06-20T08:00:00Z");
    const earlier = order("1", "2026-06-01T08:00:00Z");
    for (const batch of [
      [earlier, later],
      [later, earlier],
    ]) {
      const plan = planReminders(batch, rules, () => [], empty, when);
      const byOrder = Object.fromEntries(plan.create.map((r) => [r.orderId, r]));
      expect(byOrder.O2).toMatchObject({ status: "scheduled", openKey: "C1|P1" });
      expect(byOrder.O1).toMatchObject({ status: "cancelled", reason: "reordered", openKey: null });
    }
    const stored = { ...empty, open: new Map([["C1|P1", { id: "stored", orderedAt: new Date("2026-06-01T08:00:00Z") }]]) };
    expect(planReminders([later], rules, () => [], stored, when).supersede).toEqual(["stored"]);
    const newerStored = { ...empty, open: new Map([["C1|P1", { id: "stored", orderedAt: new Date("2026-07-01T08:00:00Z") }]]) };
    const late = planReminders([later], rules, () => [], newerStored, when);
    expect(late.supersede).toEqual([]);
    expect(late.create[0]).toMatchObject({ status: "cancelled", reason: "reordered" });
  });

  it("records why a customer is not reminded", () => {
    const reasons = (o: OrderForReminders, state = empty) =>
      planReminders([o], rules, () => [], state, when).create.map((r) => [r.status, r.reason]);
    expect(reasons(order("1", "2026-06-01T08:00:00Z", 1, { marketingConsent: false }))).toEqual([["skipped", "noConsent"]]);
    expect(reasons(order("1", "2026-06-01T08:00:00Z", 1, { email: null }))).toEqual([["skipped", "noEmail"]]);
    expect(reasons(order("1", "2026-06-01T08:00:00Z"), { ...empty, optedOut: new Set(["C1"]) })).toEqual([["skipped", "unsubscribed"]]);
    expect(reasons(order("1", "2026-06-01T08:00:00Z"), { ...empty, subscribed: new Set(["C1|P1"]) })).toEqual([["skipped", "subscribed"]]);
  });

  it("leaves out a past buyer's line that has run out already, and keeps one still to run out", () => {
    // One bag on 1 June lasts until 29 June (less the lead days); two bags until 29 July.
    const past = [order("1", "2026-06-01T08:00:00Z", 1), order("2", "2026-06-01T09:00:00Z", 2, { id: "C2" })];
    const plan = planReminders(past, rules, () => [], empty, { ...when, notDueBefore: new Date("2026-07-15T00:00:00Z") });
    expect(plan.create.map((r) => [r.customerId, r.dueAt.toISOString(), r.status])).toEqual([
      ["C2", "2026-07-29T10:00:00.000Z", "scheduled"],
    ]);
  });

  it("plans nothing twice for the same order line, nor for guests", () => {
    expect(planReminders([order("1", "2026-06-01T08:00:00Z")], rules, () => [], { ...empty, known: new Set(["L1"]) }, when).create).toEqual(
      [],
    );
    expect(planReminders([{ ...order("1", "2026-06-01T08:00:00Z"), customer: null }], rules, () => [], empty, when).create).toEqual([]);
  });
});
