import { clock, OffsetClock, replaceClock } from "../clock";
import { config } from "../config.server";
import { backgroundAdmin } from "../shopify/background.server";
import { sendPendingEmails } from "../email/outbox.server";
import { sendDueReminders } from "../reminders/sending.server";
import { scheduleDueCycles, sendScheduledAttempts } from "../subscriptions/billing.server";
import { enqueueUpcomingOrderEmails, resumeDuePauses } from "../subscriptions/lifecycle-jobs.server";
import { processInbox } from "../webhooks/inbox.server";

/**
 * Orchard's background work, one round at a time: the webhook inbox, pauses that end, billing
 * (schedule what is due, send what is scheduled), reorder reminders that are due, then the emails those steps wrote down. Every
 * step is safe to run in several processes at once, so the same loop runs inside the web process
 * (the embedded default, ORCHARD_RUN_WORKERS=inline) or in separate worker processes
 * (`npm run worker`) in production.
 */
export async function runRound(): Promise<{ webhooks: number; scheduled: number; sent: number; reminders: number; emails: number }> {
  const webhooks = await processInbox();
  await resumeDuePauses(backgroundAdmin);
  const scheduled = await scheduleDueCycles();
  const sent = await sendScheduledAttempts(backgroundAdmin);
  await announceUpcomingOrders();
  const reminders = await sendReminders();
  const emails = await sendPendingEmails();
  return { webhooks, scheduled, sent, reminders, emails };
}

/**
 * A step about days and hours, not seconds (orders announced days ahead, reminders due at an hour
 * of the day), that rounds run far more often than it needs: after a look that found nothing it
 * waits a minute of the business clock, so a clock moved in tests or the demo looks again at once.
 */
const IDLE_LOOK_EVERY_MS = 60_000;
function whenDue(step: () => Promise<number>): () => Promise<number> {
  let idleAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock().now().getTime();
    if (Math.abs(now - idleAt) < IDLE_LOOK_EVERY_MS) return 0;
    const done = await step();
    idleAt = done > 0 ? Number.NEGATIVE_INFINITY : now;
    return done;
  };
}

const announceUpcomingOrders = whenDue(() => enqueueUpcomingOrderEmails());
const sendReminders = whenDue(() => sendDueReminders(backgroundAdmin));

/**
 * Against the simulator (never in production: config refuses it), Orchard's clock follows the
 * simulator's, so the demo's "advance the clock" moves billing too.
 */
async function followSimulatorClock(simulatorUrl: string, simulated: OffsetClock): Promise<void> {
  const response = await fetch(new URL("/_control/clock", simulatorUrl));
  const { now } = (await response.json()) as { now: string };
  simulated.setOffset(new Date(now).getTime() - Date.now());
}

/**
 * Runs rounds until stopped: the next one at once after a round that found work (a backlog drains
 * without pauses), after `idleMs` when it found none (an idle worker costs the database little).
 */
export function startWorkerLoop(idleMs = config().WORKER_IDLE_MS): () => void {
  const simulatorUrl = config().SHOPIFY_SIMULATOR_URL;
  const simulated = new OffsetClock();
  if (simulatorUrl) replaceClock(simulated);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let busy = false;
    try {
      if (simulatorUrl) await followSimulatorClock(simulatorUrl, simulated);
      const done = await runRound();
      busy = Object.values(done).some((count) => count > 0);
    } catch (error) {
      console.error("[worker] round failed", (error as Error).message);
    }
    if (!stopped) timer = setTimeout(() => void tick(), busy ? 0 : idleMs);
  };
  void tick();
  console.log(
    `[worker] running, every ${idleMs} ms when idle (clock: ${simulatorUrl ? "simulator" : "system"}, now ${clock().now().toISOString()})`,
  );
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

declare global {
  var orchardWorkerStarted: boolean | undefined;
}

/** Starts the loop once per web process when workers run inline. */
export function startInlineWorkers(): void {
  if (config().ORCHARD_RUN_WORKERS !== "inline" || config().NODE_ENV === "test" || globalThis.orchardWorkerStarted) return;
  globalThis.orchardWorkerStarted = true;
  startWorkerLoop();
}
