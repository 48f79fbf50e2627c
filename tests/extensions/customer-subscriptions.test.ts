import { setUpExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import type { Subscription } from "../../extensions/orchard-customer-account/src/client";
import { orchardAnswering, translatorFor } from "./support";

/**
 * The "Subscriptions" page of Shopify's customer accounts, rendered by Shopify's extension tester
 * from the module its shopify.extension.toml names, with Shopify's typed mocks of the API. Orchard's
 * side answers as app/routes/api.customer.subscriptions*.tsx do (tests/integration holds them to it).
 */
const subscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: "c1",
  status: "ACTIVE",
  timeZone: "Europe/Paris",
  currencyCode: "EUR",
  planName: "Every 2 weeks",
  nextOrderAt: "2026-12-18T09:00:00.000Z",
  nextOrderAmountMinor: 2250,
  cancelledAt: null,
  resumeAt: null,
  firstOrderAfterPause: null,
  startedAt: "2026-12-04T09:00:00.000Z",
  deliveryAddress: {
    firstName: "Ada",
    lastName: "Curie",
    address1: "1 rue Neuve",
    address2: "",
    city: "Lyon",
    province: "",
    zip: "69001",
    countryCode: "FR",
  },
  paymentMethod: { kind: "card", brand: "Visa", lastDigits: "4242", expiryMonth: 1, expiryYear: 2027 },
  cardExpiresBeforeNextOrder: false,
  upcomingOrders: [
    { cycle: 2, date: "2026-12-18T09:00:00.000Z", skipped: false, amountMinor: 2250 },
    { cycle: 3, date: "2027-01-01T09:00:00.000Z", skipped: true, amountMinor: 2250 },
  ],
  pastOrders: [],
  items: [{ id: "l1", title: "Coffee beans", quantity: 2, unitPriceMinor: 1250, oneTime: false }],
  actions: ["skip", "unskip", "pause", "cancel", "reschedule", "changeFrequency", "updateAddress", "sendPaymentUpdate"],
  ordersOwed: 0,
  cancellationReasons: ["too_expensive", "going_away", "other"],
  plans: [
    { id: "p2", name: "Every 2 weeks", current: true },
    { id: "p4", name: "Every 4 weeks", current: false },
  ],
  variants: [],
  swapVariants: [],
  ...overrides,
});

type Answer = { status?: number; body: unknown };

function setUp(answer: (path: string, body: unknown) => Answer, locale = "en.default") {
  const extension = setUpExtension("customer-account.page.render", { configSearchDir: "extensions/orchard-customer-account" });
  extension.shopify.i18n.translate = translatorFor("orchard-customer-account", locale) as typeof extension.shopify.i18n.translate;
  extension.shopify.i18n.formatCurrency = ((amount: number, options?: { currency?: string }) =>
    `${amount.toFixed(2)} ${options?.currency}`) as typeof extension.shopify.i18n.formatCurrency;
  const orchard = orchardAnswering(answer);
  extension.fetch = orchard.fetch;
  return Object.assign(extension, { orchard });
}

const listing = (subscriptions: Subscription[]): Answer => ({ body: { subscriptions } });
const rendered = () => document.body.textContent ?? "";
const button = (label: string) => [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === label);
/** A button by the name a screen reader announces (its accessibility label). */
const namedButton = (name: string) =>
  [...document.body.querySelectorAll("s-button")].find((b) => b.getAttribute("accessibilityLabel") === name);

describe("the customer account subscriptions page", () => {
  it("shows a spinner, then each subscription with its items, next order and the actions it allows", async () => {
    using extension = setUp(() => listing([subscription()]));
    await extension.render();
    expect(document.body.querySelector("s-spinner")!.getAttribute("accessibilityLabel")).toBe("Loading your subscriptions");
    await waitFor(() => expect(document.body.querySelector("s-page")!.getAttribute("heading")).toBe("Your subscriptions"));
    expect(document.body.querySelector("s-section")!.getAttribute("heading")).toBe("Every 2 weeks");
    expect(rendered()).toContain("Coffee beans × 2 · 12.50 EUR");
    expect(rendered()).toContain("Next order: 2026-12-18T09:00:00.000Z · 22.50 EUR");
    expect(["Pause", "Cancel subscription", "Change date"].every((label) => button(label))).toBe(true);
    // Each upcoming order with its amount, or skipped, and the button that changes that.
    expect(rendered()).toContain("2026-12-18T09:00:00.000Z · 22.50 EUR");
    expect(rendered()).toContain("2027-01-01T09:00:00.000Z · Skipped");
    expect(namedButton("Skip the order of 2026-12-18T09:00:00.000Z")?.textContent).toBe("Skip");
    expect(namedButton("Un-skip the order of 2027-01-01T09:00:00.000Z")?.textContent).toBe("Un-skip");
    expect(button("Resume")).toBeUndefined();
    expect(document.body.querySelector('s-select[label="Deliver"]')!.textContent).toBe("Every 2 weeks" + "Every 4 weeks");
    expect(extension.orchard.requests[0]).toEqual({
      path: "/api/customer/subscriptions",
      authorization: "Bearer mock-session-token",
      body: undefined,
    });
  });

  it("prices items in the currency's own minor units", async () => {
    using extension = setUp(() =>
      listing([
        subscription({ currencyCode: "JPY", items: [{ id: "l1", title: "Tea", quantity: 1, unitPriceMinor: 1800, oneTime: false }] }),
      ]),
    );
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("Tea × 1 · 1800.00 JPY"));
  });

  it("says when there is nothing to manage, when the customer is unknown, and when Orchard fails", async () => {
    {
      using extension = setUp(() => listing([]));
      await extension.render();
      await waitFor(() => expect(rendered()).toContain("You have no active subscriptions."));
    }
    {
      using extension = setUp(() => ({ status: 403, body: { ok: false, error: "noCustomer" } }));
      await extension.render();
      await waitFor(() => expect(document.body.querySelector("s-banner")?.getAttribute("tone")).toBe("info"));
      expect(rendered()).toContain("We can't tell who you are yet.");
    }
    {
      using extension = setUp(() => ({ status: 500, body: {} }));
      await extension.render();
      await waitFor(() => expect(rendered()).toBe("Your subscriptions could not be loaded. Please try again later."));
    }
  });

  it("skips an order and takes a skip back by its cycle, and says it is done or why Orchard refused", async () => {
    let refuse = false;
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([subscription()])
        : refuse
          ? { status: 422, body: { ok: false, error: "alreadyDone" } }
          : { body: { ok: true } },
    );
    await extension.render();
    const skip = () => namedButton("Skip the order of 2026-12-18T09:00:00.000Z");
    await waitFor(() => expect(skip()).toBeDefined());
    fireEvent.click(skip()!);
    await waitFor(() => expect(rendered()).toContain("That order is skipped: it won't be sent or charged."));
    expect(extension.orchard.requests[1]).toMatchObject({ path: "/api/customer/subscriptions/c1", body: { action: "skip", cycle: 2 } });
    fireEvent.click(namedButton("Un-skip the order of 2027-01-01T09:00:00.000Z")!);
    await waitFor(() => expect(rendered()).toContain("That order is back on: it will be sent and charged on its date."));
    expect(extension.orchard.requests.filter((r) => r.body).at(-1)).toMatchObject({ body: { action: "unskip", cycle: 3 } });
    refuse = true;
    fireEvent.click(skip()!);
    await waitFor(() => expect(rendered()).toContain("Your subscription changed meanwhile; please try again."));
  });

  it("adds a product the merchant offers to the next order, once, showing its price", async () => {
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([
            subscription({
              actions: ["addOneTime"],
              variants: [
                { id: "v1", title: "Coffee beans – 1 kg", priceMinor: 2500 },
                { id: "v9", title: "Mug", priceMinor: 900 },
              ],
            }),
          ])
        : { body: { ok: true } },
    );
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('s-select[label="Add once to your next order"]')).not.toBeNull());
    const select = document.body.querySelector('s-select[label="Add once to your next order"]')!;
    expect(select.textContent).toBe("Coffee beans – 1 kg · 25.00 EUR" + "Mug · 9.00 EUR");
    (select as HTMLSelectElement).value = "v9";
    fireEvent.change(select);
    fireEvent.click(button("Add to next order")!);
    await waitFor(() => expect(rendered()).toContain("Added to your next order."));
    expect(extension.orchard.requests[1]).toMatchObject({ body: { action: "addOneTime", variantId: "v9", quantity: 1 } });
  });

  it("asks why before cancelling, offers what fits the reason in the customer's plural, and cancels only when they decline", async () => {
    using extension = setUp((path, body) => {
      if (path === "/api/customer/subscriptions") return listing([subscription()]);
      const step = (body as { step?: string }).step;
      if (step === "reason")
        return { body: { kind: "offers", offers: [{ kind: "pause", months: 1 }, { kind: "pause", months: 2 }, { kind: "skip" }] } };
      return { body: { ok: true } };
    });
    await extension.render();
    await waitFor(() => expect(button("Cancel subscription")).toBeDefined());
    fireEvent.click(button("Cancel subscription")!);
    await waitFor(() => expect(document.body.querySelector("s-choice-list")!.getAttribute("label")).toBe("Why do you want to cancel?"));
    expect(button("Continue")!.hasAttribute("disabled")).toBe(true);
    const reasons = document.body.querySelector("s-choice-list")! as HTMLElement & { value: string };
    reasons.value = "going_away";
    fireEvent.change(reasons);
    fireEvent.click(button("Continue")!);
    await waitFor(() => expect(button("Pause for 1 month instead")).toBeDefined());
    expect(button("Pause for 2 months instead")).toBeDefined();
    expect(extension.orchard.requests.at(-1)).toMatchObject({ body: { step: "reason", reason: "going_away" } });
    fireEvent.click(button("No thanks, cancel my subscription")!);
    await waitFor(() => expect(rendered()).toContain("Your subscription is cancelled."));
    expect(extension.orchard.requests.filter((r) => r.path === "/api/customer/subscriptions/c1").map((r) => r.body)).toEqual([
      { step: "reason", reason: "going_away", reasonText: "" },
      { step: "decline", reason: "going_away" },
    ]);
  });

  it("offers the merchant's free product and a swap to the item's other option instead of cancelling", async () => {
    using extension = setUp((path, body) => {
      if (path === "/api/customer/subscriptions")
        return listing([
          subscription({
            swapVariants: [
              { id: "v1", title: "Coffee beans" },
              { id: "v2", title: "Coffee beans – decaf" },
            ],
          }),
        ]);
      if ((body as { step?: string }).step === "reason")
        return { body: { kind: "offers", offers: [{ kind: "freeProduct", productId: "p9", title: "Mug" }, { kind: "swap" }] } };
      return { body: { ok: true } };
    });
    await extension.render();
    await waitFor(() => expect(button("Cancel subscription")).toBeDefined());
    fireEvent.click(button("Cancel subscription")!);
    await waitFor(() => expect(document.body.querySelector("s-choice-list")).not.toBeNull());
    const reasons = document.body.querySelector("s-choice-list")! as HTMLElement & { value: string };
    reasons.value = "too_expensive";
    fireEvent.change(reasons);
    fireEvent.click(button("Continue")!);
    await waitFor(() => expect(button("Get Mug free with my next order")).toBeDefined());
    fireEvent.click(button("Switch to another option instead")!);
    await waitFor(() => expect(rendered()).toContain("Your item is swapped."));
    expect(extension.orchard.requests.filter((r) => r.body).at(-1)).toMatchObject({
      body: { step: "accept", reason: "too_expensive", offer: "swap", variantId: "v2" },
    });
  });

  it("says why skip and cancel are missing while the plan's minimum still asks for orders", async () => {
    using extension = setUp(() =>
      listing([
        subscription({ id: "c1", ordersOwed: 1, actions: ["pause"] }),
        subscription({ id: "c2", ordersOwed: 2, actions: ["pause"] }),
      ]),
    );
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("Your plan includes 1 more order before you can skip or cancel."));
    expect(rendered()).toContain("Your plan includes 2 more orders before you can skip or cancel.");
    expect(button("Skip")).toBeUndefined();
    expect(button("Cancel subscription")).toBeUndefined();
  });

  it("shows where orders ship, the card that pays and past orders; has Shopify email a card update link", async () => {
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([
            subscription({
              cardExpiresBeforeNextOrder: true,
              pastOrders: [
                { date: "2026-11-20T09:00:00.000Z", status: "paid", amountMinor: 2250 },
                { date: "2026-11-06T09:00:00.000Z", status: "skipped", amountMinor: null },
              ],
            }),
          ])
        : { body: { ok: true } },
    );
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("Ada Curie"));
    for (const line of ["1 rue Neuve", "69001 Lyon", "France", "Visa ending in 4242, expires 01/2027"]) expect(rendered()).toContain(line);
    expect(document.body.querySelector('s-banner[tone="warning"]')!.textContent).toBe(
      "Your card expires before your next order. Update it so the order goes through.",
    );
    expect(rendered()).toContain("2026-11-20T09:00:00.000Z · Paid · 22.50 EUR");
    expect(rendered()).toContain("2026-11-06T09:00:00.000Z · Skipped");
    fireEvent.click(button("Email me a link to update my payment method")!);
    await waitFor(() => expect(rendered()).toContain("We've emailed you a secure link to update your payment method."));
    expect(extension.orchard.requests.find((r) => r.path.endsWith("/c1"))).toMatchObject({ body: { action: "sendPaymentUpdate" } });
  });

  it("changes the delivery address, showing each field Orchard refused under that field", async () => {
    let refuse = true;
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([subscription()])
        : refuse
          ? { status: 422, body: { ok: false, error: "invalidInput", fields: ["city", "countryCode"] } }
          : { body: { ok: true } },
    );
    await extension.render();
    await waitFor(() => expect(button("Change address")).toBeDefined());
    fireEvent.click(button("Change address")!);
    const field = (label: string) => document.body.querySelector(`[label="${label}"]`) as HTMLElement & { value: string };
    await waitFor(() => expect(field("City").getAttribute("value") ?? field("City").value).toBe("Lyon"));
    field("City").value = "";
    fireEvent.change(field("City"));
    fireEvent.click(button("Save address")!);
    await waitFor(() => expect(field("City").getAttribute("error")).toBe("Enter a city."));
    expect(field("Country/region").getAttribute("error")).toBe("Choose a country or region.");
    expect(field("Last name").getAttribute("error")).toBeNull();
    expect(extension.orchard.requests.at(-1)).toMatchObject({
      body: { action: "updateAddress", lastName: "Curie", city: "", countryCode: "FR" },
    });
    refuse = false;
    field("City").value = "Paris";
    fireEvent.change(field("City"));
    fireEvent.click(button("Save address")!);
    await waitFor(() => expect(rendered()).toContain("Your delivery address is updated."));
    expect(extension.orchard.requests.at(-2)).toMatchObject({ body: { action: "updateAddress", city: "Paris" } });
  });

  it("pauses for the number of orders the customer picks, and says when a paused one comes back", async () => {
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([
            subscription(),
            subscription({ id: "c2", status: "PAUSED", actions: ["resume"], firstOrderAfterPause: "2027-01-29T09:00:00.000Z" }),
          ])
        : { body: { ok: true } },
    );
    await extension.render();
    await waitFor(() => expect(rendered()).toContain("Paused. Your next order will be on 2027-01-29T09:00:00.000Z."));
    const orders = document.body.querySelector('s-select[label="Pause for"]') as HTMLElement & { value: string };
    expect([...orders.querySelectorAll("s-option")].map((o) => o.textContent)).toEqual([
      "1 order",
      "2 orders",
      "3 orders",
      "4 orders",
      "5 orders",
      "6 orders",
    ]);
    orders.value = "3";
    fireEvent.change(orders);
    fireEvent.click(button("Pause")!);
    await waitFor(() => expect(rendered()).toContain("Your subscription is paused."));
    expect(extension.orchard.requests.find((r) => r.path.endsWith("/c1"))).toMatchObject({ body: { action: "pause", orders: "3" } });
  });

  it("offers a cancelled subscription a restart on the day the customer picks", async () => {
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([
            subscription({ status: "CANCELLED", cancelledAt: "2026-11-30T10:00:00.000Z", nextOrderAt: null, actions: ["reactivate"] }),
          ])
        : { body: { ok: true } },
    );
    await extension.render();
    await waitFor(() =>
      expect(rendered()).toContain("Cancelled on 2026-11-30T10:00:00.000Z. Restart it and each order is 22.50 EUR, shipped to the address"),
    );
    expect(button("Restart subscription")!.hasAttribute("disabled")).toBe(true);
    const day = document.body.querySelector('s-date-field[label="First order on"]') as HTMLElement & { value: string };
    day.value = "2026-12-20";
    fireEvent.change(day);
    fireEvent.click(button("Restart subscription")!);
    await waitFor(() => expect(rendered()).toContain("Your subscription is restarted."));
    expect(extension.orchard.requests.find((r) => r.path.endsWith("/c1"))).toMatchObject({
      body: { action: "reactivate", date: "2026-12-20" },
    });
  });

  it("swaps an item for another variant its plan sells", async () => {
    using extension = setUp((path) =>
      path === "/api/customer/subscriptions"
        ? listing([
            subscription({
              actions: ["swapVariant"],
              items: [{ id: "l1", title: "Coffee beans – 250 g", quantity: 1, unitPriceMinor: 1250, oneTime: false }],
              swapVariants: [
                { id: "v250", title: "Coffee beans – 250 g" },
                { id: "v1k", title: "Coffee beans – 1 kg" },
              ],
            }),
          ])
        : { body: { ok: true } },
    );
    await extension.render();
    const swap = () => document.body.querySelector('s-select[label="Swap Coffee beans – 250 g for"]') as HTMLElement & { value: string };
    await waitFor(() => expect(swap()).not.toBeNull());
    swap().value = "v1k";
    fireEvent.change(swap());
    await waitFor(() => expect(rendered()).toContain("Your item is swapped."));
    expect(extension.orchard.requests.find((r) => r.path.endsWith("/c1"))).toMatchObject({
      body: { action: "swapVariant", lineId: "l1", variantId: "v1k" },
    });
  });

  it("speaks French where the customer does", async () => {
    using extension = setUp(() => listing([subscription({ status: "PAUSED", actions: ["resume", "cancel"] })]), "fr");
    await extension.render();
    await waitFor(() => expect(document.body.querySelector("s-page")!.getAttribute("heading")).toBe("Vos abonnements"));
    expect(button("Reprendre")).toBeDefined();
  });
});
