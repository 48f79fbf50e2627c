/**
 * Orchard as production runs it, in processes the soak starts and watches itself: the build served
 * by `npm start` (scripts/serve.ts) and `npm run worker`, configured against the store simulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { appEnvironment } from "../../scripts/stack";
import type { Simulator } from "../../simulator/server";

const root = resolve(import.meta.dirname, "..", "..");

export function productionEnvironment(simulator: Simulator, simulatorUrl: string, appUrl: string, databaseUrl: string): NodeJS.ProcessEnv {
  return { ...appEnvironment(simulator, simulatorUrl, appUrl, databaseUrl), WORKER_IDLE_MS: "500", LOG_LEVEL: "warn" };
}

/** A script of Orchard's (scripts/serve.ts, scripts/worker.ts) in a process of its own, its output to `onOutput`. */
export function startProcess(script: string, env: NodeJS.ProcessEnv, onOutput: (chunk: string) => void): ChildProcess {
  const child = spawn(resolve(root, "node_modules/.bin/tsx"), [script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => onOutput(chunk.toString()));
  return child;
}

/** Once the web process answers its readiness check (its migrations done); its output if it never does. */
export async function untilReady(appUrl: string, output: () => string): Promise<void> {
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${appUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    if (tries > 100) throw new Error(`the web process did not become ready:\n${output()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
