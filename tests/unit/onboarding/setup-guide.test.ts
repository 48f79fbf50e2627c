import { describe, expect, it } from "vitest";
import { setupFinished, setupSteps, type SetupFacts } from "../../../app/onboarding/setup-guide";

const noBlocks = { "subscribe-and-save": false, "protection-offer": false, "protection-cart": false, "account-link": false };
const allBlocks = { "subscribe-and-save": true, "protection-offer": true, "protection-cart": true, "account-link": true };
const nothing: SetupFacts = { plansWithProducts: 0, themeBlocks: noBlocks, reminderRules: 0, activeProtectionOffers: 0 };
const stepOf = (facts: SetupFacts, id: string) => setupSteps(facts).find((s) => s.id === id)!;

describe("the setup guide", () => {
  it("shows each step done from the shop's state", () => {
    expect(setupSteps(nothing).map((s) => [s.id, s.done, s.optional])).toEqual([
      ["plan", false, false],
      ["theme", false, false],
      ["reminders", false, false],
      ["protection", false, true],
      ["accountLink", false, true],
    ]);
    const steps = setupSteps({ plansWithProducts: 1, themeBlocks: allBlocks, reminderRules: 2, activeProtectionOffers: 0 });
    expect(steps.filter((s) => s.done).map((s) => s.id)).toEqual(["plan", "theme", "reminders", "accountLink"]);
  });

  it("asks for the account link embed, which only stores on classic customer accounts need", () => {
    expect(stepOf(nothing, "accountLink")).toMatchObject({ done: false, optional: true, missingBlocks: ["account-link"] });
    expect(stepOf({ ...nothing, themeBlocks: { ...noBlocks, "account-link": true } }, "accountLink").done).toBe(true);
  });

  it("does not call a theme step done when the theme could not be read", () => {
    expect(stepOf({ ...nothing, themeBlocks: null }, "theme")).toMatchObject({ done: false, missingBlocks: ["subscribe-and-save"] });
    expect(stepOf({ ...nothing, themeBlocks: null, activeProtectionOffers: 1 }, "protection").done).toBe(false);
  });

  it("asks for the protection offer first, then for its block and its embed on the theme", () => {
    expect(stepOf({ ...nothing, themeBlocks: allBlocks }, "protection")).toMatchObject({
      done: false,
      configured: false,
      missingBlocks: [],
    });
    const offered = { ...nothing, activeProtectionOffers: 1 };
    expect(stepOf(offered, "protection")).toMatchObject({
      done: false,
      configured: true,
      missingBlocks: ["protection-offer", "protection-cart"],
    });
    const withBlock = { ...offered, themeBlocks: { ...noBlocks, "protection-offer": true } };
    expect(stepOf(withBlock, "protection").missingBlocks).toEqual(["protection-cart"]);
    expect(stepOf({ ...offered, themeBlocks: allBlocks }, "protection").done).toBe(true);
  });

  it("is finished when every step but the optional one is done", () => {
    expect(
      setupFinished(
        setupSteps({
          plansWithProducts: 1,
          themeBlocks: { ...noBlocks, "subscribe-and-save": true },
          reminderRules: 1,
          activeProtectionOffers: 0,
        }),
      ),
    ).toBe(true);
    expect(setupFinished(setupSteps({ plansWithProducts: 1, themeBlocks: allBlocks, reminderRules: 0, activeProtectionOffers: 1 }))).toBe(
      false,
    );
  });
});
