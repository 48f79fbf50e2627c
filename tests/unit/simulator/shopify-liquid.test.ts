import { describe, expect, it } from "vitest";
import { formatMoney, moneyFormatsFor } from "../../../simulator/storefront/theme/money";
import { ColorDrop, FontDrop } from "../../../simulator/storefront/theme/setting-drops";
import { shopifyJson, translate } from "../../../simulator/storefront/theme/shopify-liquid";
import { parseThemeJson } from "../../../simulator/storefront/theme/theme-source";

describe("the simulator's Shopify Liquid", () => {
  it("formats money from minor units with each of Shopify's amount placeholders", () => {
    expect(formatMoney(123456, "${{amount}}")).toBe("$1,234.56");
    expect(formatMoney(123456, "{{amount_with_comma_separator}} €")).toBe("1.234,56 €");
    expect(formatMoney(123456, "{{amount_no_decimals}}")).toBe("1,235");
    expect(formatMoney(-1500, moneyFormatsFor("USD").money_format)).toBe("-$15.00");
    expect(moneyFormatsFor("EUR").money_format).toContain("amount_with_comma_separator");
  });

  it("translates with the locale's plural rules (French counts 0 as one) and fills placeholders", () => {
    const locale = { items: { one: "{{ count }} article", other: "{{ count }} articles" } };
    const fr = { locale, fallbackLocale: {}, localeCode: "fr" };
    expect(translate(fr, "items", [["count", 0]])).toBe("0 article");
    expect(translate({ ...fr, localeCode: "en" }, "items", [["count", 0]])).toBe("0 articles");
    expect(translate(fr, "missing", [])).toBe("Translation missing: fr.missing");
  });

  it("writes json as Shopify does: nothing in it can close the <script> it is printed in", () => {
    const title = "</script><script>alert('x & y')</script>";
    expect(shopifyJson({ title, url: "/products/a" })).toBe(
      '{"title":"\\u003c\\/script\\u003e\\u003cscript\\u003ealert(\'x \\u0026 y\')\\u003c\\/script\\u003e","url":"\\/products\\/a"}',
    );
    expect(JSON.parse(shopifyJson({ title }))).toEqual({ title });
  });

  it("reads theme JSON with comments, as Shopify's generated headers and translators' notes have them", () => {
    expect(parseThemeJson('/* generated */ { "a": "http://x", // note\n "b": 1 }')).toEqual({ a: "http://x", b: 1 });
  });

  it("gives theme settings Shopify's objects: colors by channel, fonts by family and weight", () => {
    const color = ColorDrop.parse("#121212")!;
    expect([color.red, color.rgb, color.valueOf()]).toEqual([18, "18 18 18", "#121212"]);
    expect(color.withLightness(50).lightness).toBe(57);
    const font = new FontDrop("assistant_n4");
    expect([font.family, font.weight, font.style, font.modify("weight", "bold")?.weight]).toEqual(["Assistant", "400", "normal", "700"]);
  });
});
