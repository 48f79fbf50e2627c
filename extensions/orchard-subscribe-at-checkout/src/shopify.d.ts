// The API of this extension's target, as the global `shopify` (checkout UI extensions 2025-10+).
import "@shopify/ui-extensions";

declare module "./SubscribeOffer.tsx" {
  const shopify: import("@shopify/ui-extensions/purchase.checkout.cart-line-item.render-after").Api;
}
