import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { escapeHtml, html, json, type Router } from "./http";
import { gid } from "./ids";
import { decimalFromMinor } from "../app/money";
import { issueSessionToken } from "./session-token";
import type { SimulatorContext } from "./context";
import type { ShopRecord } from "./store";

const appBridgeSource = readFileSync(resolve(import.meta.dirname, "public", "app-bridge.js"), "utf8");

/**
 * Session tokens live on real time, not on the store's movable clock: the app checks them against
 * its own wall clock, as it does Shopify's. Moving the demo's clock must not log the merchant out.
 */
export const authSeconds = () => Math.floor(Date.now() / 1000);

export const storeHandle = (shop: ShopRecord) => shop.domain.replace(/\.myshopify\.com$/, "");

/** The admin URL of the embedded app, as admin.shopify.com/store/{store}/apps/{app}/… */
export function adminAppUrl(sim: SimulatorContext, shop: ShopRecord, path = ""): string {
  return `${sim.url}/store/${storeHandle(shop)}/apps/${sim.apiKey}${path}`;
}

/**
 * The query Shopify admin adds when it loads an embedded app: the session token as id_token, and
 * an hmac over the other parameters signed with the app's secret.
 */
export function embeddedQuery(sim: SimulatorContext, shop: ShopRecord, locale: string, passed: [string, string][] = []): URLSearchParams {
  const nowSeconds = authSeconds();
  const params = new URLSearchParams({
    ...Object.fromEntries(passed),
    embedded: "1",
    // The library accepts only Shopify admin hosts here; it uses the value to build admin redirects.
    host: Buffer.from(`admin.shopify.com/store/${storeHandle(shop)}`).toString("base64url"),
    id_token: issueSessionToken({ shop: shop.domain, apiKey: sim.apiKey, secret: sim.apiSecret, userId: shop.staffUserId, nowSeconds }),
    locale,
    session: createHmac("sha256", sim.apiSecret).update(`${shop.domain}:${shop.staffUserId}`).digest("hex"),
    shop: shop.domain,
    timestamp: String(nowSeconds),
  });
  params.sort();
  const message = [...params.entries()].map(([k, v]) => `${k}=${v}`).join("&");
  params.append("hmac", createHmac("sha256", sim.apiSecret).update(message).digest("hex"));
  return params;
}

function adminPage(sim: SimulatorContext, shop: ShopRecord, appPath: string, appQuery: URLSearchParams, locale: string): string {
  if (!sim.appUrl) return `<p>The app is not running: no app URL was given to the simulator.</p>`;
  const appOrigin = new URL(sim.appUrl).origin;
  // The admin hands the app the query it was opened with (a charge's charge_id, say), signed with the rest.
  const passed = [...appQuery].filter(
    ([name]) => !["locale", "hmac", "id_token", "session", "timestamp", "embedded", "host", "shop"].includes(name),
  );
  const src = `${sim.appUrl}${appPath || "/app"}?${embeddedQuery(sim, shop, locale, passed).toString()}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Orchard · ${escapeHtml(shop.name)} · Shopify admin (simulator)</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f1f1f1; color: #303030; }
  header { background: #1a1a1a; color: #fff; padding: 10px 16px; display: flex; justify-content: space-between; }
  header a { color: #fff; }
  .layout { display: grid; grid-template-columns: 220px 1fr; height: calc(100vh - 41px); }
  nav { background: #ebebeb; padding: 12px 8px; border-right: 1px solid #ddd; }
  nav h2 { font-size: 13px; margin: 8px 8px 4px; }
  nav ul { list-style: none; margin: 0; padding: 0; }
  nav a { display: block; padding: 6px 8px; border-radius: 8px; color: inherit; text-decoration: none; }
  nav a[aria-current="page"] { background: #fff; font-weight: 600; }
  main { display: flex; flex-direction: column; min-width: 0; }
  #title-row { display: flex; align-items: center; gap: 8px; padding: 10px 16px; min-height: 22px; }
  #title-bar { font-size: 16px; margin: 0; }
  #save-bar { position: fixed; top: 0; left: 0; right: 0; display: flex; align-items: center; gap: 8px; background: #1a1a1a; color: #fff; padding: 6px 16px; }
  #save-bar[hidden] { display: none; }
  #save-bar p { flex: 1; margin: 0; font-weight: 600; }
  #loading-bar { height: 3px; background: #005bd3; }
  iframe { border: 0; flex: 1; width: 100%; background: #f1f1f1; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); }
  #toasts div { background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 10px; margin-top: 8px; }
  #toasts div.error { background: #8e1f0b; }
</style>
</head>
<body>
<header><span>Shopify admin · ${escapeHtml(shop.name)} <small>(local store simulator)</small></span><a href="/storefront/${escapeHtml(storeHandle(shop))}">View store</a></header>
<div class="layout">
  <nav aria-label="Apps"><h2>Orchard</h2><ul id="app-nav"></ul></nav>
  <main>
    <div id="loading-bar" role="progressbar" aria-label="Loading" hidden></div>
    <div id="title-row"><button type="button" id="breadcrumb" hidden></button><h1 id="title-bar"></h1></div>
    <iframe id="app-frame" title="Orchard" src="${escapeHtml(src)}"></iframe>
  </main>
</div>
<div id="save-bar" role="region" aria-label="Contextual save bar" hidden>
  <p>Unsaved changes</p><button type="button" id="save-bar-discard"></button><button type="button" id="save-bar-save"></button>
</div>
<dialog id="leave-dialog" aria-labelledby="leave-dialog-title">
  <form method="dialog">
    <h2 id="leave-dialog-title">Leave page with unsaved changes?</h2>
    <p>Leaving this page will delete all unsaved changes.</p>
    <button value="stay">Stay</button><button value="leave">Leave page</button>
  </form>
</dialog>
<dialog id="discard-dialog" aria-labelledby="discard-dialog-title">
  <form method="dialog">
    <h2 id="discard-dialog-title">Discard all unsaved changes</h2>
    <p>If you discard changes, you’ll delete any edits you made since you last saved.</p>
    <button value="keep">Continue editing</button><button value="discard">Discard changes</button>
  </form>
</dialog>
<div id="toasts" role="status" aria-live="polite"></div>
<dialog id="resource-picker" aria-labelledby="resource-picker-title" style="width:min(560px,90vw);border:0;border-radius:12px;padding:0">
  <form method="dialog" style="display:flex;flex-direction:column;max-height:80vh">
    <h2 id="resource-picker-title" style="margin:0;padding:16px;font-size:16px;border-bottom:1px solid #eee">Add products</h2>
    <div style="padding:12px 16px"><label for="resource-picker-search">Search products</label><input id="resource-picker-search" type="search" style="width:100%;box-sizing:border-box;padding:6px"></div>
    <ul id="resource-picker-list" style="list-style:none;margin:0;padding:0 16px;overflow:auto;flex:1"></ul>
    <div style="display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #eee">
      <button value="cancel">Cancel</button><button value="select" id="resource-picker-select">Select</button>
    </div>
  </form>
</dialog>
<script>
(function () {
  var appOrigin = ${JSON.stringify(appOrigin)};
  var storeBase = ${JSON.stringify(`/store/${storeHandle(shop)}`)};
  var adminBase = storeBase + ${JSON.stringify(`/apps/${sim.apiKey}`)};
  var shop = ${JSON.stringify(shop.domain)};
  var frame = document.getElementById("app-frame");
  function send(message) { frame.contentWindow.postMessage(Object.assign({ source: "orchard-admin" }, message), appOrigin); }
  var breadcrumb = document.getElementById("breadcrumb");
  breadcrumb.addEventListener("click", function () { whenLeaving(function () { send({ type: "breadcrumb" }); }); });
  // While the app shows its save bar, the admin asks before anything leaves the page.
  var saveBar = null;
  var saveBarSave = document.getElementById("save-bar-save");
  var saveBarDiscard = document.getElementById("save-bar-discard");
  var leaveDialog = document.getElementById("leave-dialog");
  var discardDialog = document.getElementById("discard-dialog");
  var onLeave = null;
  function whenLeaving(leave) {
    if (!saveBar) return leave();
    onLeave = leave;
    leaveDialog.showModal();
  }
  leaveDialog.addEventListener("close", function () {
    if (leaveDialog.returnValue === "leave" && onLeave) onLeave();
    onLeave = null;
  });
  saveBarSave.addEventListener("click", function () { send({ type: "save-bar-action", id: saveBar.id, action: "save" }); });
  saveBarDiscard.addEventListener("click", function () {
    if (saveBar.discardConfirmation) return discardDialog.showModal();
    send({ type: "save-bar-action", id: saveBar.id, action: "discard" });
  });
  discardDialog.addEventListener("close", function () {
    if (discardDialog.returnValue === "discard" && saveBar) send({ type: "save-bar-action", id: saveBar.id, action: "discard" });
  });
  var picker = document.getElementById("resource-picker");
  var pickerList = document.getElementById("resource-picker-list");
  var pickerSearch = document.getElementById("resource-picker-search");
  var pickerRequest = null;
  var pickerProducts = [];
  var picked = {};
  // picked: product id -> the ids of its chosen variants (all of them when the product is chosen whole).
  function checkbox(text, checked, onChange) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }
  function renderPicker() {
    pickerList.innerHTML = "";
    pickerProducts.forEach(function (product) {
      var li = document.createElement("li");
      var all = product.variants.map(function (v) { return v.id; });
      var chosen = picked[product.id] || [];
      li.appendChild(checkbox(product.title + (product.status === "ACTIVE" ? "" : " (" + product.status.toLowerCase() + ")"), chosen.length > 0, function (on) {
        if (on) picked[product.id] = all; else delete picked[product.id];
        renderPicker();
      }));
      if (all.length > 1) {
        var ul = document.createElement("ul");
        ul.style.listStyle = "none";
        product.variants.forEach(function (variant) {
          var li2 = document.createElement("li");
          li2.appendChild(checkbox(variant.title, chosen.indexOf(variant.id) >= 0, function (on) {
            var next = (picked[product.id] || []).filter(function (id) { return id !== variant.id; });
            if (on) next.push(variant.id);
            if (next.length) picked[product.id] = next; else delete picked[product.id];
            renderPicker();
          }));
          ul.appendChild(li2);
        });
        li.appendChild(ul);
      }
      pickerList.appendChild(li);
    });
  }
  // Searches answer in any order: only the latest one's answer is shown.
  var pickerSearches = 0;
  function loadPicker() {
    var search = ++pickerSearches;
    fetch("/admin/resource-picker?shop=" + encodeURIComponent(shop) + "&query=" + encodeURIComponent(pickerSearch.value))
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (search !== pickerSearches) return;
        pickerProducts = body.products;
        pickerProducts.forEach(function (product) {
          if (picked[product.id] === null) picked[product.id] = product.variants.map(function (v) { return v.id; });
        });
        renderPicker();
      });
  }
  function openPicker(request) {
    pickerRequest = request;
    picked = {};
    // A selection without variants means the whole product: its variants are filled in on load.
    (request.options.selectionIds || []).forEach(function (selection) {
      picked[selection.id] = selection.variants ? selection.variants.map(function (v) { return v.id; }) : null;
    });
    pickerSearch.value = "";
    loadPicker();
    picker.showModal();
  }
  pickerSearch.addEventListener("input", loadPicker);
  picker.addEventListener("close", function () {
    if (!pickerRequest) return;
    var chosen = picker.returnValue === "select";
    var ids = Object.keys(picked);
    fetch("/admin/resource-picker?shop=" + encodeURIComponent(shop) + "&ids=" + encodeURIComponent(ids.join(",")))
      .then(function (r) { return r.json(); })
      .then(function (body) {
        // As App Bridge does: each product with only the chosen variants, and totalVariants.
        var selection = body.products.map(function (product) {
          var ids = picked[product.id] || product.variants.map(function (v) { return v.id; });
          return Object.assign({}, product, {
            totalVariants: product.variants.length,
            variants: product.variants.filter(function (v) { return ids.indexOf(v.id) >= 0; }),
          });
        });
        send({ type: "resource-picker-result", id: pickerRequest.id, selection: chosen ? selection : undefined });
        pickerRequest = null;
      });
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== appOrigin || !event.data || event.data.source !== "orchard-app-bridge") return;
    var data = event.data;
    if (data.type === "token-request") {
      fetch("/admin/session-token?shop=" + encodeURIComponent(shop)).then(function (r) { return r.json(); }).then(function (body) {
        send({ type: "token", id: data.id, token: body.token });
      });
    } else if (data.type === "nav") {
      var list = document.getElementById("app-nav");
      list.innerHTML = "";
      data.items.filter(function (item) { return !item.home; }).forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = adminBase + item.href;
        a.textContent = item.label;
        a.dataset.appHref = item.href;
        a.addEventListener("click", function (e) {
          e.preventDefault();
          whenLeaving(function () { send({ type: "navigate", href: item.href }); });
        });
        li.appendChild(a);
        list.appendChild(li);
      });
    } else if (data.type === "resource-picker") {
      openPicker(data);
    } else if (data.type === "open") {
      // shopify://admin/{path} is a page of this admin; anything else is left for the browser.
      var adminPrefix = "shopify://admin/";
      if (data.url.indexOf(adminPrefix) === 0) location.assign(storeBase + "/" + data.url.slice(adminPrefix.length));
      else if (data.url.indexOf("http://") === 0 || data.url.indexOf("https://") === 0) location.assign(data.url);
    } else if (data.type === "title") {
      document.getElementById("title-bar").textContent = data.title;
      breadcrumb.textContent = data.breadcrumb || "";
      breadcrumb.hidden = !data.breadcrumb;
    } else if (data.type === "save-bar") {
      saveBar = data.shown ? data : null;
      document.getElementById("save-bar").hidden = !saveBar;
      if (saveBar) {
        [["save", saveBarSave], ["discard", saveBarDiscard]].forEach(function (pair) {
          var state = saveBar[pair[0]];
          pair[1].textContent = state.label;
          pair[1].disabled = state.disabled || state.loading;
          pair[1].setAttribute("aria-busy", String(state.loading));
        });
      }
    } else if (data.type === "loading") {
      document.getElementById("loading-bar").hidden = !data.isLoading;
    } else if (data.type === "toast") {
      var toast = document.createElement("div");
      toast.textContent = data.message;
      if (data.isError) toast.className = "error";
      document.getElementById("toasts").appendChild(toast);
      setTimeout(function () { toast.remove(); }, 5000);
    } else if (data.type === "location") {
      history.replaceState(null, "", adminBase + data.path);
      document.querySelectorAll("#app-nav a").forEach(function (a) {
        if (data.path.indexOf(a.dataset.appHref) === 0) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
      });
    }
  });
})();
</script>
</body>
</html>`;
}

export function embeddedAdminRoutes(sim: SimulatorContext, router: Router): void {
  router.on("GET", "/app-bridge.js", () => ({
    status: 200,
    headers: { "content-type": "text/javascript; charset=utf-8" },
    body: appBridgeSource,
  }));

  router.on("GET", "/admin/session-token", (req) => {
    const shop = sim.store.shop(req.url.searchParams.get("shop") ?? "");
    if (!shop) return json(404, { errors: "Not Found" });
    const nowSeconds = authSeconds();
    return json(200, {
      token: issueSessionToken({ shop: shop.domain, apiKey: sim.apiKey, secret: sim.apiSecret, userId: shop.staffUserId, nowSeconds }),
    });
  });

  // What the admin's resource picker lists: the shop's products with their variants, as
  // App Bridge returns them to the app (gids, titles, status).
  router.on("GET", "/admin/resource-picker", (req) => {
    const shop = sim.store.shop(req.url.searchParams.get("shop") ?? "");
    if (!shop) return json(404, { errors: "Not Found" });
    const query = (req.url.searchParams.get("query") ?? "").toLowerCase();
    const ids = req.url.searchParams.get("ids");
    const wanted = ids === null ? null : new Set(ids.split(",").filter(Boolean));
    const products = [...shop.products.values()]
      .filter((p) => (wanted ? wanted.has(gid("Product", p.id)) : p.title.toLowerCase().includes(query)))
      .slice(0, 50)
      .map((p) => ({
        id: gid("Product", p.id),
        title: p.title,
        handle: p.handle,
        status: p.status,
        variants: p.variants.map((v) => ({ id: gid("ProductVariant", v.id), title: v.title, price: decimalFromMinor(v.priceMinor) })),
      }));
    return json(200, { products });
  });

  router.on("GET", "/store/:store/apps/:app/:path*", (req) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    if (!shop || req.params.app !== sim.apiKey) return html("<h1>Not found</h1>", 404);
    const path = req.params.path ? `/${req.params.path}` : "";
    // The staff member's admin language; ?locale=fr plays a merchant whose admin is in French.
    const locale = /^[a-z]{2}(-[A-Z]{2})?$/.test(req.url.searchParams.get("locale") ?? "") ? req.url.searchParams.get("locale")! : "en";
    return html(adminPage(sim, shop, path, req.url.searchParams, locale));
  });

  // What the shop's customers received from Orchard, newest first, each email as they would see it.
  router.on("GET", "/mailbox", () => {
    const items = [...sim.mailbox.messages]
      .reverse()
      .map(
        (m) =>
          `<article><h2>${escapeHtml(m.subject)}</h2><p>To ${escapeHtml(m.to.join(", "))} · from ${escapeHtml(m.from)} · ${escapeHtml(m.receivedAt.toISOString())}</p><iframe title="${escapeHtml(m.subject)}" sandbox srcdoc="${escapeHtml(m.html)}" style="width:100%;height:340px;border:1px solid #ccc"></iframe></article>`,
      )
      .join("");
    return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customers' mailboxes · local store simulator</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:40px auto;padding:0 16px">
<h1>Customers' mailboxes</h1><p><a href="/">Back</a></p>${items || "<p>No email yet.</p>"}</body></html>`);
  });

  router.on("GET", "/", () => {
    const rows = [...sim.store.shops.values()]
      .map(
        (shop) =>
          `<li><strong>${escapeHtml(shop.name)}</strong> (${escapeHtml(shop.domain)}): <a href="${escapeHtml(adminAppUrl(sim, shop, "/app"))}">Orchard in the admin</a> · <a href="/storefront/${escapeHtml(storeHandle(shop))}">storefront</a></li>`,
      )
      .join("");
    return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orchard demo · local store simulator</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:40px auto;padding:0 16px">
<h1>Orchard demo</h1><p>This is the local store simulator: it plays Shopify for Orchard. Open the app in the simulated admin, or the store a shopper sees.</p>
<ul>${rows || "<li>No shops yet.</li>"}</ul>
<p><a href="/mailbox">Customers' mailboxes</a>: the ${sim.mailbox.messages.length} email(s) Orchard has sent.</p>
<p><a href="/tools">Shopify Flow and Klaviyo</a>: turn on workflows that use Orchard's triggers, make a Klaviyo key for Orchard's Integrations page, and see what Orchard sent them.</p>
<h2>Time</h2>
<p>The store's clock: <strong id="now">${escapeHtml(sim.clock.now().toISOString())}</strong>. Move it forward to see Orchard bill subscriptions when they fall due.</p>
<p><button data-days="1">+1 day</button> <button data-days="7">+1 week</button> <button data-days="30">+30 days</button></p>
<script>
document.querySelectorAll("button[data-days]").forEach(function (button) {
  button.addEventListener("click", function () {
    fetch("/_control/clock/advance", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ days: Number(button.dataset.days) }) })
      .then(function (r) { return r.json(); })
      .then(function (body) { document.getElementById("now").textContent = body.now; });
  });
});
</script>
</body></html>`);
  });
}
