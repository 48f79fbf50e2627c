import { PassThrough } from "stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./shopify.server";
import { config } from "./config.server";
import { errorFields, log } from "./logging/log.server";
import { startInlineWorkers } from "./worker/worker.server";

// What the production server (scripts/serve.ts) calls on SIGTERM, reached through the build's entry module.
export { shutDown } from "./operations/health.server";

export const streamTimeout = 5000;

// The embedded default: background work runs in this process (ORCHARD_RUN_WORKERS=inline).
startInlineWorkers();

/** A loader or action that failed (not a Response it threw on purpose): one log line, with where. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  log().error({ method: request.method, path: new URL(request.url).pathname, ...errorFields(error) }, "request failed");
};

/**
 * Shopify admin frames the app, and the library's headers allow only Shopify's origins to do so.
 * Against the local store simulator its admin page is the one that frames the app, so its origin
 * is allowed as well, and App Bridge comes from the simulator rather than Shopify's CDN (no
 * preload of a script that cannot be fetched). The variable that enables this is refused in
 * production (config.server.ts).
 */
export function adaptHeadersToSimulator(headers: Headers, simulator: string | undefined): void {
  if (!simulator) return;
  const policy = headers.get("Content-Security-Policy");
  if (policy) headers.set("Content-Security-Policy", policy.replace("frame-ancestors", `frame-ancestors ${new URL(simulator).origin}`));
  headers.delete("Link");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  adaptHeadersToSimulator(responseHeaders, config().SHOPIFY_SIMULATOR_URL);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        log().error(errorFields(error), "page render failed");
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
