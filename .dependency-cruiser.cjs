// Orchard's layers (docs/architecture.md), each importing only those below it, checked by
// `npm run deps` and CI (scripts/test.ts). tests/unit/dependency-rules.test.ts breaks each rule on a
// copy of the tree and expects it named. Tests, benchmarks and scripts may import anything.
const KERNEL =
  "^app/(?:(?:clock|config[.]server|csv|db[.]server|html|money|percent|secret-box[.]server|shop-domain|signatures|signing-keys[.]server|work-queue[.]server)[.]ts$|(?:logging|i18n|time|types|http|events)/)";
const SHOPIFY = "^app/shopify/";
const SHOPS = "^app/shops/";
const CAPABILITY_NAMES =
  "app-billing|backfill|email|flow|klaviyo|memberships|migration|onboarding|orders|privacy|protection|referrals|reminders|retention|self-service|subscriptions";
const CAPABILITIES = `^app/(?:${CAPABILITY_NAMES})/`;
const ORCHESTRATION = "^app/(?:webhooks|worker|operations)/";
const APP = "^app/(?:(?:routes|components|requests)/|(?:entry[.]server|root|shopify[.]server)[.]tsx?$)";

/** A layer may import its own and those below it, nothing else of app/. */
const downwardOnly = (name, layer, below) => ({
  name,
  severity: "error",
  comment: `${name}: imports only ${below.length ? "the layers below it" : "itself"} (docs/architecture.md)`,
  from: { path: layer },
  to: { path: "^app/", pathNot: [layer, ...below] },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No file imports itself through others: each layer and module can be read from the bottom up.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-capability-cycles",
      severity: "error",
      comment: "Two capabilities never import each other, directly or through others: one reacts to the other's domain events instead.",
      scope: "folder",
      from: { path: `^app/(?:${CAPABILITY_NAMES})$` },
      to: { path: `^app/(?:${CAPABILITY_NAMES})$`, circular: true },
    },
    downwardOnly("kernel-imports-kernel", KERNEL, []),
    downwardOnly("shopify-seam-downward", SHOPIFY, [KERNEL]),
    downwardOnly("shops-downward", SHOPS, [KERNEL, SHOPIFY]),
    downwardOnly("capabilities-downward", CAPABILITIES, [KERNEL, SHOPIFY, SHOPS]),
    downwardOnly("orchestration-downward", ORCHESTRATION, [KERNEL, SHOPIFY, SHOPS, CAPABILITIES]),
    {
      name: "every-module-in-a-layer",
      severity: "error",
      comment: "A new folder or top-level file of app/ is placed in a layer here and in docs/architecture.md.",
      from: { path: "^app/", pathNot: [KERNEL, SHOPIFY, SHOPS, CAPABILITIES, ORCHESTRATION, APP] },
      to: {},
    },
    {
      name: "app-never-imports-simulator",
      severity: "error",
      comment: "The simulator stands in for Shopify in tests and the demo; the app reaches it only through Shopify's URLs.",
      from: { path: "^(?:app|extensions)/" },
      to: { path: "^simulator/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Generated types (codegen): every operation's types in one file, imported by type only.
    exclude: { path: "^app/types/" },
    // Type-only imports count: a cycle of types is still a cycle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
