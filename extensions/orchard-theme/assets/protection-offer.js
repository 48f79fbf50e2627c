// Keeps the protection choice in step with the variant the theme's picker selects (the band its
// price falls in, rendered on the server). Choosing a term enables a link property associated with
// the theme's product form; when the theme's own add to cart sends the product with it, the
// protection line is added first with the product's quantity, so the theme's cart drawer or
// notification shows both, and the cart check keeps them in step afterwards.
(function () {
  "use strict";

  // The add-to-cart form of the block's section (Dawn's installment form has no submit button).
  function productForm(block) {
    var forms = (block.closest(".shopify-section") || document).querySelectorAll('form[action*="/cart/add"]');
    for (var i = 0; i < forms.length; i += 1) if (forms[i].querySelector('[type="submit"]')) return forms[i];
    return null;
  }

  function init(block) {
    var form = productForm(block);
    if (!form) {
      var note = block.querySelector("[data-orchard-no-form]");
      if (note) note.hidden = false;
      else block.hidden = true;
      return;
    }
    var link = block.querySelector("[data-orchard-link]");
    // form.id would be the theme's <input name="id">: a form's named fields shadow its properties.
    if (form.getAttribute("id")) link.setAttribute("form", form.getAttribute("id"));
    else form.appendChild(link);
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
      shown = id;
      var offered = false;
      block.querySelectorAll("[data-orchard-variant]").forEach(function (price) {
        price.hidden = price.getAttribute("data-orchard-variant") !== id;
      });
      block.querySelectorAll("input[data-orchard-term]").forEach(function (input) {
        var price = input.closest("label").querySelector('[data-orchard-variant="' + id + '"]');
        input.value = (price && price.getAttribute("data-orchard-protection-variant")) || "";
        input.disabled = !input.value;
        if (input.disabled && input.checked) block.querySelector('input[value=""]').checked = true;
        offered = offered || !input.disabled;
      });
      block.querySelector("[data-orchard-unavailable]").hidden = offered;
      link.disabled = !chosen();
    }

    // The protection line, with the product's quantity; the cart check waits for the product.
    function addProtection(quantity) {
      var term = chosen();
      var properties = { _orchard_protects: link.value };
      properties[block.getAttribute("data-orchard-protects-label")] = block.getAttribute("data-orchard-product-title");
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

  document.querySelectorAll("[data-orchard-protection]").forEach(init);
})();
