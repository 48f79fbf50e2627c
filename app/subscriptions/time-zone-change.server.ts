import { db } from "../db.server";
import { shopLog } from "../logging/log.server";
import { nextScheduled, SCHEDULE_COLUMNS, scheduleOf } from "./billing-schedule";

/**
 * The shop's time zone changed (Orchard learns it at the next install or re-authorisation). Each
 * subscription's schedule starts again at its next order, which keeps its instant; the orders
 * after it fall on the new zone's wall clock, and the cycles carry on their numbering, so none is
 * lost or charged twice. A contract billing meanwhile moved on is left to its new date.
 */
export async function reanchorSchedules(shop: string, previousZone: string): Promise<number> {
  const contracts = await db().subscriptionContract.findMany({
    where: { shop, nextBillingAt: { not: null } },
    select: { id: true, nextBillingAt: true, ...SCHEDULE_COLUMNS },
  });
  let moved = 0;
  for (const contract of contracts) {
    const next = contract.nextBillingAt!;
    const { cycle } = nextScheduled(scheduleOf(contract, previousZone), new Date(next.getTime() - 1));
    const updated = await db().subscriptionContract.updateMany({
      where: { id: contract.id, nextBillingAt: next },
      data: { scheduleFrom: next, scheduleCycle: cycle },
    });
    moved += updated.count;
  }
  shopLog(shop).info({ previousZone, contracts: moved }, "time zone changed: schedules start again at each next order");
  return moved;
}
