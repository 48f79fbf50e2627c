/**
 * `npm run test:model -- --runs N [--seed S] [--database sqlite|postgresql]`: the model-based test
 * of whole subscription lives (tests/model) for as many lives as asked, with a new seed unless one
 * is given (a failure prints the seed and the shrunk life, to replay it).
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "1000" }, seed: { type: "string" }, database: { type: "string", default: "sqlite" } },
});
if (!/^\d+$/.test(values.runs) || (values.seed !== undefined && !/^-?\d+$/.test(values.seed))) {
  console.error("usage: npm run test:model -- --runs N [--seed S] [--database sqlite|postgresql]");
  process.exit(2);
}
const result = spawnSync("node_modules/.bin/vitest", ["run", "--project", "model"], {
  stdio: "inherit",
  env: {
    ...process.env,
    TEST_DATABASE: values.database,
    MODEL_RUNS: values.runs,
    ...(values.seed !== undefined ? { MODEL_SEED: values.seed } : {}),
  },
});
process.exit(result.status ?? 1);
