import { describe, expect, it } from "vitest";
import { nextOrderWindow, parseSubscriptionFilters, searchTextOf } from "../../../app/subscriptions/subscription-list";

const parse = (query: string) => parseSubscriptionFilters(new URLSearchParams(query));

describe("the subscriptions list's filters", () => {
  it("keeps what it understands from the URL and drops the rest", () => {
    expect(
      parse("query=%20Zo%C3%A9%20&status=PAUSED&plan=gid://shopify/SellingPlan/12&nextFrom=2026-03-01&nextTo=2026-03-31&dunning=1&page=3"),
    ).toEqual({
      filters: {
        query: "Zoé",
        status: "PAUSED",
        sellingPlanId: "gid://shopify/SellingPlan/12",
        nextFrom: "2026-03-01",
        nextTo: "2026-03-31",
        dunning: true,
      },
      page: 3,
    });
    const odd = parse(
      `query=${"x".repeat(500)}&status=paused&plan=gid://shopify/Product/1&nextFrom=2026-02-29&nextTo=tomorrow&dunning=yes&page=1.5`,
    );
    expect(odd.filters.query).toHaveLength(100);
    expect({ ...odd.filters, query: "" }).toEqual({
      query: "",
      status: null,
      sellingPlanId: null,
      nextFrom: null,
      nextTo: null,
      dunning: false,
    });
    expect(odd.page).toBe(1);
  });

  it("bounds the next order by whole days of the shop's calendar, across a change of clocks", () => {
    // Paris springs forward on 29 March 2026: that day is 23 hours long.
    const window = nextOrderWindow(parse("nextFrom=2026-03-29&nextTo=2026-03-29").filters, "Europe/Paris")!;
    expect(window.gte!.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(window.lt!.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(nextOrderWindow(parse("nextTo=2026-01-01").filters, "Asia/Tokyo")).toEqual({ lt: new Date("2026-01-01T15:00:00Z") });
    expect(nextOrderWindow(parse("").filters, "UTC")).toBeNull();
  });

  it("searches a lower-cased text in which a typed wildcard is only itself", () => {
    const text = searchTextOf({ displayName: "Zoé MARTIN", email: "zoe_m@example.com", titles: ["100% Arabica"] });
    expect(text).toContain("zoé martin");
    expect(text).not.toMatch(/[%_]/);
    expect(searchTextOf({ displayName: null, email: null, titles: [] })).toBe("");
  });
});
