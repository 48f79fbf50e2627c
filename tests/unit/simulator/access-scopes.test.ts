import { describe, expect, it } from "vitest";
import { grants, parseRequiredAccess, satisfied } from "../../../simulator/admin-api/access-scopes";

/** The shapes of `requiredAccess` text in Shopify's published Admin schema that decide a token's access. */
describe("the simulator's reading of Shopify's requiredAccess", () => {
  it.each([
    ["`read_themes` access scope.", [["read_themes"]]],
    [
      "`read_orders` access scope, `read_marketplace_orders` access scope or `read_quick_sale` access scope.",
      [["read_orders", "read_marketplace_orders", "read_quick_sale"]],
    ],
    [
      "the `read_own_subscription_contracts` or `write_own_subscription_contracts` scope.",
      [["read_own_subscription_contracts", "write_own_subscription_contracts"]],
    ],
    [
      "`write_products` access scope as well as any of `write_own_subscription_contracts`, `write_purchase_options` access scopes. Also: The user must have `manage_orders_information` permissions.",
      [["write_products"], ["write_own_subscription_contracts", "write_purchase_options"]],
    ],
    [
      "`read_customers` access scope. Also: Requires `read_customer_payment_methods` scope.",
      [["read_customers"], ["read_customer_payment_methods"]],
    ],
    ["Any of `read_x` or `read_y` access scopes or `view_z` user permission.", [["read_x", "read_y"]]],
  ])("%s", (text, groups) => {
    expect(parseRequiredAccess(text)?.groups).toEqual(groups);
  });

  it("leaves open what a token's scopes do not decide", () => {
    expect(parseRequiredAccess("The user must have access to payouts.")).toBeNull();
    expect(
      parseRequiredAccess("Only accessible by supported access tokens: https://shopify.dev/docs/api/usage/bulk-operations/queries."),
    ).toBeNull();
  });

  it("needs every group, one scope of each; a write scope carries its read scope, not the other way", () => {
    const requirement = parseRequiredAccess(
      "`write_products` access scope as well as any of `write_own_subscription_contracts`, `write_purchase_options` access scopes.",
    )!;
    expect(satisfied(requirement, new Set(["write_products", "write_purchase_options"]))).toBe(true);
    expect(satisfied(requirement, new Set(["write_products"]))).toBe(false);
    expect(grants(new Set(["write_orders"]), "read_orders")).toBe(true);
    expect(grants(new Set(["read_orders"]), "write_orders")).toBe(false);
  });
});
