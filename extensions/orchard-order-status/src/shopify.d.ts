// The API of this extension's target, as the global `shopify` (customer account UI extensions 2025-10+).
import "@shopify/ui-extensions";

declare module "./SubscriptionLink.tsx" {
  const shopify: import("@shopify/ui-extensions/customer-account.order-status.block.render").Api;
}
