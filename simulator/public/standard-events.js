// The simulator's stand-in for Shopify's storefront standard events module
// (https://cdn.shopify.com/storefront/standard-events.js, imported by themes as '@shopify/events'),
// which these machines cannot reach. It provides what Horizon imports, with the behaviour its code
// relies on: events that bubble out of the element that dispatches them, carrying a `detail` and a
// `promise` the dispatcher resolves with { cart, detail } or { html, … } once its request is done.
// Shopify's own analytics are not modelled.

export const StandardEvents = {
  cartLinesUpdate: "shopify:cart:lines-update",
  cartDiscountUpdate: "shopify:cart:discount-update",
  cartNoteUpdate: "shopify:cart:note-update",
  cartError: "shopify:cart:error",
  productSelect: "shopify:product:select",
  collectionUpdate: "shopify:collection:update",
  searchUpdate: "shopify:search:update",
  pageView: "shopify:page:view",
};

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A listener that never awaits must not turn a rejection into an unhandled one.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

class StandardEvent extends Event {
  constructor(name, payload = {}) {
    super(name, { bubbles: true, composed: true });
    this.detail = payload.detail ?? {};
    this.promise = payload.promise;
    this.payload = payload;
    Object.assign(this, payload, { detail: this.detail });
  }

  static createPromise() {
    return deferred();
  }

  /** The cart shape Shopify's events carry, from an AJAX API cart (/cart.js). */
  static createCartFromAjaxResponse(cart) {
    return {
      id: cart.token,
      totalQuantity: cart.item_count,
      note: cart.note,
      cost: { totalAmount: { amount: cart.total_price / 100, currencyCode: cart.currency } },
      lines: (cart.items ?? []).map((item) => ({
        id: item.key,
        quantity: item.quantity,
        merchandise: { id: String(item.variant_id), product: { id: String(item.product_id), title: item.product_title } },
        cost: { totalAmount: { amount: item.final_line_price / 100, currencyCode: cart.currency } },
      })),
    };
  }

  static getSortKey(value) {
    return value ?? null;
  }

  static parseProductFilters(params) {
    return [...new URLSearchParams(params ?? "")].filter(([key]) => key.startsWith("filter.")).map(([key, value]) => ({ key, value }));
  }
}

const named = (name) =>
  class extends StandardEvent {
    static eventName = name;
    constructor(payload) {
      super(name, payload);
    }
  };

export const CartLinesUpdateEvent = named(StandardEvents.cartLinesUpdate);
export const CartDiscountUpdateEvent = named(StandardEvents.cartDiscountUpdate);
export const CartNoteUpdateEvent = named(StandardEvents.cartNoteUpdate);
export const CartErrorEvent = named(StandardEvents.cartError);
export const ProductSelectEvent = named(StandardEvents.productSelect);
export const CollectionUpdateEvent = named(StandardEvents.collectionUpdate);
export const SearchUpdateEvent = named(StandardEvents.searchUpdate);
export const PageViewEvent = named(StandardEvents.pageView);

/** A custom element class that reports when it is viewed; here it only has to be the element it extends. */
export function createViewEventElement(Base) {
  return class extends Base {};
}
