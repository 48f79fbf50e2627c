// Orchard's product page blocks, joined to the theme's own product form (Dawn, Horizon, any theme
// whose add to cart posts a form to /cart/add):
// - Subscribe and save: the block's selling_plan field is associated with the form (form="…"), so
//   the theme's add to cart posts the shopper's choice whatever its script does, and it survives the
//   theme re-rendering the form. It shows the plans and prices of the variant the theme's picker
//   selects (all rendered on the server) and announces them to screen readers.
// - Protection: choosing a term enables a link property associated with the form; when the theme's
//   own add to cart sends the product with it, the protection line is added first with the
//   product's quantity, so the theme's cart drawer or notification shows both, and the cart check
//   keeps them in step afterwards.
(function () {
  "use strict";

  // The add-to-cart form of the block's section: Dawn's installment form posts to /cart/add too,
  // but has no submit button. Without one, nothing here could reach a cart: the merchant is told
  // in the theme editor, shoppers see nothing.
  function productForm(block) {
    var forms = (block.closest(".shopify-section") || document).querySelectorAll('form[action*="/cart/add"]');
    for (var i = 0; i < forms.length; i += 1) if (forms[i].querySelector('[type="submit"]')) return forms[i];
    var note = block.querySelector("[data-orchard-no-form]");
    if (note) note.hidden = false;
    else block.hidden = true;
    return null;
  }

  // A field of the block that joins the form (form.id would be the theme's <input name="id">: a
  // form's named fields shadow its properties).
  function associate(field, form) {
    if (form.getAttribute("id")) field.setAttribute("form", form.getAttribute("id"));
    else form.appendChild(field);
  }

  function initSubscribe(block) {
    var form = productForm(block);
    if (!form) return;
    var field = block.querySelector("[data-orchard-selling-plan]");
    var own = form.querySelector('input[name="selling_plan"]');
    if (own) field.remove();
    else associate(field, form);
    var planField = own || field;
    var shown = null;

    function showVariant(id) {
      block.querySelectorAll("[data-orchard-variant]").forEach(function (price) {
        price.hidden = price.getAttribute("data-orchard-variant") !== id;
      });
      block.querySelectorAll("[data-orchard-plan-variants]").forEach(function (option) {
        var offered = (" " + option.getAttribute("data-orchard-plan-variants") + " ").indexOf(" " + id + " ") >= 0;
        var radio = option.querySelector("input");
        option.hidden = !offered;
        radio.disabled = !offered;
        if (!offered) radio.checked = false;
      });
      if (!block.querySelector('input[type="radio"]:checked')) {
        var first = block.querySelector('input[type="radio"]:not(:disabled)');
        if (first) first.checked = true;
      }
    }

    function sync() {
      var id = String(new FormData(form).get("id") || "");
      if (id && id !== shown) {
        var first = shown === null;
        shown = id;
        showVariant(id);
        if (!first) announce();
      }
      var checked = block.querySelector('input[type="radio"]:checked');
      planField.value = checked ? checked.value : "";
    }

    function announce() {
      var checked = block.querySelector('input[type="radio"]:checked');
      var option = checked && checked.closest("label");
      var price = option && option.querySelector("[data-orchard-variant]:not([hidden])");
      block.querySelector("[data-orchard-announce]").textContent = option
        ? option.querySelector(".orchard-subscribe__name").textContent + ": " + (price ? price.textContent : "")
        : "";
    }

    block.querySelectorAll('input[type="radio"]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        sync();
        announce();
      });
    });
    // The theme's picker changes the form's variant id: Dawn sets it and sends a change event,
    // Horizon re-renders the form with the new one.
    document.addEventListener("change", function (event) {
      if (!block.contains(event.target)) sync();
    });
    new MutationObserver(sync).observe(form, { subtree: true, attributes: true, attributeFilter: ["value"] });
    sync();
  }

  function initProtection(block) {
    var form = productForm(block);
    if (!form) return;
    var link = block.querySelector("[data-orchard-link]");
    associate(link, form);
    link.value = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random();
    var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
    var nativeFetch = window.fetch.bind(window);
    var shown = null;

    function chosen() {
      var input = block.querySelector("input[data-orchard-term]:checked");
      return input && input.value ? input : null;
    }

    function sync() {
      link.disabled = !chosen();
      var id = String(new FormData(form).get("id") || "");
      if (!id || id === shown) return;
      var first = shown === null;
      shown = id;
      var terms = [];
      block.querySelectorAll("[data-orchard-variant]").forEach(function (price) {
        price.hidden = price.getAttribute("data-orchard-variant") !== id;
      });
      block.querySelectorAll("input[data-orchard-term]").forEach(function (input) {
        var price = input.closest("label").querySelector('[data-orchard-variant="' + id + '"]');
        input.value = (price && price.getAttribute("data-orchard-protection-variant")) || "";
        input.disabled = !input.value;
        if (input.disabled && input.checked) block.querySelector('input[value=""]').checked = true;
        if (input.value) terms.push(input.nextElementSibling.textContent + ": " + price.textContent);
      });
      var unavailable = block.querySelector("[data-orchard-unavailable]");
      unavailable.hidden = terms.length > 0;
      link.disabled = !chosen();
      // Screen readers hear the new terms and prices, or that there are none.
      if (!first) block.querySelector("[data-orchard-announce]").textContent = terms.join(", ") || unavailable.textContent.trim();
    }

    // The protection line, with the product's quantity; the cart check waits for the product.
    function addProtection(quantity) {
      var term = chosen();
      var properties = { _orchard_protects: link.value };
      // Themes print line item properties as they are (Dawn's cart: {{ property.last }}), so the
      // product's title goes in without the angle brackets that could make it markup.
      properties[block.getAttribute("data-orchard-protects-label")] = block
        .getAttribute("data-orchard-product-title")
        .replace(/</g, "\u2039")
        .replace(/>/g, "\u203a");
      return nativeFetch(root + "cart/add.js", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-orchard-protection": "1" },
        body: JSON.stringify({ items: [{ id: Number(term.value), quantity: Number(quantity) || 1, properties: properties }] }),
      }).then(
        function (response) {
          block.querySelector("[data-orchard-error]").hidden = response.ok;
        },
        function () {
          block.querySelector("[data-orchard-error]").hidden = false;
        },
      );
    }

    // The theme's script adds the product (Dawn and Horizon post new FormData(form)).
    window.fetch = function (input, init) {
      var body = init && init.body;
      var ours = body instanceof FormData && !link.disabled && body.get("properties[_orchard_link]") === link.value;
      if (!ours || !/\/cart\/add/.test(String((input && input.url) || input))) return nativeFetch(input, init);
      return addProtection(body.get("quantity")).then(function () {
        return nativeFetch(input, init);
      });
    };
    // A theme without a script posts the form itself.
    document.addEventListener("submit", function (event) {
      if (event.target !== form || event.defaultPrevented || link.disabled) return;
      event.preventDefault();
      addProtection(new FormData(form).get("quantity")).then(function () {
        form.submit();
      });
    });
    document.addEventListener("change", sync);
    new MutationObserver(sync).observe(form, { subtree: true, attributes: true, attributeFilter: ["value"] });
    sync();
  }

  document.querySelectorAll("[data-orchard-subscribe]").forEach(initSubscribe);
  document.querySelectorAll("[data-orchard-protection]").forEach(initProtection);
})();
