// What more than one of Orchard's UI extensions needs: each bundles its own copy.
declare const process: { env: { APP_URL?: string } };

/**
 * Orchard's URL, written into the bundle by Shopify's CLI, which replaces `process.env.APP_URL`: with
 * the tunnel's URL under `shopify app dev`; on `shopify app build` and `deploy`, with APP_URL from the
 * environment or from the .env file of the app configuration in use (one `shopify.app.{name}.toml`
 * and `.env.{name}` per environment, `shopify app config use {name}`). A bundle built without it is
 * refused by scripts/extension-bundles.ts.
 */
export const APP_URL: string = process.env.APP_URL ?? "";
