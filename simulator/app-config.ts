import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

/** What the simulator learns from the app's shopify.app.toml, as Shopify does on `app deploy`. */
export interface AppConfig {
  /** The app's handle: theme app blocks' types name it (shopify://apps/{handle}/blocks/…). */
  handle: string;
  scopes: string;
  webhookApiVersion: string;
  subscriptions: { topic: string; uri: string }[];
  /** The app proxy: storefront paths under /{prefix}/{subpath}/ are forwarded to the app's path. */
  appProxy: { path: string; prefix: string; subpath: string } | null;
}

export function readAppConfig(path: string): AppConfig {
  const toml = parse(readFileSync(path, "utf8")) as {
    handle?: string;
    access_scopes?: { scopes?: string };
    webhooks?: { api_version?: string; subscriptions?: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
    app_proxy?: { url: string; prefix: string; subpath: string };
  };
  const subscriptions = (toml.webhooks?.subscriptions ?? []).flatMap((s) =>
    [...(s.topics ?? []), ...(s.compliance_topics ?? [])].map((topic) => ({ topic, uri: s.uri })),
  );
  return {
    handle: toml.handle ?? "",
    scopes: toml.access_scopes?.scopes ?? "",
    webhookApiVersion: toml.webhooks?.api_version ?? "",
    subscriptions,
    appProxy: toml.app_proxy
      ? { path: new URL(toml.app_proxy.url).pathname, prefix: toml.app_proxy.prefix, subpath: toml.app_proxy.subpath }
      : null,
  };
}
