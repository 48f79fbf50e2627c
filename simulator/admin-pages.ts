import { decimalFromMinor } from "../app/money";
import { appSubscriptionWebhook, setAppSubscriptionStatus } from "./admin-api/app-subscriptions";
import { adminAppUrl, storeHandle } from "./embedded-admin";
import { escapeHtml, html, type Router, type SimRequest, type SimResponse } from "./http";
import type { SimulatorContext } from "./context";
import type { ShopRecord } from "./store";
import { loadThemeExtensions, type AppBlock } from "./storefront/theme-extensions";
import { addToTheme, blockIsOn } from "./theme";

/**
 * Shopify admin pages the app sends the merchant to, outside its own frame: the page where they
 * approve or decline the app's charge (a confirmationUrl), the theme editor opened by a deep
 * link that adds an app block or switches an app embed on, and an order's page.
 */
const page = (shop: ShopRecord, title: string, body: string, status = 200): SimResponse =>
  html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · ${escapeHtml(shop.name)} · Shopify admin (simulator)</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;background:#f1f1f1;color:#303030;margin:0">
<header style="background:#1a1a1a;color:#fff;padding:10px 16px">Shopify admin · ${escapeHtml(shop.name)} <small>(local store simulator)</small></header>
<main style="max-width:640px;margin:32px auto;background:#fff;border-radius:12px;padding:24px">${body}</main></body></html>`,
    status,
  );

const formField = (req: SimRequest, name: string) => new URLSearchParams(req.rawBody).get(name);

function chargeRoutes(sim: SimulatorContext, router: Router): void {
  const find = (req: SimRequest) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    const subscription = shop?.appSubscriptions.find((s) => String(s.id) === req.params.id);
    return shop && subscription ? { shop, subscription } : null;
  };

  router.on("GET", "/store/:store/charges/:id/confirm", (req) => {
    const found = find(req);
    if (!found) return html("<h1>Not found</h1>", 404);
    const { shop, subscription } = found;
    if (subscription.status !== "PENDING") {
      return page(
        shop,
        "Charge",
        `<h1>This charge can no longer be approved</h1><p>Its status is ${escapeHtml(subscription.status.toLowerCase())}.</p>`,
        409,
      );
    }
    const lines = subscription.lineItems
      .map((line) =>
        line.recurring
          ? `<li>${escapeHtml(decimalFromMinor(line.recurring.priceMinor))} ${escapeHtml(line.recurring.currencyCode)} ${line.recurring.interval === "ANNUAL" ? "every year" : "every 30 days"}</li>`
          : `<li>Usage charges up to ${escapeHtml(decimalFromMinor(line.usage!.cappedMinor))} ${escapeHtml(line.usage!.currencyCode)} every 30 days: ${escapeHtml(line.usage!.terms)}</li>`,
      )
      .join("");
    return page(
      shop,
      "Approve subscription",
      `<h1>Approve subscription</h1>
<p>The app asks to charge ${escapeHtml(shop.name)} for <strong>${escapeHtml(subscription.name)}</strong>:</p>
<ul>${lines}</ul>
${subscription.trialDays ? `<p>Free for the first ${subscription.trialDays} days.</p>` : ""}
${subscription.test ? `<p role="note"><strong>Test charge:</strong> nothing will be billed.</p>` : ""}
<form method="post" style="display:flex;gap:8px">
<button name="decision" value="decline">Decline</button>
<button name="decision" value="approve" style="background:#1a1a1a;color:#fff;border:0;border-radius:8px;padding:6px 14px">Approve</button>
</form>`,
    );
  });

  // Approval activates the subscription and returns the merchant to the app's returnUrl with the
  // charge's id; a refusal leaves it declined and returns them to the app.
  router.on("POST", "/store/:store/charges/:id/confirm", async (req) => {
    const found = find(req);
    if (!found) return html("<h1>Not found</h1>", 404);
    const { shop, subscription } = found;
    const decision = formField(req, "decision");
    if (subscription.status !== "PENDING" || (decision !== "approve" && decision !== "decline")) {
      return page(shop, "Charge", `<h1>This charge can no longer be approved</h1>`, 409);
    }
    const changed = setAppSubscriptionStatus(shop, subscription, decision === "approve" ? "ACTIVE" : "DECLINED", sim.clock.now());
    for (const each of changed) await sim.webhooks.send(shop.domain, "app_subscriptions/update", appSubscriptionWebhook(shop, each));
    const back = decision === "approve" ? new URL(subscription.returnUrl) : new URL(adminAppUrl(sim, shop, "/app"));
    if (decision === "approve") back.searchParams.set("charge_id", String(subscription.id));
    return { status: 303, headers: { location: back.toString() } };
  });
}

/** The block a deep link names: {api_key}/{block handle}, a block of one of the app's theme extensions. */
function linkedBlock(sim: SimulatorContext, value: string | null, target: "section" | "body"): AppBlock | null {
  const [apiKey, handle] = (value ?? "").split("/");
  if (apiKey !== sim.apiKey) return null;
  const blocks = loadThemeExtensions(sim.options.themeExtensionsDir).flatMap((extension) => extension.blocks);
  return blocks.find((block) => block.handle === handle && block.schema.target === target) ?? null;
}

function themeEditorRoutes(sim: SimulatorContext, router: Router): void {
  // The deep links Shopify documents: ?template=product&addAppBlockId={api_key}/{handle}&target=mainSection
  // adds an app block to a template's main section; ?context=apps&activateAppId={api_key}/{handle}
  // switches an app embed on. The editor shows the change; Save publishes it.
  const requested = (params: URLSearchParams) => {
    if (params.get("addAppBlockId")) {
      const block =
        params.get("template") === "product" && params.get("target") === "mainSection"
          ? linkedBlock(sim, params.get("addAppBlockId"), "section")
          : null;
      return { block, link: "addAppBlockId" };
    }
    if (params.get("activateAppId")) return { block: linkedBlock(sim, params.get("activateAppId"), "body"), link: "activateAppId" };
    return null;
  };

  router.on("GET", "/store/:store/themes/current/editor", (req) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    if (!shop) return html("<h1>Not found</h1>", 404);
    const asked = requested(req.url.searchParams);
    const saved = req.url.searchParams.get("saved") === "1";
    const storefront = `/storefront/${escapeHtml(storeHandle(shop))}`;
    // The editor's preview, request.design_mode on: ?previewPath=/products/{handle} as in Shopify's
    // editor, else the first product.
    const previewHandle =
      /^\/products\/([\w-]+)$/.exec(req.url.searchParams.get("previewPath") ?? "")?.[1] ??
      [...shop.products.values()].find((p) => p.status === "ACTIVE")?.handle;
    const preview = previewHandle
      ? `<iframe title="Preview" src="${storefront}/products/${escapeHtml(previewHandle)}?design_mode=1" style="width:100%;height:640px;border:1px solid #ddd;border-radius:8px"></iframe>`
      : "";
    if (!asked)
      return page(
        shop,
        "Theme editor",
        `<h1>Theme editor · ${escapeHtml(shop.theme.name)}</h1><p><a href="${storefront}">View store</a></p>${preview}`,
      );
    if (!asked.block) {
      // Shopify opens the editor without adding anything when a deep link names no such block.
      return page(
        shop,
        "Theme editor",
        `<h1>Theme editor · ${escapeHtml(shop.theme.name)}</h1><p role="alert">The app block in this link was not found.</p>`,
        404,
      );
    }
    const on = blockIsOn(shop.theme, asked.block);
    const where = asked.block.schema.target === "section" ? "Product page · main section" : "App embeds";
    return page(
      shop,
      "Theme editor",
      `<h1>Theme editor · ${escapeHtml(shop.theme.name)}</h1>
<p>${escapeHtml(where)}: <strong>${escapeHtml(asked.block.schema.name)}</strong> ${on ? "is on your published theme." : "is added in this preview. Save to publish it."}</p>
${saved ? `<p role="status">Saved</p>` : ""}
<form method="post"><button ${on ? "disabled" : ""}>Save</button></form>
<p><a href="${escapeHtml(adminAppUrl(sim, shop, "/app"))}">Back to Orchard</a> · <a href="${storefront}">View store</a></p>${preview}`,
    );
  });

  router.on("POST", "/store/:store/themes/current/editor", (req) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    const block = shop ? requested(req.url.searchParams)?.block : null;
    if (!shop || !block) return html("<h1>Not found</h1>", 404);
    addToTheme(shop.theme, sim.store.appHandle, block);
    const back = new URL(req.url.toString());
    back.searchParams.set("saved", "1");
    return { status: 303, headers: { location: `${back.pathname}${back.search}` } };
  });
}

/** An order's page (shopify://admin/orders/{id} from an app): its name, lines and total, as a merchant checks them. */
function orderRoutes(sim: SimulatorContext, router: Router): void {
  router.on("GET", "/store/:store/orders/:id", (req) => {
    const shop = sim.store.shop(`${req.params.store}.myshopify.com`);
    const order = shop?.orders.get(Number(req.params.id));
    if (!shop || !order) return html("<h1>Not found</h1>", 404);
    const total = order.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
    const lines = order.lines
      .map((line) => `<li>${escapeHtml(line.title)} – ${escapeHtml(line.variantTitle)} × ${line.quantity}</li>`)
      .join("");
    return page(
      shop,
      `Order #${order.number}`,
      `<h1>Order #${order.number}</h1><p>${escapeHtml(order.email ?? "")} · ${order.financialStatus.toLowerCase()}</p><ul>${lines}</ul><p>Total: ${escapeHtml(decimalFromMinor(total))} ${escapeHtml(order.currencyCode)}</p><p><a href="${escapeHtml(adminAppUrl(sim, shop, "/app"))}">Back to Orchard</a></p>`,
    );
  });
}

export function adminPageRoutes(sim: SimulatorContext, router: Router): void {
  chargeRoutes(sim, router);
  themeEditorRoutes(sim, router);
  orderRoutes(sim, router);
}
