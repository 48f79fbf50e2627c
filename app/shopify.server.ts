import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { AppDistribution, LogSeverity, shopifyApp, type ApiVersion } from "@shopify/shopify-app-remix/server";
import { config } from "./config.server";
import { log } from "./logging/log.server";
import { createAdminClient } from "./shopify/admin-client";
import { ADMIN_API_VERSION } from "./shopify/api-version";
import { sessionStorage, shopifyFetch } from "./shopify/sessions.server";
import { libraryTransport } from "./shopify/transports.server";
import { recordInstall } from "./shops/shops.server";
import { reanchorSchedules } from "./subscriptions/time-zone-change.server";
import { startFirstBackfill } from "./backfill/backfill.server";
import { syncAppPlan } from "./app-billing/app-billing.server";

const settings = config();

// Must follow the node adapter's import, which installs the platform fetch.
setAbstractFetchFunc(shopifyFetch);

const shopify = shopifyApp({
  apiKey: settings.SHOPIFY_API_KEY,
  apiSecretKey: settings.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION as ApiVersion,
  scopes: settings.SCOPES.split(","),
  appUrl: settings.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage,
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  // The library's own messages go into Orchard's log, as lines of the same shape.
  logger: {
    // Silent: Orchard's own log drops the library's errors too (pino's level), so error is the floor here.
    level: {
      debug: LogSeverity.Debug,
      info: LogSeverity.Info,
      warn: LogSeverity.Warning,
      error: LogSeverity.Error,
      silent: LogSeverity.Error,
    }[settings.LOG_LEVEL],
    log: (severity, message) => {
      const level = (
        { [LogSeverity.Debug]: "debug", [LogSeverity.Info]: "info", [LogSeverity.Warning]: "warn", [LogSeverity.Error]: "error" } as const
      )[severity];
      log().child({ component: "shopify-app-remix" })[level](message);
    },
  },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      const client = createAdminClient(session.shop, libraryTransport(admin));
      const previousZone = await recordInstall(client, session.scope ?? "");
      if (previousZone) await reanchorSchedules(session.shop, previousZone);
      // A re-install starts on the plan Shopify bills: an uninstall cancelled any earlier subscription.
      await syncAppPlan(client);
      await startFirstBackfill(client);
    },
  },
  ...(settings.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [settings.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
