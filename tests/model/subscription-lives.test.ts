import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { replaceClock } from "../../app/clock";
import { testContext } from "../support/context";
import { AgreedSubscription, type Frequency, type LifeSetup } from "./reference";
import { RealSubscription } from "./real-subscription";

/**
 * Whole subscription lives, generated: a checkout on a plan (intro price, minimum and maximum
 * orders), then what customers, merchants, Shopify and the clock do to it, each step applied to the
 * real stack and to the reference model of what the customer agreed to (reference.ts). After every
 * step, what Shopify charged (each cycle at most once, at the agreed amount), the contract's status
 * and next billing date in Orchard and in Shopify, Orchard's record of every cycle not charged, what
 * Orchard refused, and the MRR the dashboard holds must agree with the model. A failure prints the
 * shrunk life as a numbered story.
 *
 * `npm run test:model -- --runs N [--seed S]` runs N lives; CI runs a thousand from a seed of the
 * commit's (scripts/test.ts).
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 100);
const SEED = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : Date.now() | 0;
const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["UTC", "America/New_York", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata"];

interface Model {
  agreed: AgreedSubscription;
  now: Date;
}
interface Real {
  subscription: RealSubscription;
}

let restoreClock: () => void;
beforeAll(() => {
  // Orchard reads the store's clock: one time for both sides, moved by the life's steps.
  restoreClock = replaceClock(testContext().simulator.clock);
});
afterAll(() => restoreClock());

const date = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function expectAgreement(model: Model, real: Real): Promise<void> {
  const { agreed } = model;
  const { shopify, orchard } = await real.subscription.observe();
  // What Shopify charged: each cycle once, at what the customer agreed to pay for it.
  expect(shopify.charges.map((c) => [date(c.date), c.amountMinor])).toEqual(
    agreed.charges.map((c) => [c.date.toISOString(), c.amountMinor]),
  );
  expect(orchard.status).toBe(agreed.status);
  expect(shopify.status).toBe(agreed.status);
  const next = agreed.nextDate;
  expect(date(orchard.nextBillingAt)).toBe(next?.toISOString() ?? null);
  if (next) expect(date(shopify.nextBillingDate)).toBe(next.toISOString());
  // Orchard's record of every cycle: charged, or not charged with the reason.
  const charged = new Set(orchard.attempts.filter((a) => a.status === "succeeded").map((a) => a.cycle));
  expect([...charged].sort((a, b) => a - b)).toEqual(agreed.charges.map((c) => c.cycle));
  const uncharged = orchard.attempts.filter((a) => a.status === "skipped" && a.retry === 0).map((a) => [a.cycle, a.skipReason]);
  expect(uncharged).toEqual(agreed.uncharged.map((u) => [u.cycle, u.reason]));
  // The dashboard's MRR for this subscription, as its history has it after the step. (Within a step
  // it may pass through other values: a last order priced up for its charge, then the end.)
  expect(orchard.mrrHistory.at(-1) ?? 0).toBe(agreed.mrrMinor);
}

type Step = fc.AsyncCommand<Model, Real>;

/** A step of a life: applied to the model, then to the real stack, then the two compared. */
function step(text: string, applies: (model: Model) => boolean, run: (model: Model, real: Real) => Promise<void>): Step {
  return {
    check: applies,
    run: async (model, real) => {
      await run(model, real);
      await expectAgreement(model, real);
    },
    toString: () => text,
  };
}

const active = (m: Model) => m.agreed.status === "ACTIVE";
const moveTo = async (model: Model, real: Real, at: Date) => {
  model.now = at;
  await real.subscription.runUntil(at);
};

/** The customer or the merchant asks for a change; Orchard must take exactly what the model takes. */
function askStep(text: string, agreedTo: (model: Model) => unknown, act: (real: Real, model: Model) => Promise<boolean>): Step {
  return step(
    text,
    () => true,
    async (model, real) => {
      const refused = agreedTo(model);
      expect(await act(real, model), `${text}: Orchard ${refused ? "took" : "refused"} it`).toBe(refused === null);
    },
  );
}

const steps: fc.Arbitrary<Step>[] = [
  fc.constant(
    step("time passes to the next order with Orchard running", active, async (model, real) => {
      const { chargedAt, retriedAt } = model.agreed.billNextOrder();
      await moveTo(model, real, new Date(chargedAt.getTime() + MINUTE));
      // The retry is a day after the failure was reported, which came in the minute after the due date.
      if (retriedAt) await moveTo(model, real, new Date(retriedAt.getTime() + 60 * MINUTE));
    }),
  ),
  fc.constant(
    step(
      "time passes to the next order; the worker loses Shopify's answer to the charge and sends it again",
      active,
      async (model, real) => {
        const { chargedAt, retriedAt } = model.agreed.billNextOrder();
        model.now = new Date(chargedAt.getTime() + MINUTE);
        await real.subscription.chargeWithAnswerLost(model.now);
        if (retriedAt) await moveTo(model, real, new Date(retriedAt.getTime() + 60 * MINUTE));
      },
    ),
  ),
  fc.integer({ min: 1, max: 120 }).map((days) =>
    step(
      `Orchard is down for ${days} days`,
      (m) => !m.agreed.failNextCharge,
      async (model, real) => {
        // A minute past the whole days: a pause's end, set a few real milliseconds after the model's
        // now, falls inside the downtime on both sides rather than on its very edge.
        const at = new Date(model.now.getTime() + days * DAY + MINUTE);
        if (model.agreed.status === "ACTIVE") model.agreed.catchUp(at);
        else model.agreed.timePassed(at);
        await moveTo(model, real, at);
      },
    ),
  ),
  fc.constant(
    step(
      "the customer's next charge will be declined once",
      (m) => active(m) && !m.agreed.failNextCharge,
      async (model, real) => {
        model.agreed.failNextCharge = true;
        real.subscription.declineNextCharge();
      },
    ),
  ),
  fc.constant(
    askStep(
      "the customer skips the next order",
      (m) => m.agreed.skip("customer"),
      (r) => r.subscription.customer({ action: "skip" }),
    ),
  ),
  fc.constant(
    askStep(
      "the merchant skips the next order",
      (m) => m.agreed.skip("merchant"),
      (r) => r.subscription.merchant({ action: "skip" }),
    ),
  ),
  fc.integer({ min: 1, max: 6 }).map((ahead) =>
    askStep(
      `the customer skips the order ${ahead} after the next`,
      (m) => m.agreed.skipAhead("customer", ahead),
      (r, m) => r.subscription.customer({ action: "skip", cycle: m.agreed.nextCycle + ahead }),
    ),
  ),
  fc.integer({ min: 1, max: 3 }).map((ahead) =>
    askStep(
      `the merchant skips the order ${ahead} after the next`,
      (m) => m.agreed.skipAhead("merchant", ahead),
      (r, m) => r.subscription.merchant({ action: "skip", cycle: m.agreed.nextCycle + ahead }),
    ),
  ),
  fc.integer({ min: 0, max: 3 }).map((ahead) =>
    askStep(
      ahead === 0 ? "the customer un-skips the next order" : `the customer un-skips the order ${ahead} after the next`,
      (m) => m.agreed.unskipAhead(ahead),
      (r, m) => r.subscription.customer({ action: "unskip", cycle: m.agreed.nextCycle + ahead }),
    ),
  ),
  fc.constant(
    askStep(
      "the customer pauses",
      (m) => m.agreed.pause(),
      (r) => r.subscription.customer({ action: "pause" }),
    ),
  ),
  fc.integer({ min: 1, max: 3 }).map((months) =>
    askStep(
      `the customer pauses for ${months} month${months > 1 ? "s" : ""}`,
      (m) => m.agreed.pause({ now: m.now, months }),
      (r) => r.subscription.customer({ action: "pause", months }),
    ),
  ),
  fc.constant(
    askStep(
      "the customer resumes",
      (m) => m.agreed.resume(m.now),
      (r) => r.subscription.customer({ action: "resume" }),
    ),
  ),
  fc.constant(
    askStep(
      "the customer cancels",
      (m) => m.agreed.cancel(),
      (r) => r.subscription.customer({ action: "cancel", reason: "other" }),
    ),
  ),
  fc.constant(
    askStep(
      "the customer changes to the other frequency",
      (m) => m.agreed.changeFrequency(),
      (r, m) => r.subscription.customer({ action: "changeFrequency", sellingPlanId: r.subscription.planGid(m.agreed.frequency) }),
    ),
  ),
  fc.integer({ min: 1, max: 4 }).map((quantity) =>
    askStep(
      `the customer changes the quantity to ${quantity}`,
      (m) => m.agreed.changeQuantity(quantity),
      (r) => r.subscription.changeQuantity(quantity),
    ),
  ),
  fc.constant(
    askStep(
      "the merchant swaps the subscription to the product's other variant",
      (m) => m.agreed.swapVariant(),
      (r, m) => r.subscription.swapVariant(m.agreed.variant),
    ),
  ),
  fc.integer({ min: 1, max: 2 }).map((quantity) =>
    askStep(
      `the customer adds ${quantity} to the next order only`,
      (m) => m.agreed.addOneTime(quantity),
      (r) => r.subscription.addOneTime(quantity),
    ),
  ),
  fc.integer({ min: 1, max: 60 }).map((days) =>
    askStep(
      `the customer moves the next order to ${days} days from today`,
      (m) => m.agreed.reschedule(m.now, days),
      (r, m) => r.subscription.customer({ action: "reschedule", date: m.agreed.dayAfter(m.now, days) }),
    ),
  ),
  fc.constant(
    askStep(
      "the customer starts to cancel and takes the discount offered instead",
      (m) => m.agreed.acceptDiscount(20),
      (r) => r.subscription.takeDiscountInsteadOfCancelling(),
    ),
  ),
  fc.constantFrom(...ZONES).map((zone) =>
    step(
      `the merchant moves the shop to ${zone}`,
      (m) => m.agreed.status === "ACTIVE" || m.agreed.status === "PAUSED",
      async (model, real) => {
        model.agreed.changeZone(zone);
        await real.subscription.changeZone(zone);
      },
    ),
  ),
];

const FREQUENCIES: Omit<Frequency, "percentOff">[] = [
  { interval: "WEEK", count: 1, deliveries: 1 },
  { interval: "WEEK", count: 2, deliveries: 1 },
  { interval: "WEEK", count: 4, deliveries: 1 },
  { interval: "MONTH", count: 1, deliveries: 1 },
  { interval: "MONTH", count: 2, deliveries: 1 },
  // Prepaid: three monthly deliveries paid each quarter; two two-weekly ones each four weeks.
  { interval: "MONTH", count: 1, deliveries: 3 },
  { interval: "WEEK", count: 2, deliveries: 2 },
];
const frequency = fc.record({
  kind: fc.constantFrom(...FREQUENCIES),
  percentOff: fc.constantFrom(0, 5, 10, 15),
});

const lifeSetup: fc.Arbitrary<LifeSetup> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    start: fc.record({
      year: fc.constant(2027),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      // Orders bill in the shop's day: never in a DST change's missing or repeated hour.
      hour: fc.integer({ min: 8, max: 20 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    frequencies: fc.uniqueArray(frequency, {
      minLength: 2,
      maxLength: 2,
      selector: (f) => `${f.kind.interval}${f.kind.count}x${f.kind.deliveries}`,
    }),
    intro: fc.option(fc.record({ orders: fc.integer({ min: 1, max: 3 }), percentOff: fc.constant(50) }), { nil: null }),
    minCycles: fc.option(fc.integer({ min: 2, max: 4 }), { nil: null }),
    extraCycles: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    unitPriceMinor: fc.integer({ min: 99, max: 12_999 }),
    otherVariantPriceMinor: fc.integer({ min: 99, max: 12_999 }),
    missedCycles: fc.constantFrom("chargeLatest" as const, "skipAll" as const),
    duplicateWebhooks: fc.boolean(),
  })
  .map(({ start, frequencies, minCycles, extraCycles, ...rest }) => ({
    ...rest,
    start: { ...start, day: Math.min(start.day, new Date(Date.UTC(start.year, start.month, 0)).getUTCDate()) },
    terms: {
      frequencies: frequencies.map((f) => ({ ...f.kind, percentOff: f.percentOff })) as [Frequency, Frequency],
      intro: rest.intro,
      minCycles,
      // A maximum is at least the minimum, and at least two orders (Shopify's own rule).
      maxCycles: extraCycles === null ? null : Math.max(minCycles ?? 2, 2) + extraCycles,
    },
  }));

const two = (n: number) => String(n).padStart(2, "0");

/** The life's setup in words, for the story a failure prints. */
function describeLife(setup: LifeSetup): string {
  const { start, terms } = setup;
  const price = (f: Frequency) =>
    `every ${f.count} ${f.interval.toLowerCase()}${f.count > 1 ? "s" : ""}${f.deliveries > 1 ? ` (${f.deliveries} deliveries prepaid)` : ""} at ${f.percentOff} % off`;
  return [
    `A shop in ${setup.zone} sells a product at ${setup.unitPriceMinor} (minor units; its other variant at ${setup.otherVariantPriceMinor}); `,
    `its plans: ${price(terms.frequencies[0])} (chosen at checkout) or ${price(terms.frequencies[1])}`,
    terms.intro ? `, the first ${terms.intro.orders} orders at ${terms.intro.percentOff} % off` : "",
    terms.minCycles !== null ? `, at least ${terms.minCycles} orders` : "",
    terms.maxCycles !== null ? `, at most ${terms.maxCycles} orders` : "",
    `. Missed orders: ${setup.missedCycles}${setup.duplicateWebhooks ? "; every webhook arrives twice, some out of order" : ""}.`,
    ` The customer checks out on ${start.year}-${two(start.month)}-${two(start.day)} at ${two(start.hour)}:${two(start.minute)}, then:`,
  ].join("");
}

it(`${RUNS} generated subscription lives (seed ${SEED}) charge exactly what each customer agreed to`, { timeout: 0 }, async () => {
  const property = fc.asyncProperty(lifeSetup, fc.commands(steps, { maxCommands: 10 }), async (setup, commands) => {
    const subscription = await RealSubscription.start(setup);
    try {
      const agreed = new AgreedSubscription(setup, subscription.checkoutAt);
      await fc.asyncModelRun(() => ({ model: { agreed, now: agreed.checkoutAt }, real: { subscription } }), commands);
    } finally {
      await subscription.end();
    }
  });
  const outcome = await fc.check(property, { numRuns: RUNS, seed: SEED });
  if (!outcome.failed || !outcome.counterexample) return;
  const [setup, commands] = outcome.counterexample;
  const story = String(commands)
    .replace(/\/\*.*\*\//, "")
    .split(",")
    .map((line, index) => `  ${index + 1}. ${line.trim()}`);
  throw new Error(
    [
      `Life ${outcome.numRuns} of seed ${SEED} broke what the customer agreed to (replay: npm run test:model -- --runs ${RUNS} --seed ${SEED}).`,
      describeLife(setup),
      ...story,
      `The last step ended with: ${outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance)}`,
    ].join("\n"),
  );
});
