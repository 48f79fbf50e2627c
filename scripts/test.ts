/**
 * `npm test`: every check CI runs, in the order that fails fastest: types, lint, format,
 * theme-check, then the test suites on SQLite and again on PostgreSQL. Ends with two lines: the
 * steps that are not tests ("Steps: N passed, N failed"), then every test run ("Tests: …").
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report?: string;
}

mkdirSync("test-results", { recursive: true });
// The build step below makes the build that the benchmarks and the browser suites serve: they use it as it is.
process.env.ORCHARD_REUSE_BUILD = "1";
const appConfig = parse(readFileSync("shopify.app.toml", "utf8")) as { application_url: string };
const bin = (name: string) => `node_modules/.bin/${name}`;
/** Projects type-checked apart from the root: each UI extension (Preact's JSX) and their tests. */
const SEPARATE_PROJECTS = [
  ...readdirSync("extensions")
    .map((name) => `extensions/${name}`)
    .filter((dir) => existsSync(`${dir}/tsconfig.json`)),
  "tests/extensions",
];
/**
 * The model-based test's lives (tests/model): 250 on SQLite, 100 on PostgreSQL, from a seed taken
 * from the commit under test, so a failure in CI replays on any machine (`npm run test:model --
 * --runs N --seed S`) and each commit explores lives of its own. (500 took fifteen minutes beside
 * the other suites on a two-core machine, half of CI's time; the lives a run leaves out are made
 * up by the next commit's seed.)
 */
const commit = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
const MODEL_SEED = process.env.MODEL_SEED ?? String(/^[0-9a-f]{8}/.test(commit) ? Number.parseInt(commit.slice(0, 8), 16) | 0 : 1);
const MODEL_RUNS = { sqlite: "250", postgresql: "100" };

/**
 * The tests at scale, each database's run on their own after its pair of suites: beside the
 * browser suite on two cores they starve the background work browser tests wait on (the year of
 * billing's workers timed out so on PostgreSQL; the 1,000-row import slowed a storefront renewal
 * past its wait on SQLite).
 */
const AT_SCALE = ["tests/integration/billing-at-scale.test.ts", "tests/integration/import-at-scale.test.ts"];

const suites = (database: "sqlite" | "postgresql", projects: string[], files: { only?: string[]; without?: string[] } = {}): Step => {
  const label = files.only ? "at scale" : `${projects.join(", ")}${files.without ? " but those at scale" : ""}`;
  const report = `test-results/${database}-${label.replaceAll(/[^a-z]+/g, "-")}.json`;
  return {
    name: `tests on ${database} (${label})`,
    command: [
      bin("vitest"),
      "run",
      ...(files.only ?? []),
      ...projects.flatMap((p) => ["--project", p]),
      ...(files.without ?? []).flatMap((file) => ["--exclude", file]),
      // Two files at a time: the year of billing waits on its workers most of its minutes, and the
      // other files run beside it.
      "--maxWorkers=2",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    env: { TEST_DATABASE: database, MODEL_SEED, MODEL_RUNS: MODEL_RUNS[database] },
    report,
  };
};

/**
 * A database's suites in two processes at the same time: the browser files, one at a time (each
 * starts a stack of its own with the simulator and Orchard's build), beside the rest. Vitest runs
 * files that may not run in parallel only after all the others, and the browser files spend most
 * of their time waiting on the browser and the app, so apart they leave a core idle for minutes.
 */
const suitesOf = (database: "sqlite" | "postgresql", projects: string[], files: { without?: string[] } = {}): Step[] => [
  suites(database, projects, files),
  suites(database, ["browser"]),
];

// Each entry runs alone, or (a list) its steps at the same time.
const steps: (Step | Step[])[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  ...SEPARATE_PROJECTS.map((project) => ({ name: `typecheck (${project})`, command: [bin("tsc"), "-p", project] })),
  { name: "lint", command: [bin("eslint"), "--max-warnings", "0", "."] },
  // The layers of docs/architecture.md: each imports only those below it, no cycles.
  { name: "dependency rules", command: ["npm", "run", "--silent", "deps"] },
  // The production build refuses server-only code reaching the browser bundle.
  { name: "build", command: [bin("remix"), "vite:build"] },
  // Shopify's own CLI builds the app as `shopify app deploy` would (offline): extension targets,
  // bundling, the theme app extension, with the app's URL the extensions call; then each UI
  // extension's bundle against Shopify's size limit and for anything left unset.
  {
    name: "shopify app build",
    command: [bin("shopify"), "app", "build", "--path", "."],
    env: { CI: "1", SHOPIFY_CLI_NO_ANALYTICS: "1", APP_URL: process.env.APP_URL ?? appConfig.application_url },
  },
  { name: "UI extension bundles", command: [bin("tsx"), "scripts/extension-bundles.ts"] },
  { name: "format", command: [bin("prettier"), "--check", "."] },
  { name: "theme-check", command: [bin("tsx"), "scripts/theme-check.ts"] },
  // Each benchmark once at a small size (under a minute), so none can rot unnoticed.
  { name: "benchmarks (small)", command: [bin("tsx"), "bench/run.ts", "--small"] },
  suitesOf("sqlite", ["unit", "extensions", "integration", "model"], { without: AT_SCALE }),
  suites("sqlite", ["integration"], { only: AT_SCALE }),
  // Unit and extension tests touch no database; the rest run again on the production database.
  suitesOf("postgresql", ["integration", "model"], { without: AT_SCALE }),
  suites("postgresql", ["integration"], { only: AT_SCALE }),
];

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** The failed tests by name with the start of their message, so the last lines of a CI log say what broke. */
function failedTestsOf(report: VitestReport, stepName: string): string[] {
  return report.testResults.flatMap((file) => {
    const failedAssertions = file.assertionResults.filter((a) => a.status === "failed");
    // A file that failed outside any test (a hook, an import) has no failed assertion but a message.
    if (failedAssertions.length === 0 && file.message) return [`${stepName}: ${file.name}: ${file.message.slice(0, 500)}`];
    return failedAssertions.map(
      (a) => `${stepName}: ${a.fullName}\n    ${(a.failureMessages[0] ?? "").split("\n").slice(0, 6).join("\n    ")}`,
    );
  });
}

/**
 * The processes that started no earlier than this one (to the second: ps gives each one's age),
 * apart from this one, its parent and its own helpers (tsx's esbuild service).
 */
function processesSinceThisOne(): { pid: number; args: string }[] {
  const listing = spawnSync("ps", ["-eo", "pid=,ppid=,etimes=,args="], { encoding: "utf8" }).stdout;
  const processes = listing.split("\n").flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), age: Number(match[3]), args: match[4]! }] : [];
  });
  const ownAge = processes.find((p) => p.pid === process.pid)?.age ?? 0;
  return processes.filter((p) => p.age <= ownAge && p.pid !== process.pid && p.pid !== process.ppid && p.ppid !== process.pid);
}

// Tests are counted from the suites' reports; the other steps (types, lint, builds) are counted apart.
let passed = 0;
let failed = 0;
let stepsPassed = 0;
let stepsFailed = 0;
const failures: string[] = [];
const failedTests: string[] = [];
// Each step's time, printed at the end: CI must stay well under half an hour, and this says where it goes.
const durations: string[] = [];

/** A step run on its own, its output as it comes. */
function runAlone(step: Step): number | null {
  console.log(`\n▶ ${step.name}`);
  return spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } }).status;
}

/** A step run beside others: its output held, and shown whole once it ends. */
function runBeside(step: Step): Promise<number | null> {
  return new Promise((resolveStatus) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...step.env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => {
      console.log(`\n▶ ${step.name}\n${output}`);
      resolveStatus(status);
    });
  });
}

function record(step: Step, status: number | null, seconds: number): void {
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(step.report, "utf8")) as VitestReport;
      passed += report.numPassedTests;
      // A file that failed outside any test (its set-up, an import) fails no test: count the suite once.
      failed += status !== 0 && report.numFailedTests === 0 ? 1 : report.numFailedTests;
      failedTests.push(...failedTestsOf(report, step.name));
    } catch {
      failed += 1;
    }
  } else if (status === 0) {
    stepsPassed += 1;
  } else {
    stepsFailed += 1;
  }
  if (status !== 0) failures.push(step.name);
  durations.push(`${step.name}: ${seconds} s`);
}

const secondsSince = (started: number) => Math.round((Date.now() - started) / 1000);
for (const entry of steps) {
  const started = Date.now();
  if (!Array.isArray(entry)) {
    record(entry, runAlone(entry), secondsSince(started));
    continue;
  }
  console.log(`\n▶ at the same time: ${entry.map((step) => step.name).join("; ")}`);
  await Promise.all(entry.map(async (step) => record(step, await runBeside(step), secondsSince(started))));
  durations.push(`  (together: ${secondsSince(started)} s)`);
}

// Nothing the tests started may outlive them (a worker left polling the database, a browser, a
// server): whatever started after this run began and runs from this checkout is reported and killed.
const leftovers = processesSinceThisOne().filter((p) => p.args.includes(process.cwd()));
if (leftovers.length) {
  console.log(`\nLeft running after the tests:\n${leftovers.map((p) => `- ${p.pid} ${p.args.slice(0, 200)}`).join("\n")}`);
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // ended meanwhile
    }
  }
  failures.push("processes left running");
  stepsFailed += 1;
}

console.log(`\nTime per step:\n${durations.map((d) => `- ${d}`).join("\n")}`);
if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `- ${t}`).join("\n")}`);
if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\nSteps: ${stepsPassed} passed, ${stepsFailed} failed`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
