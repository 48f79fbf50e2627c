/** Liveness: the process answers. Nothing else is checked, so a slow database never gets it restarted. */
export const loader = () => new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
