/**
 * `npm run bench`: every benchmark, each in its own process, each printing its figure as a ratio
 * to a baseline measured in the same run (never a timed assertion).
 *
 * `npm run bench -- --small`: each once at a small size, as CI runs them so that none can rot
 * unnoticed (the figures at that size mean little).
 */
import { spawnSync } from "node:child_process";

const SMALL: Record<string, string> = {
  BENCH_DELIVERIES: "200",
  BENCH_ROUNDS: "2",
  BENCH_PAINT_ROUNDS: "1",
  BENCH_ORDERS: "2000",
  BENCH_DUE: "200",
  BENCH_CONTRACTS: "500",
  BENCH_SHOPS: "5",
  BENCH_PER_SHOP: "20",
  BENCH_HISTORY_ORDERS: "5000",
  BENCH_SUBSCRIBERS: "10",
  BENCH_VITALS_ROUNDS: "1",
  BENCH_VITALS_PAGES: "3",
};
const env = process.argv.includes("--small") ? { ...process.env, ...SMALL } : process.env;

const runs: [string, string[], string[]?][] = [
  ["bench/webhook-ingest.ts", ["sqlite"]],
  ["bench/webhook-ingest.ts", ["postgresql"]],
  ["bench/storefront-block.ts", []],
  ["bench/billing-throughput.ts", ["sqlite"]],
  ["bench/billing-throughput.ts", ["postgresql"]],
  ["bench/reminders.ts", ["sqlite"]],
  ["bench/reminders.ts", ["postgresql"]],
  ["bench/retention-dashboard.ts", ["sqlite"]],
  ["bench/retention-dashboard.ts", ["postgresql"]],
  ["bench/history-import.ts", [], ["--max-old-space-size=256"]],
  ["bench/admin-vitals.ts", []],
];

let failed = false;
for (const [script, args, nodeFlags = []] of runs) {
  // --expose-gc: benchmarks that report peak memory collect the heap before measuring.
  const result = spawnSync("node_modules/.bin/tsx", ["--expose-gc", ...nodeFlags, script, ...args], { stdio: "inherit", env });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
