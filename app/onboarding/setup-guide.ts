import type { ThemeBlock } from "./theme-blocks";

/**
 * The dashboard's setup guide: the steps from install to a first recurring sale, each done or not
 * from what is really in place (never from what was clicked). Pure.
 */
export type SetupStepId = "plan" | "theme" | "reminders" | "protection" | "accountLink";

export interface SetupFacts {
  /** Orchard's plans that have at least one product on sale with them. */
  plansWithProducts: number;
  /** Which of Orchard's blocks are on the published theme; null when the theme could not be read. */
  themeBlocks: Record<ThemeBlock, boolean> | null;
  reminderRules: number;
  activeProtectionOffers: number;
}

export interface SetupStep {
  id: SetupStepId;
  done: boolean;
  optional: boolean;
  /** What the step asks of Orchard's own screens (a plan, a rule, an offer) is in place. */
  configured: boolean;
  /** Orchard's blocks the step still needs on the theme, once it is configured (all of them when the theme could not be read). */
  missingBlocks: ThemeBlock[];
}

function step(id: SetupStepId, optional: boolean, configured: boolean, needs: ThemeBlock[], facts: SetupFacts): SetupStep {
  const missingBlocks = configured ? needs.filter((block) => facts.themeBlocks?.[block] !== true) : [];
  return { id, optional, configured, missingBlocks, done: configured && missingBlocks.length === 0 };
}

export function setupSteps(facts: SetupFacts): SetupStep[] {
  return [
    step("plan", false, facts.plansWithProducts > 0, [], facts),
    step("theme", false, true, ["subscribe-and-save"], facts),
    step("reminders", false, facts.reminderRules > 0, [], facts),
    // An offer sells nothing until the block shows it and the embed keeps the cart's protection lines right.
    step("protection", true, facts.activeProtectionOffers > 0, ["protection-offer", "protection-cart"], facts),
    // Only stores on classic customer accounts need it: new customer accounts list Orchard's page themselves.
    step("accountLink", true, true, ["account-link"], facts),
  ];
}

/** The guide leaves the dashboard once every step that is not optional is done. */
export const setupFinished = (steps: SetupStep[]): boolean => steps.every((step) => step.done || step.optional);
