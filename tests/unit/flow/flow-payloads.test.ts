import { describe, expect, it } from "vitest";
import { flowActionInput, flowActionRequestOf } from "../../../app/flow/flow-actions";
import { flowTriggerNamed, flowTriggerOf, legacyResourceId } from "../../../app/flow/flow-triggers";
import { lifecycleCallbackOf } from "../../../app/flow/lifecycle-callback";

const shop = "coffee.myshopify.com";
const customerId = "gid://shopify/Customer/42";
const contractId = "gid://shopify/SubscriptionContract/7";

describe("Flow trigger payloads", () => {
  it("give Flow the customer's numeric id and the contract's gid", () => {
    expect(legacyResourceId(customerId)).toBe(42);
    expect(legacyResourceId("redacted:1b2c")).toBeNull();
    const event = { shop, customerId, payload: { contractId, change: "paused" as const, cancellationReason: null } };
    expect(flowTriggerOf("subscription.statusChanged", event)).toEqual({
      handle: "subscription-paused",
      payload: { customer_id: 42, "subscription contract id": contractId },
    });
  });

  it("carry the cancellation reason (empty when none was asked) on cancellations only", () => {
    const cancelled = (reason: string | null) => ({
      shop,
      customerId,
      payload: { contractId, change: "cancelled" as const, cancellationReason: reason },
    });
    expect(flowTriggerOf("subscription.statusChanged", cancelled("too_expensive"))?.payload["cancellation reason"]).toBe("too_expensive");
    expect(flowTriggerOf("subscription.statusChanged", cancelled(null))?.payload["cancellation reason"]).toBe("");
  });

  it("send nothing for a subscription that ran its course, or for a customer Flow cannot look up", () => {
    expect(
      flowTriggerOf("subscription.statusChanged", { shop, customerId, payload: { contractId, change: "ended", cancellationReason: null } }),
    ).toBeNull();
    expect(
      flowTriggerOf("subscription.paymentFailed", { shop, customerId: null, payload: { contractId, cycle: 1, retry: 0, errorCode: "X" } }),
    ).toBeNull();
    expect(
      flowTriggerOf("subscription.paymentFailed", {
        shop,
        customerId: "redacted:9",
        payload: { contractId, cycle: 1, retry: 0, errorCode: "X" },
      }),
    ).toBeNull();
  });

  it("reference the product of a reminder and the order of a claim", () => {
    expect(
      flowTriggerOf("reminder.converted", {
        shop,
        customerId,
        payload: { reminderId: "r", productId: "gid://shopify/Product/5", conversion: "subscription", orderId: null },
      }),
    ).toEqual({ handle: "reminder-converted", payload: { customer_id: 42, product_id: 5, conversion: "subscription" } });
    expect(
      flowTriggerOf("protection.claimFiled", {
        shop,
        customerId,
        payload: { claimId: "c", orderId: "gid://shopify/Order/9", reason: "theft" },
      }),
    ).toEqual({ handle: "claim-filed", payload: { customer_id: 42, order_id: 9, "claim reason": "theft" } });
    // A product Flow could not look up: no run, rather than one Flow would fail on.
    expect(
      flowTriggerOf("reminder.sent", {
        shop,
        customerId,
        payload: {
          reminderId: "r",
          productId: "not-a-gid",
          productTitle: "Beans",
          quantity: 1,
          discountCode: null,
          reorderUrl: "https://x.example/r",
          subscribeUrl: null,
        },
      }),
    ).toBeNull();
  });

  it("know a trigger by its handle or its name", () => {
    expect(flowTriggerNamed("claim-filed")).toBe("claim-filed");
    expect(flowTriggerNamed("Protection claim filed")).toBe("claim-filed");
    expect(flowTriggerNamed("Add row to spreadsheet")).toBeNull();
    expect(flowTriggerNamed("toString")).toBeNull();
  });
});

describe("Flow's lifecycle callback", () => {
  const callback = {
    flow_trigger_definition_id: "Subscription paused",
    has_enabled_flow: true,
    shop_id: 1,
    shopify_domain: shop,
    timestamp: "2026-12-05T10:00:00.000Z",
  };

  it("is read as documented, fields Flow may add later ignored", () => {
    expect(lifecycleCallbackOf({ ...callback, added_later: 1 })).toEqual({
      shop,
      triggerId: "Subscription paused",
      enabled: true,
      at: new Date("2026-12-05T10:00:00.000Z"),
    });
  });

  it("is refused without a boolean, a shop domain or a real timestamp", () => {
    expect(lifecycleCallbackOf({ ...callback, has_enabled_flow: "true" })).toBeNull();
    expect(lifecycleCallbackOf({ ...callback, shopify_domain: "evil.example.com" })).toBeNull();
    expect(lifecycleCallbackOf({ ...callback, timestamp: "yesterday" })).toBeNull();
    expect(lifecycleCallbackOf({ ...callback, flow_trigger_definition_id: "" })).toBeNull();
  });
});

describe("Flow action properties", () => {
  const contract = { "subscription contract id": contractId };

  it("take a contract's gid or its number, and each action's own fields within bounds", () => {
    expect(flowActionInput("skip-next-order", { "subscription contract id": "7" })).toEqual({
      input: { kind: "skip", contractId },
    });
    expect(flowActionInput("pause-subscription", { ...contract, "pause months": 3 })).toEqual({
      input: { kind: "pause", contractId, months: 3 },
    });
    expect(
      flowActionInput("add-one-time-product", {
        ...contract,
        "product variant id": "gid://shopify/ProductVariant/3",
        quantity: "2",
      }),
    ).toEqual({
      input: { kind: "addOneTime", contractId, variantId: "gid://shopify/ProductVariant/3", quantity: 2 },
    });
    expect(flowActionInput("discount-next-order", { ...contract, "percent off": 100 })).toEqual({
      input: { kind: "discount", contractId, percent: 100 },
    });
  });

  it("refuse what is not, with a message the merchant can act on", () => {
    expect(flowActionInput("skip-next-order", { "subscription contract id": "gid://shopify/Order/7" })).toEqual({
      error: expect.stringContaining("subscription contract id"),
    });
    expect(flowActionInput("pause-subscription", { ...contract, "pause months": 1.5 })).toEqual({
      error: expect.stringContaining("pause months"),
    });
    expect(flowActionInput("discount-next-order", { ...contract, "percent off": 0 })).toEqual({
      error: expect.stringContaining("percent off"),
    });
    expect(flowActionInput("add-one-time-product", { ...contract, "product variant id": "3", quantity: 101 })).toEqual({
      error: expect.stringContaining("quantity"),
    });
    expect(flowActionInput("orchard-delete-everything", contract)).toEqual({ error: "Unknown action: orchard-delete-everything" });
  });

  it("read Flow's request: the shop, the run and the properties, nothing less", () => {
    const body = {
      shop_id: "1",
      shopify_domain: shop,
      action_run_id: "run-1",
      action_definition_id: "Skip",
      handle: "skip-next-order",
      properties: contract,
    };
    expect(flowActionRequestOf(body)).toEqual({ shop, actionRunId: "run-1", handle: "skip-next-order", properties: contract });
    expect(flowActionRequestOf({ ...body, properties: [] })).toBeNull();
    expect(flowActionRequestOf({ ...body, action_run_id: "" })).toBeNull();
    expect(flowActionRequestOf({ ...body, shopify_domain: "x.example" })).toBeNull();
  });
});
