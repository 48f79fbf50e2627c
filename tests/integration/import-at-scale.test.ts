import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { testContext } from "../support/context";
import { csv, report, row, runToEnd, storeMovingIn, upload, type Row } from "../support/subscription-imports";

/**
 * The import at the size the issue names, run on its own in CI (scripts/test.ts): its thousand
 * contracts keep both cores busy for a minute and more, which beside the browser suite starves
 * the background work those tests wait on.
 */
const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

describe("importing subscriptions from another app, at scale", () => {
  it("checks 1,000 rows, refuses 20 with their reasons, creates the 980 others once, and a second run creates nothing", async () => {
    const { shop, subscribers, variant } = await storeMovingIn(985);
    // Today in the store is 2026-12-05 (the business clock): a date not after it is refused.
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const rows = subscribers.map((subscriber, index) => row(subscriber, variant.id, index));
    const bad: Row[] = [
      ...[0, 1, 2, 3, 4].map((i) => ({ ...row(subscribers[980 + i]!, variant.id, 980 + i), shopify_customer_id: "999999999" })),
      // Another customer's card.
      ...[5, 6, 7, 8, 9].map((i) => ({
        ...row(subscribers[i]!, variant.id, 2000 + i),
        payment_method_id: String(subscribers[i + 1]!.paymentMethodId),
      })),
      ...[10, 11, 12, 13].map((i) => ({ ...row(subscribers[i]!, variant.id, 3000 + i), next_charge_date: "2026-12-01" })),
      ...[14, 15, 16].map((i) => rows[i]!),
      ...[17, 18, 19].map((i) => ({ ...row(subscribers[i]!, variant.id, 4000 + i), recurring_price: "eighteen" })),
    ];
    const file = csv([...rows.slice(0, 980), ...bad]);

    const checked = (await upload(shop, file)) as { redirect: string };
    const id = checked.redirect.split("/").pop()!;
    const before = await report(shop, id);
    expect(before.counts).toEqual({ total: 1_000, ready: 980, created: 0, refused: 20, failed: 0, alreadyImported: 0 });
    expect(shop.contracts.size).toBe(0);
    const reasonsAt = (line: number) => before.problems.find((p) => p.line === line)?.reasons.map((r) => r.reason);
    // Line 1 is the header: the 981st row is on line 982.
    expect([982, 987, 992, 996, 999].map(reasonsAt)).toEqual([
      ["customerNotFound"],
      ["paymentMethodNotFound"],
      ["datePast"],
      ["duplicateRow"],
      ["priceInvalid"],
    ]);
    expect(before.problems.find((p) => p.line === 996)!.reasons).toEqual([{ reason: "duplicateRow", line: 16 }]);
    // A row refused for its format still names its customer, for the merchant to look up.
    expect(before.problems.find((p) => p.line === 999)!.email).toBe("moved-4017@example.com");

    const done = await runToEnd(shop, id);
    expect(done.counts).toMatchObject({ created: 980, ready: 0, failed: 0 });
    expect(shop.contracts.size).toBe(980);
    const contract = [...shop.contracts.values()].find((c) => c.customerId === subscribers[27]!.customerId)!;
    expect(contract).toMatchObject({ status: "ACTIVE", paymentMethodId: subscribers[27]!.paymentMethodId });
    // The row's day, at the first charge's hour in the store's zone.
    expect(contract.nextBillingDate.toISOString()).toBe("2027-01-28T09:00:00.000Z");
    expect(contract.lines[0]).toMatchObject({ variantId: variant.id, quantity: 1, currentPriceMinor: 1_800 });
    expect(await db().subscriptionContract.count({ where: { shop: shop.domain } })).toBe(980);
    // Moved, not new: no welcome email.
    expect(testContext().simulator.mailbox.to("moved-27@example.com")).toEqual([]);

    // Started again, and the same file checked and run again: nothing is created twice.
    await runToEnd(shop, id);
    const again = ((await upload(shop, file)) as { redirect: string }).redirect.split("/").pop()!;
    expect((await report(shop, again)).counts).toMatchObject({ ready: 0, alreadyImported: 980, refused: 20 });
    await runToEnd(shop, again);
    expect(shop.contracts.size).toBe(980);
  }, 600_000);
});
