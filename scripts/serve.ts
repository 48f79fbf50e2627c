/**
 * `npm start`: Orchard's web process in production, serving the build of `npm run build`. It
 * migrates the database first (under a lock, so several processes may start at once), and on
 * SIGTERM or SIGINT stops in order: no new connections, the requests in flight answered, then the
 * build's `shutDown` (readiness 503, inline workers finish the charge in flight, database closed).
 * Past SHUTDOWN_TIMEOUT_MS it exits anyway: what a worker had claimed is taken up again after its
 * lease, and a charge's idempotency key keeps it from being made twice.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { config } from "../app/config.server";
import { errorFields, log } from "../app/logging/log.server";
import { migrate } from "../prisma/tools/migrate";

const SHUTDOWN_TIMEOUT_MS = 25_000;
const root = resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const settings = config();
const applied = await migrate(settings.DATABASE_URL);
if (applied.length) log().info({ migrations: applied }, "database migrated");

type OrchardBuild = ServerBuild & { entry: { module: { shutDown: () => Promise<void> } } };
const build = (await import(pathToFileURL(resolve(root, "build/server/index.js")).href)) as OrchardBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Vite fingerprints what it puts under /assets: cached for good. The rest of public/ for an hour.
app.use(
  build.publicPath,
  express.static(resolve(root, "build/client", build.publicPath.replace(/^\//, "")), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(resolve(root, "build/client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: settings.NODE_ENV }));

const server = app.listen(port, host, () => log().info({ port, host, workers: settings.ORCHARD_RUN_WORKERS }, "web process listening"));

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, "web process stopping");
    setTimeout(() => {
      log().warn({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, "web process did not stop in time; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close(() => {
      build.entry.module
        .shutDown()
        .then(() => {
          log().info("web process stopped");
          process.exit(0);
        })
        .catch((error: unknown) => {
          log().error(errorFields(error), "web process stopped with an error");
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  });
}
