import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import { listingScreenshot } from "../support/browser";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";
import { createSellingPlanGroup } from "../support/selling-plans";

const ui = setUpBrowserStack(
  { domain: "browser-retention.myshopify.com", name: "Retention Test Coffee", ianaTimezone: "UTC" },
  { customers: 3, months: 0 },
);

describe("the retention dashboard", () => {
  it("shows the MRR a subscriber brings, the month's recurring revenue, its movement and cohort, over the period the merchant picks, and exports it", async () => {
    // A new shop: Orchard installed, nothing to show yet.
    const { page, app } = await ui.openAdmin("/app");
    await app.getByText("Turn one-off sales into recurring revenue").waitFor({ timeout: 60_000 });

    const coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
    const { sellingPlanIds } = await createSellingPlanGroup(ui.stack.simulator.url, ui.shop.domain, {
      name: "Subscribe and save",
      productIds: [coffee.id],
      plans: [{ name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 10 }],
    });
    const customer = [...ui.shop.customers.values()][0]!;
    const { contracts } = await completeCheckout(ui.stack.simulator, ui.shop, {
      email: customer.email,
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
    });
    const mrr = new Intl.NumberFormat("en", { style: "currency", currency: ui.shop.currencyCode }).format(
      contracts[0]!.lines[0]!.currentPriceMinor / 100,
    );

    // The worker mirrors the new contract and records its order in the background, from two
    // webhooks in either order: the dashboard shows both once it has.
    const card = (heading: string) => app.getByRole("heading", { name: heading, exact: true }).locator("..");
    const [revenue, movements, cohorts] = ["Recurring and one-off revenue", "MRR movements", "Cohorts"].map((h) =>
      card(h).getByRole("table"),
    );
    // A headline figure's name sits beside the button that explains it: the card is two levels up.
    const figure = (name: string) => app.getByRole("heading", { name, exact: true }).locator("../..");
    const shown = async (locator: ReturnType<typeof card>) => (await locator.textContent({ timeout: 10_000 }).catch(() => "")) ?? "";
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await shown(figure("MRR"))).includes(mrr) && (await shown(revenue!.getByRole("row").last())).includes(mrr);
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await movements!.getByRole("row").count()).toBe(1 + 6);
    // Each figure says how it is computed, to a mouse or a keyboard.
    await figure("Subscriber churn per month").getByRole("button", { name: "How Subscriber churn per month is computed" }).focus();
    await app.getByText("never above 100 %").waitFor();
    expect(await cohorts!.getByRole("row").nth(1).textContent()).toContain("100%");
    // The checkout's order is this month's recurring revenue, drawn as a bar too.
    await app.getByRole("img", { name: "Stacked bars of recurring and one-off revenue by month" }).locator("svg").first().waitFor();

    await app.getByLabel("Period").selectOption("12");
    await expect.poll(() => movements!.getByRole("row").count(), { timeout: 30_000 }).toBe(1 + 12);
    await listingScreenshot(page, "5-retention-dashboard", { fullPage: true });
    // With its charts and tables full, the dashboard is as accessible as when empty.
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);

    // The movements table as CSV, for the twelve months shown.
    const downloading = page.waitForEvent("download");
    await app.getByRole("button", { name: "Export CSV: MRR movements" }).click();
    const download = await downloading;
    const lines = (await readFile((await download.path())!, "utf8")).split("\r\n").filter(Boolean);
    expect(download.suggestedFilename()).toBe("orchard-movements-12-months.csv");
    expect(lines[0]).toBe('"Month","New","Expansion","Contraction","Churn","Reactivation","Net new MRR","MRR"');
    expect(lines).toHaveLength(1 + 12);
    // Months as text, amounts as numbers a spreadsheet sums (a churned month's negative ones too).
    expect(lines.at(-1)).toMatch(/^"\d{4}-\d{2}"(,-?\d+\.\d{2}){7}$/);

    // Installing imported the history the shop had then (none); importing again finds the
    // checkout's order and subscription, shows its progress and then what it brought in.
    const history = card("Order history");
    await expect.poll(() => shown(history), { timeout: 60_000 }).toContain("Orders: 0. Subscriptions: 0.");
    await history.getByRole("button", { name: "Import again" }).click();
    await expect.poll(() => shown(history), { timeout: 60_000 }).toContain("Orders: 1. Subscriptions: 1.");
  });

  it("moves no churn figure for a pause and its resume once the merchant keeps paused subscribers", async () => {
    // The merchant chooses, in Settings, to keep paused subscribers rather than count them churned.
    const settings = await ui.openAdmin("/app/settings");
    await settings.app.getByLabel("Paused subscribers").selectOption("kept");
    await settings.app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => settings.page.locator("#toasts").textContent(), { timeout: 30_000 }).toContain("Settings saved");

    // The subscriber of the test above is paused, then resumed, from their page.
    const { app } = await ui.openAdmin("/app/subscriptions");
    await app.getByRole("row").nth(1).getByRole("link").click({ timeout: 60_000 });
    await app.getByRole("button", { name: "Pause", exact: true }).click({ timeout: 30_000 });
    await app.getByRole("button", { name: "Resume" }).click({ timeout: 60_000 });
    await app.getByRole("button", { name: "Pause", exact: true }).waitFor({ timeout: 60_000 });

    // The dashboard shows the pause and the resume as their own movements, and no churn.
    const dashboard = await ui.openAdmin("/app?months=3");
    const movements = dashboard.app.getByRole("heading", { name: "MRR movements", exact: true }).locator("..").getByRole("table");
    const thisMonth = async () => {
      await dashboard.page.reload();
      return (
        (await movements
          .getByRole("row")
          .last()
          .textContent({ timeout: 30_000 })
          .catch(() => "")) ?? ""
      );
    };
    await expect.poll(thisMonth, { timeout: 60_000 }).toMatch(/-\$[\d.]+\$[\d.]+/);
    const headings = await movements.getByRole("columnheader").allTextContents();
    expect(headings).toEqual([
      "Month",
      "New",
      "Expansion",
      "Contraction",
      "Churn",
      "Reactivation",
      "Paused",
      "Resumed",
      "Net new MRR",
      "MRR",
    ]);
    // The month heads its row; the amounts follow in the headings' order.
    const cells = await movements.getByRole("row").last().locator("th, td").allTextContents();
    const column = (name: string) => cells[headings.indexOf(name)];
    expect([column("Churn"), column("Reactivation")]).toEqual(["$0.00", "$0.00"]);
    expect(column("Paused")).toMatch(/^-\$/);
    expect(column("Resumed")!.replace("$", "-$")).toBe(column("Paused"));
    const churn = dashboard.app.getByRole("heading", { name: "Subscriber churn per month", exact: true }).locator("../..");
    expect(await churn.textContent()).toContain("0%");
  });
});
