import { describe, expect, it } from "vitest";
import { reminderLink, reorderPermalink, signLink, subscribePage, verifyLink } from "../../../app/reminders/links";

const secret = "app-secret";

describe("reminder links", () => {
  it("are signed for one reminder and one purpose", () => {
    const signature = signLink(secret, "rem1", "unsubscribe");
    expect(verifyLink([secret], "rem1", "unsubscribe", signature)).toBe(true);
    expect(verifyLink([secret], "rem2", "unsubscribe", signature)).toBe(false);
    expect(verifyLink([secret], "rem1", "reorder", signature)).toBe(false);
    expect(verifyLink(["another-secret"], "rem1", "unsubscribe", signature)).toBe(false);
    expect(verifyLink([secret], "rem1", "unsubscribe", signature.slice(0, -1))).toBe(false);
    expect(verifyLink([secret], "rem1", "delete", signature)).toBe(false);
    const url = new URL(reminderLink("https://orchard.example.com", secret, "rem1", "reorder"));
    expect(url.pathname).toBe("/reminders/rem1/reorder");
    expect(verifyLink([secret], "rem1", "reorder", url.searchParams.get("sig")!)).toBe(true);
  });

  it("verify by the current key or the one before a rotation, so links already mailed keep working", () => {
    const before = signLink("old-key", "rem1", "reorder");
    expect(verifyLink(["new-key", "old-key"], "rem1", "reorder", before)).toBe(true);
    expect(verifyLink(["new-key"], "rem1", "reorder", before)).toBe(false);
  });

  it("reorder through a cart permalink with the quantity, the code and the reminder", () => {
    const url = new URL(
      reorderPermalink("https://shop.example.com", {
        variantId: "gid://shopify/ProductVariant/42",
        quantity: 3,
        discountCode: "BACK 10",
        reminderId: "rem1",
      }),
    );
    expect(url.pathname).toBe("/cart/42:3");
    expect(url.searchParams.get("discount")).toBe("BACK 10");
    expect(url.searchParams.get("attributes[_orchard_reminder]")).toBe("rem1");
  });

  it("subscribe through the product page with the variant and plan chosen", () => {
    const url = subscribePage("http://127.0.0.1:9/storefront/demo", {
      handle: "house-blend",
      variantId: "gid://shopify/ProductVariant/42",
      sellingPlanId: "gid://shopify/SellingPlan/7",
    });
    expect(url).toBe("http://127.0.0.1:9/storefront/demo/products/house-blend?variant=42&selling_plan=7");
  });
});
