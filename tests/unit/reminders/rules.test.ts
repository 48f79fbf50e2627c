import { describe, expect, it } from "vitest";
import { RuleBook, validateRule, type RuleFormFields } from "../../../app/reminders/rules";

const fields = (changes: Partial<RuleFormFields> = {}): RuleFormFields => ({
  scope: "product",
  targetId: "gid://shopify/Product/1",
  title: "House Blend",
  intervalDays: "30",
  leadDays: "3",
  discountCode: "",
  ...changes,
});

describe("a reminder rule as the merchant fills it in", () => {
  it("is saved with whole days and an optional code", () => {
    expect(validateRule(fields({ discountCode: " COMEBACK10 " })).rule).toEqual({
      scope: "product",
      targetId: "gid://shopify/Product/1",
      title: "House Blend",
      intervalDays: 30,
      leadDays: 3,
      discountCode: "COMEBACK10",
    });
    expect(validateRule(fields({ leadDays: "" })).rule?.leadDays).toBe(0);
  });

  it("is refused field by field", () => {
    expect(validateRule(fields({ scope: "variant" })).errors).toEqual({ target: "required" });
    expect(validateRule(fields({ intervalDays: "" })).errors).toEqual({ intervalDays: "required" });
    expect(validateRule(fields({ intervalDays: "2.5" })).errors).toEqual({ intervalDays: "wholeDays" });
    expect(validateRule(fields({ intervalDays: "400" })).errors).toEqual({ intervalDays: "intervalRange" });
    expect(validateRule(fields({ leadDays: "30" })).errors).toEqual({ leadDays: "leadTooLong" });
    expect(validateRule(fields({ leadDays: "-1" })).errors).toEqual({ leadDays: "wholeDays" });
    expect(validateRule(fields({ discountCode: "TWO WORDS" })).errors).toEqual({ discountCode: "codeFormat" });
    expect(validateRule(fields({ discountCode: "X".repeat(256) })).errors).toEqual({ discountCode: "codeFormat" });
  });
});

describe("the rule for an order line", () => {
  const rule = (id: string, scope: string, targetId: string) => ({
    id,
    scope,
    targetId,
    intervalDays: 30,
    leadDays: 0,
    discountCode: null,
  });
  const book = new RuleBook([
    rule("by-collection", "collection", "gid://shopify/Collection/9"),
    rule("by-product", "product", "gid://shopify/Product/1"),
    rule("by-variant", "variant", "gid://shopify/ProductVariant/11"),
  ]);

  it("is the variant's, then the product's, then a collection's", () => {
    expect(book.ruleFor("gid://shopify/ProductVariant/11", "gid://shopify/Product/1", ["gid://shopify/Collection/9"])?.id).toBe(
      "by-variant",
    );
    expect(book.ruleFor("gid://shopify/ProductVariant/12", "gid://shopify/Product/1", ["gid://shopify/Collection/9"])?.id).toBe(
      "by-product",
    );
    expect(book.ruleFor("gid://shopify/ProductVariant/21", "gid://shopify/Product/2", ["gid://shopify/Collection/9"])?.id).toBe(
      "by-collection",
    );
    expect(book.ruleFor("gid://shopify/ProductVariant/21", "gid://shopify/Product/2", [])).toBeUndefined();
    expect(book.hasCollectionRules).toBe(true);
  });
});
