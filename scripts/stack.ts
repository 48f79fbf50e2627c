/**
 * Starts what the demo and the browser tests both need: the store simulator and Orchard wired to
 * it, with a migrated database. One place, so both run the same thing. Orchard runs as Vite's dev
 * server (the demo, where a change to the code shows at once) or as production serves it, the
 * build behind `npm start` (the browser tests: pages arrive bundled, not compiled module by module
 * on a busy machine, and what is tested is what merchants get).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { readAppConfig } from "../simulator/app-config";
import { Simulator } from "../simulator/server";
import { migrate } from "../prisma/tools/migrate";

export const DEMO_API_KEY = "orchard-demo-api-key";
export const DEMO_API_SECRET = "orchard-demo-api-secret";

export interface StackOptions {
  appPort: number;
  simulatorPort: number;
  databaseUrl: string;
  /** Inherit the app's output (demo) or keep it for a failure report (tests). */
  quiet?: boolean;
  /** Vite's dev server (the default), or the build (`buildOrchard`) as `npm start` serves it. */
  server?: "vite" | "build";
}

export interface Stack {
  simulator: Simulator;
  simulatorUrl: string;
  appUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = resolve(import.meta.dirname, "..");

/**
 * `npm run build`, unless ORCHARD_REUSE_BUILD is set and a build is there (`npm test` has just made
 * one, and another would add a minute to every suite that needs it on a busy machine).
 */
export function buildOrchard(): void {
  if (process.env.ORCHARD_REUSE_BUILD && existsSync(resolve(root, "build/server/index.js"))) return;
  if (spawnSync(resolve(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: "ignore" }).status !== 0) {
    throw new Error("the build failed: run `npx remix vite:build` to see why");
  }
}

/** Orchard's environment against the simulator, for the dev server, `npm start` or a worker process. */
export function appEnvironment(simulator: Simulator, simulatorUrl: string, appUrl: string, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Not "production" even for the build: the configuration refuses the simulator there.
    NODE_ENV: "development",
    SHOPIFY_API_KEY: simulator.apiKey,
    SHOPIFY_API_SECRET: simulator.apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: readAppConfig(resolve(root, "shopify.app.toml")).scopes,
    DATABASE_URL: databaseUrl,
    SHOPIFY_SIMULATOR_URL: simulatorUrl,
    SMTP_URL: simulator.mailbox.url,
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const appUrl = `http://127.0.0.1:${options.appPort}`;
  await migrate(options.databaseUrl);
  const simulator = new Simulator({ port: options.simulatorPort, apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET, appUrl });
  const simulatorUrl = await simulator.start();

  let output = "";
  const built = options.server === "build";
  const app: ChildProcess = spawn(
    resolve(root, built ? "node_modules/.bin/tsx" : "node_modules/.bin/remix"),
    built
      ? ["scripts/serve.ts"]
      : // Vite's own banner is a second URL nobody needs: the simulator's is the way in.
        ["vite:dev", "--host", "127.0.0.1", "--port", String(options.appPort), "--strictPort", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: ["ignore", options.quiet ? "pipe" : "inherit", options.quiet ? "pipe" : "inherit"],
      env: {
        ...appEnvironment(simulator, simulatorUrl, appUrl, options.databaseUrl),
        ...(built ? { PORT: String(options.appPort), HOST: "127.0.0.1" } : {}),
      },
    },
  );
  app.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (app.exitCode === null) {
      const exited = new Promise((resolveExit) => app.once("exit", resolveExit));
      app.kill("SIGTERM");
      await exited;
    }
    await simulator.stop();
  };

  // Ready when the app answers a page that renders through the whole server stack.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (app.exitCode !== null) {
      await simulator.stop();
      throw new Error(`Orchard exited while starting:\n${output}`);
    }
    try {
      if ((await fetch(`${appUrl}/auth/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Orchard did not start within 90 s:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
  }
  if (!built) await warmUp(appUrl);
  return { simulator, simulatorUrl, appUrl, output: () => output, stop };
}

/**
 * Vite compiles client modules on first request and, when that uncovers a dependency its start-up
 * scan missed, re-bundles and reloads the page: a first visitor (a person, or a browser test typing
 * into a form) would lose what they did. Requesting every route's module once, before anyone
 * visits, gets that done up front.
 */
async function warmUp(appUrl: string): Promise<void> {
  const routes = readdirSync(resolve(root, "app/routes"), { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file));
  for (const path of ["app/root.tsx", ...routes.map((file) => `app/routes/${file}`)]) {
    await fetch(`${appUrl}/${path}`).then((response) => response.arrayBuffer());
  }
  // Let an optimizer run that the requests started finish before the first page view.
  await fetch(`${appUrl}/@vite/client`).then((response) => response.arrayBuffer());
}
