import { describe, expect, it } from "vitest";
import { ADMIN_PAGES } from "../support/admin-pages";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";

const ui = setUpBrowserStack(
  { domain: "browser-accessibility.myshopify.com", name: "Accessible Coffee", ianaTimezone: "UTC" },
  { customers: 3, months: 2 },
);

/**
 * Every admin page a merchant reaches from the navigation, as a new shop first sees it (its empty
 * states, its forms), checked by axe-core against WCAG 2.1 A and AA. The pages full of data (the
 * dashboard's charts, a subscription, an offer's registrations) are checked where their own browser
 * tests have made that data.
 */
const PAGES = ADMIN_PAGES;

describe("accessibility of the admin", () => {
  it.each(PAGES)("%s has no WCAG 2.1 AA violation axe-core can find, a title of its own and one primary action at most", async (path) => {
    const { page } = await ui.openAdmin(path);
    const frame = await appFrame(page);
    await expect.poll(() => frame.title(), { timeout: 30_000 }).toMatch(/ · Orchard$/);
    expect(await frame.locator("h1, [role=heading][aria-level='1']").count()).toBeGreaterThan(0);
    expect(await accessibilityProblems(frame)).toEqual([]);
    // Built for Shopify: one primary action a page, at most.
    expect(await frame.locator(".Polaris-Button--variantPrimary:visible").count()).toBeLessThanOrEqual(1);
    await page.context().close();
  });
});
