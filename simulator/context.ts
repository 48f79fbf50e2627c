import type { OffsetClock } from "../app/clock";
import type { AdminGraphqlEndpoint } from "./admin-api/graphql-endpoint";
import type { AppConfig } from "./app-config";
import type { KlaviyoStandIn } from "./klaviyo";
import type { Mailbox } from "./mailbox";
import type { ShopRecord, Store } from "./store";
import type { WebhookSender } from "./webhooks";

export interface SimulatorOptions {
  port?: number;
  apiKey: string;
  apiSecret: string;
  /** Where the app listens; webhooks and the admin frame point there. May be set after start. */
  appUrl?: string;
  appConfigPath?: string;
  /** Where the theme app extensions are; Orchard's own extensions/ by default. */
  themeExtensionsDir?: string;
  /** Where the themes shops publish are (Dawn, Horizon): THEMES_DIR, or ../shared/themes by default. */
  themesDir?: string;
}

/**
 * The running simulator as its route modules and helpers see it: the store and its clock, the
 * webhooks and mail it sends, and what Shopify does of its own accord (granting scopes, an
 * uninstall). The server (server.ts) is one and mounts the routes; the routes never import it.
 */
export interface SimulatorContext {
  readonly store: Store;
  readonly clock: OffsetClock;
  /** Reads of the clock by the app: its worker reads it once per round, so tests can wait for rounds. */
  clockReads: number;
  readonly appConfig: AppConfig;
  readonly webhooks: WebhookSender;
  readonly graphql: AdminGraphqlEndpoint;
  /** The shoppers' mailboxes: the SMTP server Orchard sends its emails to (mailbox.url). */
  readonly mailbox: Mailbox;
  /** The merchant's Klaviyo account, as far as Orchard's calls reach it (klaviyo.ts). */
  readonly klaviyo: KlaviyoStandIn;
  /** The merchant turns a Flow workflow that starts with the app's trigger on or off (flow.ts). */
  setFlowWorkflow(shop: ShopRecord, handle: string, enabled: boolean): Promise<{ enabled: boolean; status: number | null }>;
  appUrl: string | null;
  /** Where the simulator listens, once started. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly options: SimulatorOptions;
  /**
   * The merchant approves the scopes the app's configuration now asks for (Shopify-managed
   * installation): the shop's tokens carry them from now on, and app/scopes_update tells the app.
   */
  grantScopes(shop: ShopRecord, scopes: string): Promise<void>;
  /** Shopify's side of an uninstall: tokens revoked, the app's charges cancelled, then app/uninstalled sent. */
  uninstall(shop: ShopRecord): Promise<void>;
}
