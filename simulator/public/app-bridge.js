// The simulator's stand-in for App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js), which
// these machines cannot fetch. It offers the part of App Bridge's `shopify` global that Orchard
// uses, and talks to the simulator's admin frame the way App Bridge talks to Shopify admin: by
// postMessage. See docs/decisions/004-app-bridge-in-the-simulator.md.
(function () {
  "use strict";
  var script = document.currentScript;
  var parentOrigin = (script && script.dataset.adminOrigin) || (document.referrer ? new URL(document.referrer).origin : "*");
  var apiKey = (script && script.dataset.apiKey) || "";
  var params = new URLSearchParams(location.search);
  var pending = {};
  var nextId = 1;
  var cachedToken = params.get("id_token");
  var cachedUntil = cachedToken ? Date.now() + 45000 : 0;

  function post(message) {
    if (window.parent !== window) window.parent.postMessage(Object.assign({ source: "orchard-app-bridge" }, message), parentOrigin);
  }

  function idToken() {
    if (cachedToken && Date.now() < cachedUntil) return Promise.resolve(cachedToken);
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      post({ type: "token-request", id: id });
      setTimeout(function () {
        if (pending[id]) {
          delete pending[id];
          reject(new Error("App Bridge: no session token from the admin frame"));
        }
      }, 5000);
    }).then(function (token) {
      cachedToken = token;
      cachedUntil = Date.now() + 45000;
      return token;
    });
  }

  window.addEventListener("message", function (event) {
    if (parentOrigin !== "*" && event.origin !== parentOrigin) return;
    var data = event.data || {};
    if (data.source !== "orchard-admin") return;
    if ((data.type === "token" || data.type === "resource-picker-result") && pending[data.id]) {
      pending[data.id].resolve(data.type === "token" ? data.token : data.selection);
      delete pending[data.id];
    }
    if (data.type === "breadcrumb") {
      var crumb = newestTitleBar() && newestTitleBar().querySelector('[variant="breadcrumb"]');
      if (crumb) crumb.click();
    }
    if (data.type === "save-bar-action") {
      var saveBar = document.getElementById(data.id);
      var button = saveBar && saveBarButtons(saveBar)[data.action];
      if (button) button.click();
    }
    if (data.type === "navigate") {
      // App Bridge announces admin navigation as a `shopify:navigate` event on the menu's link;
      // the app's router (shopify-app-remix's AppProvider) listens for it.
      var link = document.querySelector('ui-nav-menu a[href="' + data.href + '"]');
      if (link) link.dispatchEvent(new Event("shopify:navigate", { bubbles: true }));
      else location.assign(data.href);
    }
  });

  // Like App Bridge: same-origin fetches carry the session token, so the app's server authenticates them.
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? input.toString() : input.url, location.href);
    if (url.origin !== location.origin) return originalFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
      if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + token);
      return originalFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  // Like App Bridge: the admin opens what the app sends to the top frame (a charge's confirmation
  // page, a theme editor deep link) and shopify://admin/… links, which only the admin understands.
  var originalOpen = window.open.bind(window);
  window.open = function (url, target, features) {
    var href = new URL(String(url), location.href).toString();
    if (target === "_top" || target === "_parent" || href.indexOf("shopify://") === 0) {
      post({ type: "open", url: href });
      return null;
    }
    return originalOpen(url, target, features);
  };
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.getAttribute("href").indexOf("shopify://") !== 0) return;
    event.preventDefault();
    post({ type: "open", url: link.getAttribute("href") });
  });

  function reportNav(menu) {
    var items = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { href: a.getAttribute("href"), label: a.textContent, home: a.getAttribute("rel") === "home" };
    });
    post({ type: "nav", items: items });
  }

  function defineElement(name, onChange) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          onChange(this);
          this._observer = new MutationObserver(() => onChange(this));
          this._observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
          // Another page's element may remain (React mounts the next page before it unmounts the last).
          var remaining = document.querySelectorAll(name);
          if (remaining.length) onChange(remaining[remaining.length - 1]);
        }
      },
    );
  }

  // Like App Bridge, these elements describe admin chrome and show nothing inside the app.
  var hide = document.createElement("style");
  hide.textContent = "ui-nav-menu, ui-title-bar, ui-save-bar { display: none; }";
  document.head.appendChild(hide);

  defineElement("ui-nav-menu", reportNav);
  // The page's title is the newest title bar's, whichever element changed; a breadcrumb child
  // (`variant="breadcrumb"`) becomes the admin's link back, which clicks it in the app.
  function newestTitleBar() {
    var bars = document.querySelectorAll("ui-title-bar");
    return bars[bars.length - 1];
  }
  defineElement("ui-title-bar", function () {
    var bar = newestTitleBar();
    var breadcrumb = bar && bar.querySelector('[variant="breadcrumb"]');
    post({
      type: "title",
      title: (bar && bar.getAttribute("title")) || "",
      breadcrumb: breadcrumb ? breadcrumb.textContent : null,
    });
  });

  // The contextual save bar: App Bridge shows it in the admin's top bar while the app says so,
  // with the labels of the element's buttons (the one with variant="primary" saves, the other
  // discards; empty buttons read "Save" and "Discard"), and clicks them when the merchant does.
  var shownSaveBars = [];
  function saveBarButtons(bar) {
    return {
      save: bar.querySelector('button[variant="primary"]'),
      discard: bar.querySelector("button:not([variant])"),
    };
  }
  function reportSaveBar() {
    var id = shownSaveBars[shownSaveBars.length - 1];
    var bar = id ? document.getElementById(id) : null;
    if (!bar) return post({ type: "save-bar", shown: false });
    var buttons = saveBarButtons(bar);
    var state = function (button, fallback) {
      return {
        label: (button && button.textContent.trim()) || fallback,
        disabled: Boolean(button && button.hasAttribute("disabled")),
        loading: Boolean(button && button.hasAttribute("loading") && button.getAttribute("loading") !== "false"),
      };
    };
    post({
      type: "save-bar",
      shown: true,
      id: id,
      discardConfirmation: bar.hasAttribute("discardConfirmation"),
      save: state(buttons.save, "Save"),
      discard: state(buttons.discard, "Discard"),
    });
  }
  function setSaveBarShown(bar, shown) {
    if (!bar.id) throw new Error("App Bridge: a ui-save-bar needs an id");
    var was = shownSaveBars.indexOf(bar.id) >= 0;
    shownSaveBars = shownSaveBars.filter(function (id) {
      return id !== bar.id;
    });
    if (shown) shownSaveBars.push(bar.id);
    reportSaveBar();
    if (was !== shown) bar.dispatchEvent(new Event(shown ? "show" : "hide"));
    return Promise.resolve();
  }
  if (!customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        get showing() {
          return shownSaveBars.indexOf(this.id) >= 0;
        }
        show() {
          return setSaveBarShown(this, true);
        }
        hide() {
          return setSaveBarShown(this, false);
        }
        toggle() {
          return setSaveBarShown(this, !this.showing);
        }
        connectedCallback() {
          this._observer = new MutationObserver(reportSaveBar);
          this._observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
          if (this.showing) setSaveBarShown(this, false);
        }
      },
    );
  }

  var lastPath = "";
  setInterval(function () {
    if (location.pathname !== lastPath) {
      lastPath = location.pathname;
      post({ type: "location", path: location.pathname });
    }
  }, 200);

  window.shopify = {
    config: { apiKey: apiKey, shop: params.get("shop"), host: params.get("host"), locale: params.get("locale") || "en" },
    idToken: idToken,
    toast: {
      show: function (message, options) {
        post({ type: "toast", message: String(message), isError: Boolean(options && options.isError) });
      },
    },
    // Shopify's resource picker, shown by the admin page: resolves with the selected resources
    // (products with their variants), or undefined when the merchant cancels.
    resourcePicker: function (options) {
      return new Promise(function (resolve) {
        var id = nextId++;
        pending[id] = { resolve: resolve, reject: resolve };
        post({
          type: "resource-picker",
          id: id,
          options: {
            type: (options && options.type) || "product",
            multiple: Boolean(options && options.multiple),
            selectionIds: (options && options.selectionIds) || [],
          },
        });
      });
    },
    saveBar: {
      show: function (id) {
        return document.getElementById(id).show();
      },
      hide: function (id) {
        return document.getElementById(id).hide();
      },
      toggle: function (id) {
        return document.getElementById(id).toggle();
      },
    },
    loading: function (isLoading) {
      post({ type: "loading", isLoading: Boolean(isLoading) });
    },
  };
})();
