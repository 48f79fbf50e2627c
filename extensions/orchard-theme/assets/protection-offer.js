// Keeps the protection choice in step with the selected variant (the band its price falls in), and
// when the shopper chose a term, adds the product and its protection together, tied by a link
// property, so the cart check can keep them in step afterwards.
(function () {
  "use strict";

  function formatMoney(cents, template) {
    return template.replace(/\{\{\s*amount\s*\}\}/, (cents / 100).toFixed(2));
  }

  function bandFor(bands, price) {
    for (var i = 0; i < bands.length; i += 1) {
      var band = bands[i];
      if (price >= band.min && (band.max === null || price <= band.max)) return band;
    }
    return null;
  }

  function linkId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function init(block) {
    var form =
      (block.closest("section, .shopify-section") || document).querySelector('form[action$="/cart/add"]') ||
      document.querySelector('form[action$="/cart/add"]');
    if (!form) return;
    var offer = JSON.parse(block.querySelector("[data-orchard-protection-offer]").textContent);
    var moneyFormat = (window.Shopify && window.Shopify.money_format) || "${{amount}}";
    var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";

    function refresh() {
      var variant = form.querySelector('[name="id"]');
      var band = variant ? bandFor(offer.bands, offer.variantPrices[variant.value]) : null;
      block.querySelectorAll("input[data-orchard-term]").forEach(function (input) {
        var months = Number(input.getAttribute("data-orchard-term"));
        var match =
          band &&
          band.variants.filter(function (v) {
            return v.months === months;
          })[0];
        input.value = match ? match.id : "";
        input.disabled = !match;
        if (!match && input.checked) block.querySelector('input[value=""]').checked = true;
        block.querySelector('[data-orchard-protection-price="' + months + '"]').textContent = match
          ? formatMoney(match.price, moneyFormat)
          : "";
      });
      block.querySelector("[data-orchard-unavailable]").hidden = Boolean(band);
    }

    form.addEventListener("change", function (event) {
      if (!block.contains(event.target)) refresh();
    });

    form.addEventListener(
      "submit",
      function (event) {
        var chosen = block.querySelector("input[data-orchard-term]:checked");
        if (!chosen || !chosen.value) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        var quantity = Number((form.querySelector('[name="quantity"]') || { value: 1 }).value) || 1;
        var link = linkId();
        var productProperties = { _orchard_link: link };
        var sellingPlan = form.querySelector('[name="selling_plan"]');
        var protectionProperties = { _orchard_protects: link };
        protectionProperties[offer.protectsLabel] = offer.productTitle;
        var productItem = { id: Number(form.querySelector('[name="id"]').value), quantity: quantity, properties: productProperties };
        if (sellingPlan && sellingPlan.value) productItem.selling_plan = Number(sellingPlan.value);
        fetch(root + "cart/add.js", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            items: [productItem, { id: Number(chosen.value), quantity: quantity, properties: protectionProperties }],
          }),
        }).then(function (response) {
          if (response.ok) window.location.href = root + "cart";
          else form.submit();
        });
      },
      true,
    );
    refresh();
  }

  document.querySelectorAll("[data-orchard-protection]").forEach(init);
})();
