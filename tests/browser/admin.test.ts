import { describe, expect, it } from "vitest";
import { setUpBrowserStack } from "../support/browser-stack";

const ui = setUpBrowserStack(
  { domain: "browser-admin.myshopify.com", name: "Browser Test Roasters", ianaTimezone: "Europe/Paris" },
  { customers: 20, months: 2 },
);

describe("Orchard in the store's admin", () => {
  it("shows the merchant's store and catalogue on the dashboard, inside the admin frame", async () => {
    const { page, app } = await ui.openAdmin("/app");
    await app.getByText("20 products in 4 collections").waitFor({ timeout: 60_000 });
    expect(await app.getByText("Browser Test Roasters · USD · time zone Europe/Paris").isVisible()).toBe(true);
    expect(await app.getByText("Turn one-off sales into recurring revenue").isVisible()).toBe(true);
    await page.screenshot({ path: "test-results/admin-dashboard.png" });
  });

  it("puts Orchard's navigation in the admin sidebar and follows it", async () => {
    const { page, app } = await ui.openAdmin("/app");
    const nav = page.getByRole("navigation", { name: "Apps" });
    await nav.getByRole("link", { name: "Settings" }).waitFor({ timeout: 60_000 });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Subscription plans",
      "Subscriptions",
      "Add-ons",
      "Reminders",
      "Memberships",
      "Referrals",
      "Integrations",
      "Settings",
      // Orchard's own billing, named so that it cannot be taken for the merchant's subscription plans.
      "Billing",
    ]);

    await nav.getByRole("link", { name: "Settings" }).click();
    await app.getByText("Europe/Paris").waitFor();
    await expect.poll(() => page.locator("#title-bar").textContent()).toBe("Settings");
    await page.waitForURL(/\/app\/settings$/);
    // The merchant's billing and retention choices, with their defaults.
    expect(await app.getByLabel("When several orders fell due at once").inputValue()).toBe("chargeLatest");
    // Each offer's own period before a subscription that took it is offered it again.
    expect(await app.getByRole("spinbutton", { name: "One-time discount days", exact: true }).inputValue()).toBe("365");
    expect(await app.getByLabel("One-time discount offered").inputValue()).toBe("20");

    // The cancellation flow: the merchant drops a reason and reorders another's offers, seeing what the customer will be offered.
    await app.getByRole("checkbox", { name: "I'm not happy with the quality" }).uncheck();
    const expensive = app
      .locator("div")
      .filter({ has: app.getByRole("checkbox", { name: "It's too expensive" }) })
      .last();
    await expensive.getByLabel("First offer").selectOption("skip");
    await expensive.getByLabel("Second offer").selectOption("");
    await expensive.getByText("The customer is offered: Skip my next order instead · Pause for 2 months instead").waitFor();
    // An add-on customers may put in their next order, chosen with Shopify's product picker.
    await app.getByText("Customers can add only the products they subscribe to.").waitFor();
    await app.getByRole("button", { name: "Choose products" }).click();
    const picker = page.getByRole("dialog", { name: "Add products" });
    await picker.getByLabel("Search products").fill("House Blend");
    await picker.getByRole("checkbox", { name: "House Blend Coffee Beans" }).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await app.getByRole("button", { name: "Remove House Blend Coffee Beans" }).waitFor();
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator("#toasts").textContent()).toContain("Settings saved");
    // Kept: the page loaded again shows the flow as saved.
    const again = await ui.openAdmin("/app/settings");
    await again.app.getByRole("checkbox", { name: "I'm not happy with the quality" }).waitFor({ timeout: 60_000 });
    expect(await again.app.getByRole("checkbox", { name: "I'm not happy with the quality" }).isChecked()).toBe(false);
    await again.app.getByText("The customer is offered: Skip my next order instead · Pause for 2 months instead").waitFor();
    await again.app.getByRole("button", { name: "Remove House Blend Coffee Beans" }).waitFor();
  });

  it("lets the merchant reword a subscription email in French, previewed as customers will read it, then put Orchard's back", async () => {
    const { page, app } = await ui.openAdmin("/app/settings");
    await app.getByRole("link", { name: "Edit the emails" }).click({ timeout: 60_000 });
    await app.getByLabel("Email", { exact: true }).selectOption("resumed");
    await app.getByLabel("Language").selectOption("fr");
    await app.getByLabel("Subject").fill("Content de vous revoir chez {shop}");
    await app.getByText(/^Content de vous revoir chez .+/).waitFor();
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator("#toasts").textContent()).toContain("Template saved");
    await app.getByRole("option", { name: "French ✎" }).waitFor({ state: "attached" });
    await app.getByRole("button", { name: "Use Orchard's wording" }).click();
    await expect.poll(() => page.locator("#toasts").textContent()).toContain("Template reset");
    await expect.poll(() => app.getByLabel("Subject").inputValue()).toBe("Votre abonnement {shop} a repris");
  });

  it("holds unsaved settings in the admin's contextual save bar: leaving asks first, Discard puts the saved values back, Save keeps them", async () => {
    const { page, app } = await ui.openAdmin("/app/settings");
    const offered = app.getByLabel("One-time discount offered");
    await offered.waitFor({ timeout: 60_000 });
    const saveBar = page.getByRole("region", { name: "Contextual save bar" });
    expect(await saveBar.isVisible()).toBe(false);
    await offered.fill("25");
    await saveBar.waitFor();

    await page.getByRole("navigation", { name: "Apps" }).getByRole("link", { name: "Subscriptions" }).click();
    const leave = page.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await leave.getByRole("button", { name: "Stay" }).click();
    expect(page.url()).toMatch(/\/app\/settings$/);

    await saveBar.getByRole("button", { name: "Discard" }).click();
    await saveBar.waitFor({ state: "hidden" });
    expect(await offered.inputValue()).toBe("20");

    await offered.fill("25");
    await saveBar.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator("#toasts").textContent(), { timeout: 30_000 }).toContain("Settings saved");
    await saveBar.waitFor({ state: "hidden" });
    const again = await ui.openAdmin("/app/settings");
    await expect.poll(() => again.app.getByLabel("One-time discount offered").inputValue(), { timeout: 60_000 }).toBe("25");
  });

  it("titles a form once, in the admin's title bar, with the page it belongs to as the way back", async () => {
    const { page, app } = await ui.openAdmin("/app/settings/emails");
    await app.getByLabel("Subject").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator("#title-bar").textContent()).toBe("Subscription emails");
    // Polaris draws a page's title in its header: none here, the admin's bar has it.
    expect(await app.locator(".Polaris-Header-Title").count()).toBe(0);
    await page.getByRole("button", { name: "Settings" }).click();
    await page.waitForURL(/\/app\/settings$/);
    await expect.poll(() => page.locator("#title-bar").textContent()).toBe("Settings");
  });

  it("speaks the merchant's language when the admin asks for French", async () => {
    const { app } = await ui.openAdmin("/app", "fr-FR");
    await app.getByText("20 produits dans 4 collections").waitFor({ timeout: 60_000 });
  });

  it("connects the merchant's Klaviyo account with a private key, refusing a public one at the field, and shows the key's end only", async () => {
    const { app } = await ui.openAdmin("/app/integrations");
    const key = app.getByLabel("Private API key");
    await key.waitFor({ timeout: 60_000 });
    expect(await key.getAttribute("type")).toBe("password");
    await key.fill("AbC123");
    await app.getByRole("button", { name: "Connect Klaviyo" }).click();
    await app.getByText("This is not a Klaviyo private API key").waitFor({ timeout: 30_000 });

    const privateKey = ui.stack.simulator.klaviyo.issueKey({ organizationName: "Bean There" });
    await key.fill(privateKey);
    await app.getByRole("checkbox", { name: "Let Klaviyo send reorder reminder emails" }).check();
    await app.getByRole("button", { name: "Connect Klaviyo" }).click();
    await app.getByText("Connected", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await app.getByText(`Key ending in ${privateKey.slice(-4)}`).count()).toBe(1);
    expect(await app.getByRole("heading", { name: "Bean There" }).count()).toBe(1);
    expect(await app.getByRole("checkbox", { name: "Let Klaviyo send reorder reminder emails" }).isChecked()).toBe(true);
    expect(await app.locator("body").innerText()).not.toContain(privateKey);
    // Orchard's Flow triggers are listed, none used by a workflow yet.
    expect(
      await app
        .getByRole("row", { name: /Subscription cancelled/ })
        .getByText("Not used")
        .count(),
    ).toBe(1);
  });

  it("shows no merchant data when the app is opened outside the admin without a session token", async () => {
    const page = await ui.newPage();
    await page.goto(`${ui.stack.appUrl}/app?shop=${ui.shop.domain}`);
    await page.waitForLoadState("networkidle");
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("Browser Test Roasters");
    expect(text).not.toContain("20 products");
  });
});
