// The cart check: a protection line (property _orchard_protects) always has the quantity of the
// product line it protects (property _orchard_link); a protection line whose product is gone is
// removed. Runs on every page load and after every cart change the theme makes through the AJAX
// cart API, because themes change carts in ways Orchard cannot see otherwise.
(function () {
  "use strict";

  /** The changes that make the cart right: [{ id: line key, quantity }]. Pure, for tests. */
  function repairs(cart) {
    var linked = {};
    cart.items.forEach(function (item) {
      var link = item.properties && item.properties._orchard_link;
      if (link) linked[link] = (linked[link] || 0) + item.quantity;
    });
    var changes = [];
    cart.items.forEach(function (item) {
      var link = item.properties && item.properties._orchard_protects;
      if (!link) return;
      // A second protection line for the same product protects nothing more.
      var wanted = linked[link] || 0;
      linked[link] = 0;
      if (item.quantity !== wanted) changes.push({ id: item.key, quantity: wanted });
    });
    return changes;
  }

  window.OrchardProtection = { repairs: repairs };
  if (typeof window.fetch !== "function" || !window.document) return;

  var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
  var nativeFetch = window.fetch.bind(window);
  var running = null;
  var again = false;

  function check() {
    if (running) {
      again = true;
      return running;
    }
    running = nativeFetch(root + "cart.js", { headers: { accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (cart) {
        var changes = repairs(cart);
        return changes
          .reduce(function (previous, change) {
            return previous.then(function () {
              return nativeFetch(root + "cart/change.js", {
                method: "POST",
                headers: { "content-type": "application/json", accept: "application/json" },
                body: JSON.stringify(change),
              });
            });
          }, Promise.resolve())
          .then(function () {
            return changes.length;
          });
      })
      .then(function (changed) {
        if (!changed) return;
        document.dispatchEvent(new CustomEvent("orchard:cart-repaired", { detail: { changes: changed } }));
        // The cart page shows what the server rendered: show it again, corrected.
        if (/\/cart\/?$/.test(window.location.pathname)) window.location.reload();
      })
      .catch(function () {})
      .then(function () {
        running = null;
        if (again) {
          again = false;
          check();
        }
      });
    return running;
  }

  var cartChange = /\/cart\/(add|change|update|clear)(\.js)?(\?|$)/;
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    var result = nativeFetch(input, init);
    // The protection offer adds its line just before the theme adds the product: check after that.
    var protectionFirst = init && init.headers && init.headers["x-orchard-protection"];
    if (cartChange.test(url) && !protectionFirst)
      result.then(function () {
        check();
      });
    return result;
  };
  var xhr = window.XMLHttpRequest.prototype;
  var open = xhr.open;
  xhr.open = function (method, url) {
    if (cartChange.test(String(url)))
      this.addEventListener("loadend", function () {
        check();
      });
    return open.apply(this, arguments);
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();
