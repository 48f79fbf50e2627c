import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { OffsetClock } from "../app/clock";
import { setAppSubscriptionStatus } from "./admin-api/app-subscriptions";
import { AdminGraphqlEndpoint } from "./admin-api/graphql-endpoint";
import { readAppConfig, type AppConfig } from "./app-config";
import { authSeconds, embeddedAdminRoutes } from "./embedded-admin";
import { adminPageRoutes } from "./admin-pages";
import { paymentChallengeRoutes } from "./payment-challenges";
import { controlRoutes } from "./control";
import { storefrontRoutes } from "./storefront/routes";
import { json, Router } from "./http";
import { verifySessionToken } from "./session-token";
import { Mailbox } from "./mailbox";
import { readFlowExtensions, runFlowAction, setFlowWorkflow } from "./flow";
import { KlaviyoStandIn } from "./klaviyo";
import { otherToolsRoutes } from "./other-tools-pages";
import { Store, type ShopRecord } from "./store";
import { WebhookSender } from "./webhooks";
import type { SimulatorContext, SimulatorOptions } from "./context";

/**
 * The local store simulator: plays Shopify (Admin API, OAuth token exchange, webhooks, embedded
 * admin, storefront and checkout) for Orchard on 127.0.0.1. See docs/simulator.md.
 */
export class Simulator implements SimulatorContext {
  readonly store = new Store();
  readonly clock = new OffsetClock();
  clockReads = 0;
  readonly appConfig: AppConfig;
  readonly webhooks: WebhookSender;
  readonly graphql: AdminGraphqlEndpoint;
  readonly mailbox = new Mailbox();
  /** Klaviyo's REST API, as Orchard calls it (simulator/klaviyo.ts), under /klaviyo. */
  readonly klaviyo = new KlaviyoStandIn();
  appUrl: string | null;
  private server: Server | null = null;
  url = "";

  constructor(readonly options: SimulatorOptions) {
    this.appConfig = readAppConfig(options.appConfigPath ?? resolve(import.meta.dirname, "..", "shopify.app.toml"));
    this.appUrl = options.appUrl ?? null;
    this.store.appHandle = this.appConfig.handle;
    this.store.themesDir = options.themesDir;
    this.store.flowExtensions = readFlowExtensions(resolve(import.meta.dirname, "..", "extensions"));
    this.webhooks = new WebhookSender(
      () => this.appUrl,
      options.apiSecret,
      this.appConfig,
      () => this.clock.now(),
      (shop) => this.store.shop(shop)?.installed ?? false,
    );
    this.graphql = new AdminGraphqlEndpoint(
      this.store,
      () => this.clock.now(),
      (shop, topic, payload) => void this.webhooks.send(shop.domain, topic, payload),
    );
  }

  get apiKey(): string {
    return this.options.apiKey;
  }

  get apiSecret(): string {
    return this.options.apiSecret;
  }

  /** The merchant turns a Flow workflow that starts with the app's trigger on or off (simulator/flow.ts). */
  setFlowWorkflow(shop: ShopRecord, handle: string, enabled: boolean) {
    const context = { extensions: this.store.flowExtensions, appUrl: this.appUrl, secret: this.apiSecret, now: this.clock.now() };
    return setFlowWorkflow(context, shop, handle, enabled);
  }

  /** A merchant's workflow runs the app's Flow action with these properties. */
  runFlowAction(shop: ShopRecord, handle: string, properties: Record<string, unknown>, actionRunId = randomBytes(8).toString("hex")) {
    const context = { extensions: this.store.flowExtensions, appUrl: this.appUrl, secret: this.apiSecret };
    return runFlowAction(context, shop, handle, properties, actionRunId);
  }

  /** The shop a request is for: Orchard's fetch names it in a header (see app/shopify/shopify-fetch.server.ts). */
  shopFor(headers: Record<string, string | string[] | undefined>): ShopRecord | undefined {
    const domain = headers["x-simulator-shop"];
    return typeof domain === "string" ? this.store.shop(domain) : undefined;
  }

  private routes(): Router {
    const router = new Router();
    router.on("POST", "/admin/oauth/access_token", (req) => this.tokenExchange(req.headers, req.json()));
    router.on("POST", "/admin/api/:version/graphql.json", async (req) => {
      const shop = this.shopFor(req.headers);
      if (!shop) return json(404, { errors: "Not Found" });
      const token = req.headers["x-shopify-access-token"];
      if (typeof token !== "string" || !shop.accessTokens.has(token)) {
        return json(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      if (!/^(\d{4}-\d{2}|unstable)$/.test(req.params.version ?? "")) return json(404, { errors: "Not Found" });
      const body = req.json();
      if (body === undefined) return json(400, { errors: { query: "Required parameter missing or invalid" } });
      const result = await this.graphql.handle(shop, body, new Set(shop.accessTokens.get(token)!.scope.split(",")));
      return json(result.status, result.body, { "x-shopify-api-version": req.params.version! });
    });
    router.on("GET", "/klaviyo/api/accounts", (req) => this.klaviyo.handle(req, "accounts"));
    router.on("POST", "/klaviyo/api/event-bulk-create-jobs", (req) => this.klaviyo.handle(req, "bulkEvents"));
    // Shopify's bulk results live at a signed storage URL anyone holding it may read.
    router.on("GET", "/bulk-operations/:shop/:file", (req) => {
      const id = /^(\d+)\.jsonl$/.exec(req.params.file ?? "")?.[1];
      const operation = this.store.shop(req.params.shop ?? "")?.bulkOperations.find((op) => String(op.id) === id);
      if (!operation?.lines) return json(404, { errors: "Not Found" });
      return { status: 200, headers: { "content-type": "application/jsonl" }, body: operation.lines.join("\n") + "\n" };
    });
    embeddedAdminRoutes(this, router);
    adminPageRoutes(this, router);
    paymentChallengeRoutes(this, router);
    storefrontRoutes(this, router, { extensionsRoot: this.options.themeExtensionsDir, themesRoot: this.options.themesDir });
    controlRoutes(this, router);
    otherToolsRoutes(this, router);
    return router;
  }

  private tokenExchange(headers: Record<string, string | string[] | undefined>, body: Record<string, string> | undefined) {
    const shop = this.shopFor(headers);
    if (!shop) return json(404, { errors: "Not Found" });
    if (!body || body.client_id !== this.apiKey || body.client_secret !== this.apiSecret) {
      return json(401, { error: "invalid_client", error_description: "Client authentication failed." });
    }
    if (
      body.grant_type !== "urn:ietf:params:oauth:grant-type:token-exchange" ||
      body.subject_token_type !== "urn:ietf:params:oauth:token-type:id_token"
    ) {
      return json(400, { error: "unsupported_grant_type" });
    }
    const claims = verifySessionToken(body.subject_token ?? "", this.apiSecret, this.apiKey, authSeconds());
    if (!claims || claims.dest !== `https://${shop.domain}`) {
      return json(400, { error: "invalid_subject_token", error_description: "The subject token is invalid." });
    }
    const online = body.requested_token_type === "urn:shopify:params:oauth:token-type:online-access-token";
    const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
    shop.accessTokens.set(accessToken, { scope: this.appConfig.scopes, online, userId: online ? Number(claims.sub) : null });
    shop.installed = true;
    if (!online) return json(200, { access_token: accessToken, scope: this.appConfig.scopes });
    return json(200, {
      access_token: accessToken,
      scope: this.appConfig.scopes,
      expires_in: 86_399,
      associated_user_scope: this.appConfig.scopes,
      associated_user: {
        id: Number(claims.sub),
        first_name: "Demo",
        last_name: "Merchant",
        email: shop.email,
        email_verified: true,
        account_owner: true,
        locale: "en",
        collaborator: false,
      },
    });
  }

  async grantScopes(shop: ShopRecord, scopes: string): Promise<void> {
    const previous = [...new Set([...shop.accessTokens.values()].flatMap((grant) => grant.scope.split(",")))];
    for (const grant of shop.accessTokens.values()) grant.scope = scopes;
    await this.webhooks.send(shop.domain, "app/scopes_update", {
      id: shop.appInstallationId,
      previous,
      current: scopes.split(","),
      updated_at: this.clock.now().toISOString(),
    });
  }

  async uninstall(shop: ShopRecord): Promise<void> {
    shop.accessTokens.clear();
    shop.installed = false;
    for (const subscription of shop.appSubscriptions.filter(
      (s) => s.status === "ACTIVE" || s.status === "PENDING" || s.status === "FROZEN",
    )) {
      setAppSubscriptionStatus(shop, subscription, "CANCELLED", this.clock.now());
    }
    await this.webhooks.send(shop.domain, "app/uninstalled", {
      id: shop.id,
      name: shop.name,
      email: shop.email,
      domain: shop.domain,
      myshopify_domain: shop.domain,
      currency: shop.currencyCode,
      iana_timezone: shop.ianaTimezone,
      plan_name: shop.plan,
    });
  }

  async start(): Promise<string> {
    const router = this.routes();
    this.server = createServer((req, res) => void router.dispatch(req, res));
    // Shopify keeps connections open between requests. A short timeout here would make undici drop
    // every connection after one response (it closes when the server's hint is under its own
    // 2 s safety margin), so each call would pay a new TCP handshake that Shopify does not charge.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolveListen) => this.server!.listen(this.options.port ?? 0, "127.0.0.1", resolveListen));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.store.origin = this.url;
    await this.mailbox.start();
    return this.url;
  }

  async stop(): Promise<void> {
    this.webhooks.stop();
    await this.webhooks.settle();
    await this.mailbox.stop();
    await new Promise<void>((resolveClose) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolveClose());
    });
  }
}
