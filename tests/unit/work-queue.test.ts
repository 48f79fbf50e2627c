import { describe, expect, it } from "vitest";
import { inArrivalOrder, oldestFirst } from "../../app/work-queue.server";

describe("the oldest claimable items of a work queue", () => {
  it("merges the waiting and the abandoned in time order, up to the limit", async () => {
    const at = (minute: number) => ({ id: `m${minute}`, at: new Date(Date.UTC(2026, 10, 24, 10, minute)) });
    const waiting = Promise.resolve([at(1), at(4), at(5)]);
    const abandoned = Promise.resolve([at(2), at(3)]);
    const oldest = await oldestFirst([waiting, abandoned], (item) => item.at, 4);
    expect(oldest.map((item) => item.id)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("orders items of the same moment by id, so every worker works them in one order", () => {
    const moment = new Date(Date.UTC(2026, 10, 24, 10));
    const items = [
      { id: "b", at: moment },
      { id: "a", at: moment },
      { id: "c", at: new Date(moment.getTime() - 1) },
    ];
    expect(items.sort(inArrivalOrder((item) => item.at)).map((item) => item.id)).toEqual(["c", "a", "b"]);
  });
});
