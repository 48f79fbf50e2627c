import { beforeAll, describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import type { ContractRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems } from "../support/axe";
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
    // Orchard mirrors the contract from Shopify's webhook in the background: on a busy machine the
    // list can be drawn before it has, and the merchant loads it again, as the test does.
    const row = app.getByRole("row").filter({ hasText: customer.email });
    await expect
      .poll(
        async () => {
          if ((await row.count()) === 0) await page.reload();
          return row.count();
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(1);
    await row.getByRole("link").click({ timeout: 60_000 });
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

  it("shapes the cancellation flow and chooses the add-ons customers may order, in Settings", async () => {
    const { page, app } = await ui.openAdmin("/app/settings");
    // Only the reasons this merchant wants to hear; a price complaint gets a discount, then a free bag.
    for (const reason of ["I have too much product", "I'm not using it", "I'm not happy with the quality"])
      await app.getByRole("checkbox", { name: reason }).uncheck({ timeout: 60_000 });
    await app.getByRole("button", { name: "Choose products" }).click();
    const picker = page.getByRole("dialog", { name: "Add products" });
    await picker.getByLabel("Search products").fill("Ethiopia");
    await picker.getByRole("checkbox", { name: "Single Origin Ethiopia" }).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await app.getByLabel("Free product in the cancellation flow").selectOption({ label: "Single Origin Ethiopia" });
    await app.locator('select[name="flow.too_expensive.offer2"]').selectOption("freeProduct");
    await app.locator('select[name="flow.too_expensive.offer3"]').selectOption("");
    // What the customer will be offered, as they will read it.
    await app
      .getByText("The customer is offered: Take 20% off my next order · Get Single Origin Ethiopia free with my next order")
      .waitFor();
    await app.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Settings saved").waitFor({ timeout: 30_000 });
  });
});

describe("the customer, on the store's subscriptions page", () => {
  it("skips the next order, then starts to cancel and takes the pause offered instead", async () => {
    const page = await ui.newPage();
    await ui.customerOnSubscriptionsPage(page, customerEmail);
    expect(await page.getByRole("heading", { name: "Every 2 weeks" }).isVisible()).toBe(true);
    // Orchard's page inside the theme's layout.
    expect(await accessibilityProblems(page, ".orchard-portal")).toEqual([]);
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

  it("signs in by emailed link, corrects the address, resumes, swaps, adds a product, pauses for two orders, resumes, cancels through the merchant's flow, declining, then restarts", async () => {
    const page = await ui.newPage();
    const mailBefore = ui.stack.simulator.mailbox.to(customerEmail).length;
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

    // The 1 kg bag instead, and once a bag of the add-on the merchant chose.
    const swap = page.getByLabel(/^Swap House Blend Coffee Beans/);
    await swap.selectOption((await swap.locator("option", { hasText: "1 kg" }).getAttribute("value"))!);
    await page.getByRole("button", { name: "Swap", exact: true }).click();
    await page.getByRole("status").getByText("Your item is swapped.").waitFor();
    expect(customersCase.lines.map((l) => l.variantTitle)).toEqual(["1 kg"]);
    const addOn = page.getByLabel("Add once to your next order");
    await addOn.selectOption((await addOn.locator("option", { hasText: "Single Origin Ethiopia" }).first().getAttribute("value"))!);
    await page.getByRole("button", { name: "Add to next order" }).click();
    await page.getByRole("status").getByText("Added to your next order.").waitFor();
    expect(customersCase.lines.map((l) => l.title)).toContain("Single Origin Ethiopia");

    await page.getByLabel("Pause for").selectOption({ label: "2 orders" });
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await page.getByRole("status").getByText("Your subscription is paused.").waitFor();
    expect(customersCase.status).toBe("PAUSED");
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("status").getByText("Your subscription is active again.").waitFor();

    // The reasons and offers the merchant chose, in their order.
    await page.getByRole("link", { name: "Cancel subscription" }).click();
    const reasons = page.getByRole("group", { name: "Why do you want to cancel?" });
    expect(await reasons.locator("label").allInnerTexts()).toEqual(["It's too expensive", "I'm going away", "Another reason"]);
    await reasons.getByLabel("It's too expensive").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Before you go" }).waitFor();
    expect(await page.locator("form:has(input[name=step]) button").allInnerTexts()).toEqual([
      "Take 20% off my next order",
      "Get Single Origin Ethiopia free with my next order",
      "No thanks, cancel my subscription",
    ]);
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
    // Each step's email, in order: the address, back, the swap, the add-on, paused, back, cancelled, restarted.
    const french = ui.shop.customers.get(customersCase.customerId)!.locale.startsWith("fr");
    const [changed, back, paused, cancelled, restartedSubject] = (
      french
        ? ["est modifié", "a repris", "est suspendu", "est résilié", "est relancé"].map(
            (s) => `Votre abonnement Lifecycle Test Coffee ${s}`,
          )
        : ["is updated", "is back", "is paused", "is cancelled", "is restarted"].map((s) => `Your Lifecycle Test Coffee subscription ${s}`)
    ) as [string, string, string, string, string];
    const storySubjects = () =>
      ui.stack.simulator.mailbox
        .to(customerEmail)
        .slice(mailBefore)
        .map((m) => m.subject)
        .filter((subject) => !/sign-in link|lien de connexion/.test(subject));
    await expect
      .poll(storySubjects, { timeout: 30_000 })
      .toEqual([changed, back, changed, changed, paused, back, cancelled, restartedSubject]);
  });
});

describe("the merchant, afterwards", () => {
  it("sees on the dashboard why subscribers cancelled and what each offer kept", async () => {
    const { app } = await ui.openAdmin("/app");
    const card = app.getByRole("heading", { name: "Why subscribers cancel" }).locator("xpath=..");
    const row = (name: string) => card.getByRole("row", { name: new RegExp(`^${name}`) });
    await row("It's too expensive").waitFor({ timeout: 60_000 });
    expect(await row("It's too expensive").getByRole("cell").allInnerTexts()).toEqual(["1"]);
    expect(await row("Free product").getByRole("cell").allInnerTexts()).toEqual(["1", "0", "0%", "$0.00"]);
    // The pause the first customer took kept their subscription: $14.40 every two weeks.
    expect(await row("Pause").getByRole("cell").allInnerTexts()).toEqual(["1", "1", "100%", "$31.20"]);
    expect(await card.innerText()).toContain("Kept by a save offer: 50%");
  });
});
