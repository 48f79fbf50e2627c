import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

/** axe-core's own build, put into the page as a script (it runs in the browser, on the live DOM). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** What axe says is wrong with the first element, in its words. */
  summary: string;
}

/**
 * The WCAG 2.1 A and AA violations axe-core finds in what a person has in front of them now (a page,
 * or the app's frame inside the admin), each with the elements it names.
 */
export async function axeViolations(target: Page | Frame, within?: string): Promise<AxeViolation[]> {
  await target.evaluate(axeSource);
  return target.evaluate(async (selector) => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document | string, options: object) => Promise<{ violations: Result[] }> } })
      .axe;
    const result = await axe.run(selector ?? document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
      summary: v.nodes[0]?.failureSummary ?? "",
    }));
  }, within);
}

/** The app's frame inside the simulator's admin page, where Orchard's pages are. */
export async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe[title="Orchard"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error("the admin page has no Orchard frame");
  return frame;
}

/** Violations as "rule: element", the form a failing test prints best. */
export async function accessibilityProblems(target: Page | Frame, within?: string): Promise<string[]> {
  return (await axeViolations(target, within)).flatMap((v) => v.targets.map((t) => `${v.id} (${v.impact}): ${t} — ${v.summary}`));
}
