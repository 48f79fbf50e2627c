/**
 * `npm run bench`: every benchmark, each in its own process, each printing its figure as a ratio
 * to a baseline measured in the same run (never a timed assertion).
 */
import { spawnSync } from "node:child_process";

const runs: [string, string[]][] = [
  ["bench/webhook-ingest.ts", ["sqlite"]],
  ["bench/webhook-ingest.ts", ["postgresql"]],
  ["bench/storefront-block.ts", []],
  ["bench/billing-throughput.ts", ["sqlite"]],
  ["bench/billing-throughput.ts", ["postgresql"]],
  ["bench/reminders.ts", ["sqlite"]],
  ["bench/reminders.ts", ["postgresql"]],
  ["bench/retention-dashboard.ts", ["sqlite"]],
  ["bench/retention-dashboard.ts", ["postgresql"]],
];

let failed = false;
for (const [script, args] of runs) {
  // --expose-gc: benchmarks that report peak memory collect the heap before measuring.
  const result = spawnSync("node_modules/.bin/tsx", ["--expose-gc", script, ...args], { stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
