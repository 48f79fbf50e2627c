import { describe, expect, it } from "vitest";
import { bulkCreateEventsBody, klaviyoMetricOf, looksLikePrivateKey } from "../../../app/klaviyo/klaviyo-metrics";

const delivered = {
  id: "evt_1",
  publishedAt: new Date("2026-12-05T10:00:00Z"),
  shop: "coffee.myshopify.com",
  customerId: "gid://shopify/Customer/42",
  customerEmail: "ana@example.com",
};
const contractId = "gid://shopify/SubscriptionContract/7";

describe("Klaviyo metrics", () => {
  it("name each event as a metric with the properties a Klaviyo flow needs", () => {
    expect(
      klaviyoMetricOf("subscription.statusChanged", {
        ...delivered,
        payload: { contractId, change: "cancelled", cancellationReason: "too_expensive" },
      }),
    ).toEqual({
      metric: "Orchard Subscription Cancelled",
      properties: { SubscriptionContractId: contractId, CancellationReason: "too_expensive" },
    });
    expect(
      klaviyoMetricOf("reminder.sent", {
        ...delivered,
        payload: {
          reminderId: "r1",
          productId: "gid://shopify/Product/5",
          productTitle: "Coffee – 1 kg",
          quantity: 2,
          discountCode: "BACK10",
          reorderUrl: "https://orchard.example.com/reminders/r1/reorder?s=x",
          subscribeUrl: null,
        },
      }),
    ).toEqual({
      metric: "Orchard Reorder Reminder Sent",
      properties: {
        ProductId: "gid://shopify/Product/5",
        ProductTitle: "Coffee – 1 kg",
        Quantity: 2,
        DiscountCode: "BACK10",
        ReorderUrl: "https://orchard.example.com/reminders/r1/reorder?s=x",
        SubscribeUrl: null,
      },
    });
    expect(
      klaviyoMetricOf("subscription.statusChanged", { ...delivered, payload: { contractId, change: "ended", cancellationReason: null } }),
    ).toBeNull();
  });

  it("batch events by profile in Klaviyo's Bulk Create Events body, each with its time and unique id", () => {
    const event = (email: string, metric: string, uniqueId: string) => ({
      email,
      metric,
      properties: { SubscriptionContractId: contractId },
      uniqueId,
      occurredAt: new Date("2026-12-05T10:00:00Z"),
    });
    const body = bulkCreateEventsBody([
      event("ana@example.com", "A", "1"),
      event("bo@example.com", "B", "2"),
      event("ana@example.com", "C", "3"),
    ]);
    expect(body.data.type).toBe("event-bulk-create-job");
    const entries = body.data.attributes["events-bulk-create"].data;
    expect(
      entries.map((e) => [e.attributes.profile.data.attributes.email, e.attributes.events.data.map((d) => d.attributes.unique_id)]),
    ).toEqual([
      ["ana@example.com", ["1", "3"]],
      ["bo@example.com", ["2"]],
    ]);
    expect(entries[0]!.attributes.events.data[0]).toEqual({
      type: "event",
      attributes: {
        metric: { data: { type: "metric", attributes: { name: "A" } } },
        properties: { SubscriptionContractId: contractId },
        time: "2026-12-05T10:00:00.000Z",
        unique_id: "1",
      },
    });
  });

  it("take a private key, not a public site id or a sentence", () => {
    expect(looksLikePrivateKey("pk_0123456789abcdef0123456789abcdef00")).toBe(true);
    expect(looksLikePrivateKey("AbC123")).toBe(false);
    expect(looksLikePrivateKey("pk_ 0123456789abcdef0123")).toBe(false);
  });
});
