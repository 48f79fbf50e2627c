import { db } from "../db.server";
import { stopInlineWorkers } from "../worker/worker.server";
import { errorFields, log } from "../logging/log.server";

/**
 * What a load balancer or an orchestrator asks the web process: is it alive (it answers at all),
 * and is it ready for traffic (its database answers, and it is not shutting down). The answers
 * name the failing check, never its error: they are public.
 */
declare global {
  var orchardDraining: boolean | undefined;
}

export type Readiness = { ready: true } | { ready: false; reason: "shutting down" | "database unreachable" };

export async function readiness(): Promise<Readiness> {
  if (globalThis.orchardDraining) return { ready: false, reason: "shutting down" };
  try {
    await db().$queryRaw`SELECT 1`;
    return { ready: true };
  } catch (error) {
    log().error(errorFields(error), "readiness: the database does not answer");
    return { ready: false, reason: "database unreachable" };
  }
}

/**
 * The web process's part of a graceful stop, once it stopped taking requests: readiness turns
 * false, the inline workers finish the charge each has in flight and put the rest back in the
 * queue, and the database connections close.
 */
export async function shutDown(): Promise<void> {
  globalThis.orchardDraining = true;
  await stopInlineWorkers();
  await db().$disconnect();
}
