/**
 * `npm run worker`: Orchard's background work in its own process (production runs the web process
 * with ORCHARD_RUN_WORKERS=none and one or more of these). Stops cleanly on SIGTERM: each shop's
 * billing lane finishes the charge in flight and puts the rest of its batch back in the queue;
 * anything claimed and not finished (the process killed) is taken up again after a lease.
 */
import { startWorkerLoop } from "../app/worker/worker.server";
import { migrate } from "../prisma/tools/migrate";
import { config } from "../app/config.server";
import { log } from "../app/logging/log.server";

await migrate(config().DATABASE_URL);
const stop = startWorkerLoop(config().WORKER_IDLE_MS);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    log().info({ signal }, "worker stopping");
    // A charge in flight (throttled, retried) may take a while; past 10 s, the lease covers it.
    setTimeout(() => process.exit(0), 10_000).unref();
    void stop().then(() => process.exit(0));
  });
}
