/**
 * `npm run worker`: Orchard's background work in its own process (production runs the web process
 * with ORCHARD_RUN_WORKERS=none and one or more of these). Stops cleanly on SIGTERM: the round in
 * progress finishes; anything it had claimed and not finished is taken up again by a lease.
 */
import { startWorkerLoop } from "../app/worker/worker.server";
import { migrate } from "../prisma/tools/migrate";
import { config } from "../app/config.server";

await migrate(config().DATABASE_URL);
const stop = startWorkerLoop(config().WORKER_IDLE_MS);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    stop();
    setTimeout(() => process.exit(0), 1_000);
  });
}
