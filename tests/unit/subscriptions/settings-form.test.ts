import { describe, expect, it } from "vitest";
import { DEFAULT_CANCELLATION_FLOW } from "../../../app/subscriptions/retention";
import { DEFAULT_SETTINGS, parseSettingsForm } from "../../../app/subscriptions/settings-form";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};
const valid = {
  paymentRetryDays: "1, 3, 7",
  paymentFinalAction: "pause",
  inventoryRetryDays: "1, 2",
  inventoryFinalAction: "skip",
  upcomingOrderDays: "3",
  saveOfferPercent: "20",
  pauseOfferMonths: "2",
  ...Object.fromEntries(["pause", "skip", "frequency", "swap", "discount", "freeProduct"].map((kind) => [`offerPeriod.${kind}`, "365"])),
  missedCycles: "chargeLatest",
  pausedSubscribers: "churned",
  // The default flow as the form's fields: each reason ticked, its offers in their slots.
  ...Object.fromEntries(
    Object.entries(DEFAULT_CANCELLATION_FLOW).flatMap(([reason, { offers }]) => [
      [`flow.${reason}.shown`, "on"],
      ...offers.map((offer, i) => [`flow.${reason}.offer${i + 1}`, offer]),
    ]),
  ),
};

describe("the subscription settings form", () => {
  it("reads a valid form", () => {
    expect(parseSettingsForm(form(valid))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("names every field that breaks its rule", () => {
    const result = parseSettingsForm(
      form({
        ...valid,
        paymentRetryDays: "7, 3",
        paymentFinalAction: "refund",
        inventoryFinalAction: "cancel",
        upcomingOrderDays: "15",
        saveOfferPercent: "-1",
        pauseOfferMonths: "x",
        "offerPeriod.discount": "7",
        "offerPeriod.pause": "",
        missedCycles: "chargeAll",
        pausedSubscribers: "ignored",
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        paymentRetryDays: "retryDays",
        paymentFinalAction: "finalAction",
        inventoryFinalAction: "finalAction",
        upcomingOrderDays: "wholeNumber",
        saveOfferPercent: "wholeNumber",
        pauseOfferMonths: "wholeNumber",
        "offerPeriod.pause": "wholeNumber",
        "offerPeriod.discount": "wholeNumber",
        missedCycles: "choice",
        pausedSubscribers: "choice",
      },
    });
  });
});
