import { z } from "zod";

/**
 * Orchard's configuration, read once from the environment and checked at boot. A bad or missing
 * variable stops the process with a message naming it; nothing reads process.env elsewhere.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    // During a rotation of the app's secret: the one before, still accepted for Orchard's own links and tokens.
    SHOPIFY_API_SECRET_PREVIOUS: z.string().min(1).optional(),
    SHOPIFY_APP_URL: z.string().url("must be the app's public URL, e.g. https://orchard.example.com"),
    SCOPES: z.string().min(1, "is required (comma-separated access scopes)"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
      .default("file:./.data/orchard.db"),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    // Set only in the demo and tests: routes every *.myshopify.com call to the local store simulator.
    SHOPIFY_SIMULATOR_URL: z.string().url("must be the simulator's URL, e.g. http://127.0.0.1:4100").optional(),
    ORCHARD_RUN_WORKERS: z.enum(["inline", "none"]).default("inline"),
    // How long work a worker claimed (a charge being sent, a webhook, an email) stays its own before
    // another worker may take it up, in case the first one died.
    WORKER_LEASE_SECONDS: z.coerce.number().int().min(1, "must be at least 1 second").max(3600).default(300),
    // How long a worker waits before its next round after a round that found nothing to do; after
    // one that found work it goes on at once.
    WORKER_IDLE_MS: z.coerce.number().int().min(10, "must be at least 10 ms").max(60_000).default(2_000),
    // silent: the model-based test, which makes Orchard log its injected failures by the hundred.
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Where Orchard's emails to subscribers go out: smtp://user:pass@host:port (smtps:// for TLS).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "must be an SMTP URL, e.g. smtp://user:pass@smtp.example.com:587")
      .optional(),
    MAIL_FROM: z.string().email("must be an email address, e.g. subscriptions@orchard.example").default("subscriptions@orchard.example"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SHOPIFY_SIMULATOR_URL) {
      ctx.addIssue({ code: "custom", path: ["SHOPIFY_SIMULATOR_URL"], message: "must not be set in production" });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production (subscribers' emails are sent through it)" });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Orchard cannot start: invalid configuration\n${lines.join("\n")}`);
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * The App Bridge script the admin pages load. Shopify's CDN in production; against the simulator,
 * the simulator's stand-in (docs/decisions/004-app-bridge-in-the-simulator.md).
 */
export function appBridgeScriptUrl(): string | undefined {
  const simulator = config().SHOPIFY_SIMULATOR_URL;
  return simulator ? new URL("/app-bridge.js", simulator).toString() : undefined;
}
