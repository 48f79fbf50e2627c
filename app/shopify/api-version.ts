/**
 * The one Admin API version Orchard speaks, everywhere: the app's clients, the codegen config,
 * shopify.app.toml's [webhooks] api_version and the simulator's default. A current stable version;
 * never "unstable". Bump it here (and in shopify.app.toml, which a test keeps in step).
 */
export const ADMIN_API_VERSION = "2026-10";
