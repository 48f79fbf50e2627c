// Keeps the protection choice in step with the variant the theme's picker selects (the band its
// price falls in, rendered on the server) and, when the shopper chose a term, adds the protection
// line with the product's quantity just before the theme's own add to cart adds the product with a
// form-associated link property: the theme's cart drawer or notification then shows both, and the
// cart check keeps them in step afterwards.
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
    var root = (window.Shopify && window.Shopify.routes && window.Shopify.routes.root) || "/";
    var shown = null;
    var passing = false;

    function sync() {
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
    }

    document.addEventListener(
      "submit",
      function (event) {
        if (event.target !== form || passing) return;
        var chosen = block.querySelector("input[data-orchard-term]:checked");
        link.value = "";
        if (!chosen || !chosen.value) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        var id = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random();
        var properties = { _orchard_protects: id };
        properties[block.getAttribute("data-orchard-protects-label")] = block.getAttribute("data-orchard-product-title");
        fetch(root + "cart/add.js", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            items: [{ id: Number(chosen.value), quantity: Number(new FormData(form).get("quantity")) || 1, properties: properties }],
          }),
        })
          .then(function (response) {
            return response.ok;
          })
          .catch(function () {
            return false;
          })
          .then(function (added) {
            link.value = added ? id : "";
            block.querySelector("[data-orchard-error]").hidden = added;
            passing = true;
            form.requestSubmit(event.submitter && event.submitter.form === form ? event.submitter : null);
            passing = false;
          });
      },
      true,
    );
    document.addEventListener("change", sync);
    document.addEventListener("variant:update", function () {
      setTimeout(sync);
    });
    new MutationObserver(sync).observe(form, { subtree: true, attributes: true, attributeFilter: ["value"] });
    sync();
  }

  document.querySelectorAll("[data-orchard-protection]").forEach(init);
})();
