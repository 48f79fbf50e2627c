// Joins the theme's own product form: the block's selling_plan field is associated with the form
// (form="…"), so the theme's add to cart posts the shopper's choice whatever its script does, and
// it survives the theme re-rendering the form. Shows the plans and prices of the variant the
// theme's picker selects (all rendered on the server) and announces them to screen readers.
(function () {
  "use strict";

  // The add-to-cart form of the block's section: Dawn's installment form posts to /cart/add too,
  // but has no submit button.
  function productForm(block) {
    var forms = (block.closest(".shopify-section") || document).querySelectorAll('form[action*="/cart/add"]');
    for (var i = 0; i < forms.length; i += 1) if (forms[i].querySelector('[type="submit"]')) return forms[i];
    return null;
  }

  function init(block) {
    var form = productForm(block);
    if (!form) {
      // Nothing here could reach a cart: the merchant is told in the theme editor, shoppers see nothing.
      var note = block.querySelector("[data-orchard-no-form]");
      if (note) note.hidden = false;
      else block.hidden = true;
      return;
    }
    var field = block.querySelector("[data-orchard-selling-plan]");
    var own = form.querySelector('input[name="selling_plan"]');
    if (own) field.remove();
    // form.id would be the theme's <input name="id">: a form's named fields shadow its properties.
    else if (form.getAttribute("id")) field.setAttribute("form", form.getAttribute("id"));
    else form.appendChild(field);
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
    // The theme's picker changes the form's variant id: Dawn with a change event, Horizon by
    // re-rendering the form after its variant:update event.
    document.addEventListener("change", function (event) {
      if (!block.contains(event.target)) sync();
    });
    document.addEventListener("variant:update", function () {
      setTimeout(sync);
    });
    new MutationObserver(function () {
      sync();
    }).observe(form, { subtree: true, attributes: true, attributeFilter: ["value"] });
    sync();
  }

  document.querySelectorAll("[data-orchard-subscribe]").forEach(init);
})();
