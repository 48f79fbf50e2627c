// Keeps the product form's `selling_plan` field and the shown prices in step with the shopper's
// purchase option and variant. Works with any theme whose product form posts to /cart/add.
(function () {
  "use strict";

  function productForm(block) {
    var section = block.closest("section, .shopify-section") || document;
    return section.querySelector('form[action$="/cart/add"]') || document.querySelector('form[action$="/cart/add"]');
  }

  function sellingPlanInput(form) {
    var input = form.querySelector('input[name="selling_plan"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "selling_plan";
      form.appendChild(input);
    }
    return input;
  }

  function formatMoney(cents, template) {
    var amount = (cents / 100).toFixed(2);
    return template.replace(/\{\{\s*amount\s*\}\}/, amount);
  }

  function init(block) {
    var form = productForm(block);
    if (!form) return;
    var input = sellingPlanInput(form);
    var allocations = JSON.parse(block.querySelector("[data-orchard-allocations]").textContent);
    var moneyFormat = (window.Shopify && window.Shopify.money_format) || "${{amount}}";

    function selectedPlan() {
      var checked = block.querySelector('input[type="radio"]:checked');
      return checked ? checked.value : "";
    }

    function refreshPrices() {
      var variant = form.querySelector('[name="id"]');
      var prices = variant && allocations[variant.value];
      if (!prices) return;
      block.querySelectorAll("[data-orchard-price]").forEach(function (element) {
        var plan = element.getAttribute("data-orchard-price");
        if (prices[plan] === undefined) return;
        element.textContent = formatMoney(prices[plan], moneyFormat);
      });
    }

    block.addEventListener("change", function () {
      input.value = selectedPlan();
    });
    form.addEventListener("change", refreshPrices);
    input.value = selectedPlan();
  }

  document.querySelectorAll("[data-orchard-subscribe]").forEach(init);
})();
