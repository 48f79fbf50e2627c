import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { REQUIRED_COLUMNS } from "../../app/migration/import-file";
import { action as checkAction, loader as importsLoader } from "../../app/routes/app.imports._index";
import { adminFetchRequest, postForm, testContext } from "../support/context";
import { csv, report, row, runToEnd, storeMovingIn, upload } from "../support/subscription-imports";
import { settle } from "../support/subscriptions";

const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

describe("importing subscriptions from another app", () => {
  it("never bills an imported subscription before its date", async () => {
    const { simulator } = testContext();
    const { shop, subscribers, variant } = await storeMovingIn(1);
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const id = (
      (await upload(shop, csv([{ ...row(subscribers[0]!, variant.id, 0), next_charge_date: "2026-12-20" }]))) as { redirect: string }
    ).redirect
      .split("/")
      .pop()!;
    await runToEnd(shop, id);
    const ordersOf = () => [...shop.orders.values()].filter((order) => order.customerId === subscribers[0]!.customerId);
    const at = async (iso: string) => {
      const instant = new Date(iso);
      simulator.clock.advance(Math.max(0, instant.getTime() - simulator.clock.now().getTime()));
      clockRestores.push(replaceClock(new FixedClock(instant)));
      await settle();
    };
    await at("2026-12-20T08:59:00Z");
    expect(ordersOf()).toEqual([]);
    await at("2026-12-20T09:01:00Z");
    expect(ordersOf().map((order) => order.lines[0]!.priceMinor)).toEqual([1_800]);
  });

  it("refuses a file it cannot read, says why, and keeps nothing", async () => {
    const { shop } = await storeMovingIn(1);
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${REQUIRED_COLUMNS.join(",")}\n`), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    expect(await upload(shop, latin1)).toEqual({ problem: { problem: "encoding" } });
    expect(await upload(shop, "name,email\nAda,ada@example.com\n")).toMatchObject({ problem: { problem: "missingColumns" } });
    expect(await postForm(checkAction, "/app/imports", shop.domain, new FormData())).toEqual({ problem: { problem: "noFile" } });
    expect(await db().subscriptionImport.count({ where: { shop: shop.domain } })).toBe(0);
    const { imports } = await importsLoader({ request: adminFetchRequest("/app/imports", shop.domain), params: {}, context: {} });
    expect(imports).toEqual([]);
  });

  it("settles a row a dead process left half-made: made in Shopify, it is recorded, never made again", async () => {
    const { shop, subscribers, variant } = await storeMovingIn(2);
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:00:00Z"))));
    const id = ((await upload(shop, csv(subscribers.map((s, i) => row(s, variant.id, i))))) as { redirect: string }).redirect
      .split("/")
      .pop()!;
    await runToEnd(shop, id);
    expect(shop.contracts.size).toBe(2);
    // As if the process had died after Shopify made the first row's contract, before recording it.
    const first = (await db().subscriptionImportRow.findFirst({ where: { importId: id, line: 2 } }))!;
    await db().subscriptionImportRow.update({
      where: { id: first.id },
      data: { status: "creating", contractId: null, claimedAt: new Date("2026-12-05T12:00:00Z") },
    });
    await db().subscriptionImport.update({ where: { id }, data: { status: "importing" } });
    clockRestores.push(replaceClock(new FixedClock(new Date("2026-12-05T12:10:00Z"))));
    await settle();
    expect(await db().subscriptionImportRow.findUnique({ where: { id: first.id } })).toMatchObject({
      status: "created",
      contractId: expect.any(String),
    });
    expect(shop.contracts.size).toBe(2);
    expect((await report(shop, id)).status).toBe("done");
  });
});
