import { describe, expect, it } from "vitest";
import { inArrivalOrder, oldestFirst, workClaimed } from "../../app/work-queue.server";

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

describe("working claimed items", () => {
  it("claims a chunk at a time, works what it won in order of arrival, and counts what was done", async () => {
    const arrived = (id: string, minute: number) => ({ id, at: new Date(Date.UTC(2026, 10, 24, 10, minute)) });
    const items = new Map([arrived("a", 3), arrived("b", 1), arrived("c", 2), arrived("d", 5), arrived("e", 4)].map((i) => [i.id, i]));
    const claims: string[][] = [];
    const worked: string[] = [];
    const done = await workClaimed(["a", "b", "c", "d", "e"], {
      chunk: 2,
      // Another worker won "c"; the rest come back out of order.
      claim: async (ids) => {
        claims.push(ids);
        return ids
          .filter((id) => id !== "c")
          .map((id) => items.get(id)!)
          .reverse();
      },
      at: (item) => item.at,
      work: async (item) => {
        worked.push(item.id);
        return item.id !== "d";
      },
    });
    expect(claims).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(worked).toEqual(["b", "a", "d", "e"]);
    expect(done).toBe(3);
  });
});
