/**
 * The dashboard's setup guide: the steps from install to a first recurring sale, each done or not
 * from what is really in place (never from what was clicked). Pure.
 */
export type SetupStepId = "plan" | "theme" | "reminders" | "protection";

export interface SetupFacts {
  /** Orchard's plans that have at least one product on sale with them. */
  plansWithProducts: number;
  /** The subscribe block is on the published theme's product page; null when the theme could not be read. */
  subscribeBlockOnTheme: boolean | null;
  reminderRules: number;
  activeProtectionOffers: number;
}

export interface SetupStep {
  id: SetupStepId;
  done: boolean;
  optional: boolean;
}

export function setupSteps(facts: SetupFacts): SetupStep[] {
  return [
    { id: "plan", done: facts.plansWithProducts > 0, optional: false },
    { id: "theme", done: facts.subscribeBlockOnTheme === true, optional: false },
    { id: "reminders", done: facts.reminderRules > 0, optional: false },
    { id: "protection", done: facts.activeProtectionOffers > 0, optional: true },
  ];
}

/** The guide leaves the dashboard once every step that is not optional is done. */
export const setupFinished = (steps: SetupStep[]): boolean => steps.every((step) => step.done || step.optional);
