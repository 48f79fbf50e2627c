import { resumeStalledBackfills } from "../backfill/backfill.server";
import { clock, OffsetClock, replaceClock } from "../clock";
import { config } from "../config.server";
import { errorFields, log } from "../logging/log.server";
import { backgroundAdmin } from "../shopify/background.server";
import { sendPendingEmails } from "../email/outbox.server";
import { combineSubscribers, deliverEvents } from "../events/event-outbox.server";
import { reminderEmailTemplates } from "../reminders/email";
import { partnerEmailTemplates } from "../protection/partner-emails";
import { enqueueMonthlyStatements } from "../protection/partners.server";
import { referralEmailTemplates } from "../referrals/referral-email";
import { MEMBERSHIP_SUBSCRIBERS, syncMemberPerks } from "../memberships/memberships.server";
import { runImports } from "../migration/migration.server";
import { FLOW_SUBSCRIBERS, sendFlowTriggers } from "../flow/flow-triggers.server";
import { emailKindsLeftToKlaviyo, KLAVIYO_SUBSCRIBERS, sendKlaviyoEvents } from "../klaviyo/klaviyo.server";
import { applyReferralCredits, issueReferralCodes, REFERRAL_SUBSCRIBERS } from "../referrals/referrals.server";
import { signInEmailTemplates } from "../self-service/sign-in-email";
import { sendDueReminders } from "../reminders/sending.server";
import { importPastBuyers } from "../reminders/past-buyers.server";
import { FIGURES_SUBSCRIBERS } from "../retention/figures.server";
import { forgetUninstalledShops } from "../shops/shops.server";
import { BillingLanes, scheduleDueCycles } from "../subscriptions/billing.server";
import { enqueueUpcomingOrderEmails, resumeDuePauses } from "../subscriptions/lifecycle-jobs.server";
import { subscriberEmailTemplates } from "../subscriptions/subscriber-emails";
import { processInbox, pruneProcessedDeliveries } from "../webhooks/inbox.server";

/** What reacts to each domain event, by capability. */
export const EVENT_SUBSCRIBERS = combineSubscribers(
  FIGURES_SUBSCRIBERS,
  REFERRAL_SUBSCRIBERS,
  MEMBERSHIP_SUBSCRIBERS,
  FLOW_SUBSCRIBERS,
  KLAVIYO_SUBSCRIBERS,
);

/** Every kind of email Orchard sends, by the capability that sends it. */
export const EMAIL_TEMPLATES = {
  ...subscriberEmailTemplates,
  ...reminderEmailTemplates,
  ...signInEmailTemplates,
  ...partnerEmailTemplates,
  ...referralEmailTemplates,
};

/**
 * Orchard's background work, one round at a time: the webhook inbox, pauses that end, billing
 * (schedule what is due, send what is scheduled), reorder reminders that are due and new rules'
 * past buyers, partners' statements for a month just ended, the domain events (then the referral
 * codes they made due, referrers' credits onto their renewals, membership tiers' perks to
 * their members, the Shopify Flow triggers and Klaviyo events they started, and subscriptions imported
 * from another app)
 * and emails those steps wrote down, then what is kept no longer (shops uninstalled more than 48 hours ago,
 * processed webhooks older than a week), and history imports whose process died. Every
 * step is safe to run in several processes at once, so the same loop runs inside the web process
 * (the embedded default, ORCHARD_RUN_WORKERS=inline) or in separate worker processes
 * (`npm run worker`) in production.
 * The worker's loop hands every round its billing lanes, which go on sending a shop's charges
 * while later rounds run; a round run on its own (tests) waits for the lanes it started.
 */
export async function runRound(lanes?: BillingLanes): Promise<{
  webhooks: number;
  scheduled: number;
  sent: number;
  reminders: number;
  pastBuyerPages: number;
  events: number;
  emails: number;
  flowTriggers: number;
  klaviyoEvents: number;
  imported: number;
}> {
  const webhooks = await processInbox();
  await resumeDuePauses(backgroundAdmin);
  const scheduled = await scheduleDueCycles();
  const billing = lanes ?? new BillingLanes(backgroundAdmin);
  await billing.dispatch();
  if (!lanes) await billing.idle();
  const sent = billing.takeSettled();
  await announceUpcomingOrders();
  const reminders = await sendReminders();
  const pastBuyerPages = await importPastBuyers(backgroundAdmin);
  await writePartnerStatements();
  const events = await deliverEvents(EVENT_SUBSCRIBERS);
  await issueReferralCodes(backgroundAdmin);
  await applyReferralCredits(backgroundAdmin);
  await syncMemberPerks(backgroundAdmin);
  const flowTriggers = await sendFlowTriggers(backgroundAdmin);
  const klaviyoEvents = await sendKlaviyoEvents();
  const imported = await runImports(backgroundAdmin);
  const emails = await sendPendingEmails(EMAIL_TEMPLATES, { leftOut: emailKindsLeftToKlaviyo });
  await forgetShopsGone();
  await pruneDeliveries();
  await resumeImports();
  return { webhooks, scheduled, sent, reminders, pastBuyerPages, events, emails, flowTriggers, klaviyoEvents, imported };
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
const writePartnerStatements = whenDue(enqueueMonthlyStatements);
const forgetShopsGone = whenDue(forgetUninstalledShops);
const pruneDeliveries = whenDue(pruneProcessedDeliveries);
// Last in the round: an import taken up again runs to its end before the next round.
const resumeImports = whenDue(() => resumeStalledBackfills(backgroundAdmin));

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
 * without pauses) or when a billing lane makes progress, after `idleMs` otherwise (an idle worker
 * costs the database little).
 */
export function startWorkerLoop(idleMs = config().WORKER_IDLE_MS): () => Promise<void> {
  const simulatorUrl = config().SHOPIFY_SIMULATOR_URL;
  const simulated = new OffsetClock();
  if (simulatorUrl) replaceClock(simulated);
  const lanes = new BillingLanes(backgroundAdmin);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let busy = false;
    try {
      if (simulatorUrl) await followSimulatorClock(simulatorUrl, simulated);
      const done = await runRound(lanes);
      busy = Object.values(done).some((count) => count > 0);
    } catch (error) {
      log().error(errorFields(error), "worker round failed");
    }
    if (stopped) return;
    let fired = false;
    const next = () => {
      if (fired || stopped) return;
      fired = true;
      clearTimeout(timer);
      void tick();
    };
    timer = setTimeout(next, busy ? 0 : idleMs);
    // Charges a lane settled bring outcome webhooks and free the shop's turn: no idle pause then.
    lanes.wakeOnProgress(next);
  };
  void tick();
  log().info({ idleMs, clock: simulatorUrl ? "simulator" : "system", now: clock().now().toISOString() }, "worker running");
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await lanes.stop();
  };
}

declare global {
  // On globalThis: the dev server reloads this module, and the loop must still run once.
  var orchardInlineWorker: (() => Promise<void>) | undefined;
}

/** Starts the loop once per web process when workers run inline. */
export function startInlineWorkers(): void {
  if (config().ORCHARD_RUN_WORKERS !== "inline" || config().NODE_ENV === "test" || globalThis.orchardInlineWorker) return;
  globalThis.orchardInlineWorker = startWorkerLoop();
}

/** Stops the inline loop, if this process runs one, once its lanes finished the charges in flight. */
export async function stopInlineWorkers(): Promise<void> {
  await globalThis.orchardInlineWorker?.();
}
