import type { SimulatorContext } from "./context";
import { escapeHtml, html, type Router } from "./http";

/**
 * The merchant's other tools, for the demo (docs/simulator.md): Shopify Flow, where workflows that
 * start with Orchard's triggers are turned on and off (Flow asks Orchard's lifecycle callback
 * first) and the triggers Orchard sent are listed; and Klaviyo, where a private key is made for
 * Orchard's integrations page and the events Orchard sent are listed.
 */
const page = (title: string, body: string) =>
  html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · local store simulator</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:860px;margin:40px auto;padding:0 16px">
<h1>${escapeHtml(title)}</h1><p><a href="/">Back</a></p>${body}</body></html>`);

const back = { status: 303, headers: { location: "/tools" } };
const RECENT = 20;

export function otherToolsRoutes(sim: SimulatorContext, router: Router): void {
  router.on("GET", "/tools", () => {
    const triggers = [...sim.store.flowExtensions.triggers];
    const shops = [...sim.store.shops.values()]
      .map((shop) => {
        const toggles = triggers
          .map(([handle, trigger]) => {
            const on = shop.flowWorkflows.has(handle);
            return `<li><form method="post" action="/tools/${escapeHtml(shop.domain)}/flow/${escapeHtml(handle)}" style="display:inline">
<input type="hidden" name="enabled" value="${on ? "" : "on"}"><button>${on ? "Turn off" : "Turn on"}</button></form>
${escapeHtml(trigger.name)}: ${on ? "<strong>a workflow uses it</strong>" : "no workflow"}</li>`;
          })
          .join("");
        const runs = shop.flowTriggerRuns
          .slice(-RECENT)
          .reverse()
          .map(
            (run) =>
              `<li>${escapeHtml(run.receivedAt.toISOString())} <strong>${escapeHtml(run.handle)}</strong> <code>${escapeHtml(JSON.stringify(run.payload))}</code></li>`,
          )
          .join("");
        return `<h3>${escapeHtml(shop.name)}</h3><ul>${toggles}</ul><p>Triggers received, newest first:</p><ul>${runs || "<li>None yet.</li>"}</ul>`;
      })
      .join("");
    const events = sim.klaviyo.events
      .slice(-RECENT)
      .reverse()
      .map(
        (event) =>
          `<li><strong>${escapeHtml(event.metric)}</strong> for ${escapeHtml(event.email)} <code>${escapeHtml(JSON.stringify(event.properties))}</code></li>`,
      )
      .join("");
    const keys = sim.klaviyo.issuedKeys.map((key) => `<li><code>${escapeHtml(key)}</code></li>`).join("");
    return page(
      "Shopify Flow and Klaviyo",
      `<h2>Shopify Flow</h2><p>Turn on a workflow that starts with one of Orchard's triggers: Flow asks Orchard first, then Orchard sends the trigger each time it happens.</p>${shops || "<p>No shops yet.</p>"}
<h2>Klaviyo</h2><p>Make a private API key, then paste it in Orchard's Integrations page.</p>
<form method="post" action="/tools/klaviyo/keys"><button>Make a private API key</button></form><ul>${keys}</ul>
<p>Events Klaviyo received, newest first:</p><ul>${events || "<li>None yet.</li>"}</ul>`,
    );
  });

  router.on("POST", "/tools/:shop/flow/:handle", async (req) => {
    const shop = sim.store.shop(req.params.shop ?? "");
    const handle = req.params.handle ?? "";
    if (!shop || !sim.store.flowExtensions.triggers.has(handle)) return page("Not found", "<p>No such shop or trigger.</p>");
    await sim.setFlowWorkflow(shop, handle, new URLSearchParams(req.rawBody).get("enabled") === "on");
    return back;
  });

  router.on("POST", "/tools/klaviyo/keys", () => {
    sim.klaviyo.issueKey({ organizationName: "Orchard Demo Coffee & Tea" });
    return back;
  });
}
