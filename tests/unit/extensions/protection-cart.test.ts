import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The storefront cart check's rule, run from the very file themes load (a plain script with no
 * build step), in a sandbox without fetch so it only defines its pure part.
 */
type Cart = { items: { key: string; quantity: number; properties: Record<string, string> }[] };
const sandbox: { window: { OrchardProtection?: { repairs: (cart: Cart) => { id: string; quantity: number }[] } } } = { window: {} };
runInNewContext(readFileSync("extensions/orchard-theme/assets/protection-cart.js", "utf8"), sandbox);
const repairs = sandbox.window.OrchardProtection!.repairs;

const product = (key: string, quantity: number, link?: string) => ({
  key,
  quantity,
  properties: link ? { _orchard_link: link } : ({} as Record<string, string>),
});
const protection = (key: string, quantity: number, link: string) => ({
  key,
  quantity,
  properties: { _orchard_protects: link, Protects: "Kettle" },
});

describe("the protection cart check", () => {
  it("leaves a cart whose protection matches its products alone", () => {
    expect(repairs({ items: [product("k", 2, "a"), protection("p", 2, "a"), product("beans", 5)] })).toEqual([]);
  });

  it("makes the protection's quantity follow its product, up and down", () => {
    expect(repairs({ items: [product("k", 3, "a"), protection("p", 1, "a")] })).toEqual([{ id: "p", quantity: 3 }]);
    expect(repairs({ items: [product("k", 1, "a"), protection("p", 2, "a")] })).toEqual([{ id: "p", quantity: 1 }]);
  });

  it("removes protection whose product is gone, or that links to nothing", () => {
    expect(repairs({ items: [protection("p", 2, "a"), product("beans", 1)] })).toEqual([{ id: "p", quantity: 0 }]);
    expect(repairs({ items: [product("k", 1, "a"), protection("p", 1, "b")] })).toEqual([{ id: "p", quantity: 0 }]);
  });

  it("protects a product once: a second protection line for it goes", () => {
    expect(repairs({ items: [product("k", 2, "a"), protection("p", 2, "a"), protection("q", 1, "a")] })).toEqual([
      { id: "q", quantity: 0 },
    ]);
  });
});
