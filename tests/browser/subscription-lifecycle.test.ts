import { beforeAll, describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import type { ContractRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { createSellingPlanGroup } from "../support/selling-plans";

const ui = setUpBrowserStack(
  { domain: "browser-lifecycle.myshopify.com", name: "Lifecycle Test Coffee", ianaTimezone: "UTC" },
  { customers: 5, months: 1 },
);
let merchantsCase: ContractRecord;
let customersCase: ContractRecord;
let customerEmail: string;

// Orchard is installed; two customers subscribed at checkout to a plan of two frequencies.
beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in 4 collections", { exact: false }).waitFor({ timeout: 60_000 });
  const coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
  const { sellingPlanIds } = await createSellingPlanGroup(ui.stack.simulatorUrl, ui.shop.domain, {
    name: "Subscribe and save",
    productIds: [coffee.id],
    plans: [
      { name: "Every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 },
      { name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 15 },
    ],
  });
  const [first, second] = [...ui.shop.customers.values()];
  const subscribe = async (email: string) =>
    (
      await completeCheckout(ui.stack.simulator, ui.shop, {
        email,
        lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
      })
    ).contracts[0]!;
  merchantsCase = await subscribe(first!.email);
  customersCase = await subscribe(second!.email);
  customerEmail = second!.email;
});

describe("the merchant", () => {
  it("pauses a subscription and then cancels it with a reason, from its page in the admin", async () => {
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    const customer = ui.shop.customers.get(merchantsCase.customerId)!;
    await app.getByRole("link", { name: customer.email }).click({ timeout: 60_000 });
    // Exactly "Pause": the list's "Paused (0)" tab would match too, and a busy machine can still be
    // showing the list when the click comes.
    await app.getByRole("button", { name: "Pause", exact: true }).click({ timeout: 30_000 });
    // Beside the year of billing's four workers, the pause can take a while to come back from the
    // store. A refusal shows a banner: fail with its words rather than only a timeout.
    const resume = app.getByRole("button", { name: "Resume" });
    try {
      await resume.or(app.getByText("The subscription could not be changed")).first().waitFor({ timeout: 90_000 });
    } catch (timeout) {
      throw new Error(`no answer to the pause; the app showed: ${await app.locator("body").innerText().catch(String)}`, { cause: timeout });
    }
    if (!(await resume.isVisible()))
      throw new Error(`the pause was refused: ${await app.locator(".Polaris-Banner").first().textContent()}`);
    expect(merchantsCase.status).toBe("PAUSED");
    await expect.poll(() => page.locator("#toasts").textContent()).toContain("Subscription paused");

    await app.getByRole("button", { name: "Cancel subscription" }).click();
    const dialog = app.getByRole("dialog");
    await dialog.getByLabel("Reason").selectOption("going_away");
    await dialog.getByLabel("Details (optional)").fill("Moving abroad");
    await dialog.getByRole("button", { name: "Cancel subscription" }).click();
    await app.getByText("Cancellation reason").waitFor({ timeout: 30_000 });
    const reasonCard = app.getByRole("heading", { name: "Cancellation reason" }).locator("xpath=..");
    expect(await reasonCard.textContent()).toContain("I'm going away");
    expect(merchantsCase.status).toBe("CANCELLED");
    expect(await app.getByRole("button", { name: "Resume" }).count()).toBe(0);
    await page.screenshot({ path: "test-results/admin-subscription-cancelled.png" });
  });
});

describe("the customer, on the store's subscriptions page", () => {
  it("skips the next order, then starts to cancel and takes the pause offered instead", async () => {
    const page = await ui.newPage();
    await ui.customerOnSubscriptionsPage(page, customerEmail);
    expect(await page.getByRole("heading", { name: "Every 2 weeks" }).isVisible()).toBe(true);
    const nextBefore = await page.getByText("Next order:").textContent();

    await page
      .getByRole("button", { name: /^Skip the order of / })
      .first()
      .click();
    await page.getByRole("status").getByText("That order is skipped: it won't be sent or charged.").waitFor();
    expect(await page.getByText("Next order:").textContent()).not.toBe(nextBefore);
    // Skipped by mistake: taken back while its date is still to come.
    await page.getByRole("button", { name: /^Un-skip the order of / }).click();
    await page.getByRole("status").getByText("That order is back on: it will be sent and charged on its date.").waitFor();
    expect(await page.getByText("Next order:").textContent()).toBe(nextBefore);
    await page
      .getByRole("button", { name: /^Skip the order of / })
      .first()
      .click();
    await page.getByRole("status").getByText("That order is skipped: it won't be sent or charged.").waitFor();

    // Keyboard only, as some customers do.
    await page.getByRole("link", { name: "Cancel subscription" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Cancel your subscription" }).waitFor();
    await page.getByRole("group", { name: "Why do you want to cancel?" }).getByLabel("I'm going away").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Before you go" }).waitFor();
    await page.getByRole("button", { name: "Pause for 2 months instead" }).click();

    await page.getByRole("status").getByText("Your subscription is paused.").waitFor();
    expect(await page.getByText("Paused. Your next order will be on", { exact: false }).isVisible()).toBe(true);
    expect(customersCase.status).toBe("PAUSED");
    await page.screenshot({ path: "test-results/storefront-subscriptions-paused.png" });
    // The customer hears of it in their own language.
    const french = ui.shop.customers.get(customersCase.customerId)!.locale.startsWith("fr");
    const pausedSubject = french
      ? "Votre abonnement Lifecycle Test Coffee est suspendu"
      : "Your Lifecycle Test Coffee subscription is paused";
    await expect
      .poll(() => ui.stack.simulator.mailbox.to(customerEmail).map((m) => m.subject), { timeout: 30_000 })
      .toContain(pausedSubject);
  });

  it("signs in by emailed link, corrects the delivery address, resumes, cancels declining every offer, then restarts", async () => {
    const page = await ui.newPage();
    // Signed in to the store, the header says so rather than offering "Log in" again.
    await ui.customerOnSubscriptionsPage(page, customerEmail);
    expect(await page.locator("header").textContent()).toContain(`Signed in as ${customerEmail}`);
    expect(await page.getByRole("link", { name: "Log in" }).count()).toBe(0);

    // A customer with no password, in another browser: the page emails them a link that signs them in.
    const visitor = await ui.newPage();
    await visitor.goto(ui.storefrontUrl(""));
    await visitor.goto(`${ui.stack.simulatorUrl}/apps/orchard/subscriptions`);
    await visitor.getByRole("textbox", { name: "Email" }).fill(customerEmail);
    await visitor.getByRole("button", { name: "Email me a sign-in link" }).click();
    await visitor.getByRole("status").getByText(`If ${customerEmail} has subscriptions with us`).waitFor();
    const signInMail = () => ui.stack.simulator.mailbox.to(customerEmail).find((m) => /sign-in link|lien de connexion/.test(m.subject));
    await expect.poll(signInMail, { timeout: 30_000 }).toBeDefined();
    const link = new URL(/https:\/\/\S+access=\S+/.exec(signInMail()!.text)![0]);
    await visitor.goto(`${ui.stack.simulatorUrl}${link.pathname}${link.search}`);
    await visitor.getByText("Visa ending in 4242").waitFor();
    expect(visitor.url()).not.toContain("access=");
    await visitor.goto(`${ui.stack.simulatorUrl}${link.pathname}${link.search}`);
    await visitor.getByRole("alert").getByText("That sign-in link has expired or was already used.").waitFor();

    await page.reload();
    expect(await page.getByText("Visa ending in 4242").isVisible()).toBe(true);

    // A field left blank is named under itself; the rest of what they typed stays.
    await page.getByText("Change address").click();
    await page.getByLabel("City").fill("");
    await page.getByLabel("Address", { exact: true }).fill("40 Bay Street");
    // The browser would stop the empty required field itself; a customer whose browser does not is answered by Orchard.
    await page.locator("form:has(input[name=city])").evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "Save address" }).click();
    await page.getByText("Enter a city.").waitFor();
    expect(await page.getByLabel("Address", { exact: true }).inputValue()).toBe("40 Bay Street");
    expect(await page.getByLabel("City").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("City").fill("Toronto");
    await page.getByRole("button", { name: "Save address" }).click();
    await page.getByRole("status").getByText("Your delivery address is updated.").waitFor();
    expect(customersCase.deliveryAddress).toMatchObject({ address1: "40 Bay Street", city: "Toronto" });

    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("status").getByText("Your subscription is active again.").waitFor();

    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await page.getByRole("group", { name: "Why do you want to cancel?" }).getByLabel("It's too expensive").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "No thanks, cancel my subscription" }).click();
    await page.getByRole("status").getByText("Your subscription is cancelled.").waitFor();
    expect(customersCase.status).toBe("CANCELLED");

    const firstOrder = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("First order on").fill(firstOrder);
    await page.getByRole("button", { name: "Restart subscription" }).click();
    await page.getByRole("status").getByText("Your subscription is restarted.").waitFor();
    const restarted = [...ui.shop.contracts.values()].find((c) => c.customerId === customersCase.customerId && c.id !== customersCase.id);
    expect(restarted).toMatchObject({ status: "ACTIVE", deliveryAddress: { city: "Toronto" } });
    expect(await page.getByText("Cancelled on", { exact: false }).count()).toBe(0);
    await page.screenshot({ path: "test-results/storefront-subscriptions-restarted.png", fullPage: true });
    // Each step's email: back, cancelled, and restarted.
    const french = ui.shop.customers.get(customersCase.customerId)!.locale.startsWith("fr");
    const subjects = french
      ? [
          "Votre abonnement Lifecycle Test Coffee a repris",
          "Votre abonnement Lifecycle Test Coffee est résilié",
          "Votre abonnement Lifecycle Test Coffee est relancé",
        ]
      : [
          "Your Lifecycle Test Coffee subscription is back",
          "Your Lifecycle Test Coffee subscription is cancelled",
          "Your Lifecycle Test Coffee subscription is restarted",
        ];
    await expect
      .poll(() => ui.stack.simulator.mailbox.to(customerEmail).map((m) => m.subject), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(subjects));
  });
});
