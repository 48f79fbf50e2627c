import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

/** What the simulator learns from the app's shopify.app.toml, as Shopify does on `app deploy`. */
export interface AppConfig {
  scopes: string;
  webhookApiVersion: string;
  subscriptions: { topic: string; uri: string }[];
}

export function readAppConfig(path: string): AppConfig {
  const toml = parse(readFileSync(path, "utf8")) as {
    access_scopes?: { scopes?: string };
    webhooks?: { api_version?: string; subscriptions?: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
  };
  const subscriptions = (toml.webhooks?.subscriptions ?? []).flatMap((s) =>
    [...(s.topics ?? []), ...(s.compliance_topics ?? [])].map((topic) => ({ topic, uri: s.uri })),
  );
  return {
    scopes: toml.access_scopes?.scopes ?? "",
    webhookApiVersion: toml.webhooks?.api_version ?? "",
    subscriptions,
  };
}
