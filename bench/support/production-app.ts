/**
 * Orchard as production runs it, for the benchmarks that measure it so: the Vite build served by
 * `npm start` (scripts/serve.ts), configured against the local store simulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { readAppConfig } from "../../simulator/app-config";
import type { Simulator } from "../../simulator/server";

const root = resolve(import.meta.dirname, "..", "..");

export function productionEnvironment(simulator: Simulator, simulatorUrl: string, appUrl: string, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Not "production": the configuration refuses the simulator there. The build and server are production's.
    NODE_ENV: "development",
    SHOPIFY_API_KEY: simulator.apiKey,
    SHOPIFY_API_SECRET: simulator.apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: readAppConfig(resolve(root, "shopify.app.toml")).scopes,
    DATABASE_URL: databaseUrl,
    SHOPIFY_SIMULATOR_URL: simulatorUrl,
    SMTP_URL: simulator.mailbox.url,
    WORKER_IDLE_MS: "500",
    LOG_LEVEL: "warn",
  };
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
