import { describe, expect, it } from "vitest";
import { setupFinished, setupSteps } from "../../../app/onboarding/setup-guide";

const nothing = { plansWithProducts: 0, subscribeBlockOnTheme: false, reminderRules: 0, activeProtectionOffers: 0 };

describe("the setup guide", () => {
  it("shows each step done from the shop's state", () => {
    expect(setupSteps(nothing).map((s) => [s.id, s.done, s.optional])).toEqual([
      ["plan", false, false],
      ["theme", false, false],
      ["reminders", false, false],
      ["protection", false, true],
    ]);
    const steps = setupSteps({ plansWithProducts: 1, subscribeBlockOnTheme: true, reminderRules: 2, activeProtectionOffers: 0 });
    expect(steps.filter((s) => s.done).map((s) => s.id)).toEqual(["plan", "theme", "reminders"]);
  });

  it("does not call the theme step done when the theme could not be read", () => {
    expect(setupSteps({ ...nothing, subscribeBlockOnTheme: null }).find((s) => s.id === "theme")!.done).toBe(false);
  });

  it("is finished when every step but the optional one is done", () => {
    expect(
      setupFinished(setupSteps({ plansWithProducts: 1, subscribeBlockOnTheme: true, reminderRules: 1, activeProtectionOffers: 0 })),
    ).toBe(true);
    expect(
      setupFinished(setupSteps({ plansWithProducts: 1, subscribeBlockOnTheme: false, reminderRules: 1, activeProtectionOffers: 1 })),
    ).toBe(false);
  });
});
