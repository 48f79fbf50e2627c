/**
 * `npx tsx bench/soak.ts [postgresql|sqlite] [--minutes N]`: Orchard as production runs it (the
 * build served by `npm start`, one `npm run worker`) against the demo store in the simulator,
 * under a steady mix for N minutes (SOAK_SECONDS, 600 by default): storefront checkouts (subscriptions and one-off buys of a
 * consumable with a reorder rule), the merchant cancelling the oldest subscription once there are
 * more than SUBSCRIBERS, the webhooks all this causes, admin pages loaded as the embedded admin
 * loads them, and the store's clock moving a day every 10 s so renewals and reminders fall due.
 * Reports requests served, errors (the goal is none), each process's resident memory six times in
 * the run with the process's own account of it (heap, outside the heap, the rest), and each
 * process's heap from snapshots at the start, middle and end (written by
 * the process on SIGUSR2 into .soak/, with the kinds of object that grew most between the first
 * and the last), then stops both processes with SIGTERM and checks the invariants: no cycle
 * charged twice, none left half-sent, every webhook worked, no email sent twice.
 * Not part of `npm run bench` (ten minutes or more); its figures go in the issues' closing notes.
 */
import { createClient } from "@libsql/client";
import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { completeCheckout } from "../simulator/checkout";
import { embeddedQuery } from "../simulator/embedded-admin";
import { seedShop } from "../simulator/seed";
import { Simulator } from "../simulator/server";
import { freePort } from "../tests/support/browser";
import { createTestDatabase } from "../tests/support/database";
import { createSellingPlanGroup } from "../tests/support/selling-plans";
import { buildOrchard } from "../scripts/stack";
import { productionEnvironment, startProcess, untilReady } from "./support/production-app";

const minutesArgument = process.argv.indexOf("--minutes");
const SECONDS = minutesArgument > 0 ? Number(process.argv[minutesArgument + 1]) * 60 : Number(process.env.SOAK_SECONDS ?? 600);
const SNAPSHOTS = resolve(import.meta.dirname, "..", ".soak");
const DAY = 86_400_000;
const SUBSCRIBERS = Number(process.env.SOAK_SUBSCRIBERS ?? 100);
const provider = process.argv.includes("sqlite") ? "sqlite" : "postgresql";

/** A process and its children (tsx runs the script in a child node). */
const processTree = (pid: number) => [
  pid,
  ...spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean)
    .map(Number),
];

/** Resident memory of a process and its children, in MB. */
function memoryMb(pid: number): number {
  const kb = processTree(pid).map((p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
  });
  return Math.round(kb.reduce((sum, n) => sum + n, 0) / 1024);
}

/**
 * The newest account the soaked node process gave of its own memory (bench/support/memory-sampler.ts;
 * the tsx launcher writes one too, the smaller), in MB: its V8 heap in use, what lives outside the
 * heap (`external`, which includes Buffers and ArrayBuffers, and WebAssembly memory such as Prisma's
 * query compiler) and the resident set that neither explains (native allocations, code, stacks).
 */
function memoryAccount(name: string): string {
  type Account = { pid: number; rss: number; heapUsed: number; external: number; arrayBuffers: number };
  const newest = new Map<number, Account>();
  for (const line of readFileSync(join(SNAPSHOTS, name, "memory.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)) {
    const account = JSON.parse(line) as Account;
    newest.set(account.pid, account);
  }
  const node = [...newest.values()].sort((a, b) => b.rss - a.rss)[0];
  if (!node) return "no account yet";
  const inMb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return `heap ${inMb(node.heapUsed)}, external ${inMb(node.external)} (buffers ${inMb(node.arrayBuffers)}), rest ${inMb(node.rss - node.heapUsed - node.external)}`;
}

/**
 * A heap snapshot of the process (the node under tsx: the largest file it and its parent write),
 * once written; its path.
 */
async function heapSnapshot(name: string, pid: number): Promise<string> {
  const dir = join(SNAPSHOTS, name);
  const before = new Set(readdirSync(dir));
  for (const p of processTree(pid)) process.kill(p, "SIGUSR2");
  for (let waited = 0; waited < 120_000; waited += 1_000) {
    await new Promise((r) => setTimeout(r, 1_000));
    const written = readdirSync(dir).filter((file) => !before.has(file) && file.endsWith(".heapsnapshot"));
    const sizes = written.map((file) => statSync(join(dir, file)).size);
    await new Promise((r) => setTimeout(r, 1_000));
    if (written.length && written.every((file, i) => statSync(join(dir, file)).size === sizes[i] && sizes[i]! > 0)) {
      return join(dir, written[sizes.indexOf(Math.max(...sizes))]!);
    }
  }
  throw new Error(`no heap snapshot from ${name}`);
}

/** Bytes held by each kind of object (constructor or node type) in a V8 heap snapshot. */
function heapByKind(path: string): Map<string, number> {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(path, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((field) => fields.indexOf(field));
  const types = snapshot.meta.node_types[0];
  const held = new Map<string, number>();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt!]!]!;
    const kind = type === "object" || type === "closure" ? `${type} ${strings[nodes[i + nameAt!]!]}` : type;
    held.set(kind, (held.get(kind) ?? 0) + nodes[i + sizeAt!]!);
  }
  return held;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

rmSync(SNAPSHOTS, { recursive: true, force: true });
console.log(`soak: building Orchard (npm run build)`);
buildOrchard();

process.env.TEST_DATABASE = provider;
const database = await createTestDatabase();
const databaseUrl = database.url;
const appPort = await freePort();
const appUrl = `http://127.0.0.1:${appPort}`;
const simulator = new Simulator({ apiKey: "orchard-soak", apiSecret: "orchard-soak-secret", appUrl });
const simulatorUrl = await simulator.start();
const shop = simulator.store.createShop({ domain: "orchard-soak.myshopify.com", name: "Soak Coffee", ianaTimezone: "America/New_York" });
seedShop(simulator.store, shop, simulator.clock.now(), { customers: 300, months: 3 });

const env: NodeJS.ProcessEnv = {
  ...productionEnvironment(simulator, simulatorUrl, appUrl, databaseUrl),
  // A heap snapshot, into the process's --diagnostic-dir, whenever it is sent SIGUSR2.
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2`.trim(),
};
const logs: Record<string, string> = { web: "", worker: "" };
const start = (name: "web" | "worker", script: string, extra: Record<string, string> = {}): ChildProcess => {
  mkdirSync(join(SNAPSHOTS, name), { recursive: true });
  return startProcess(
    script,
    {
      ...env,
      ...extra,
      NODE_OPTIONS: `${env.NODE_OPTIONS} --diagnostic-dir=${join(SNAPSHOTS, name)} --import=${resolve(import.meta.dirname, "support/memory-sampler.ts")}`,
      SOAK_MEMORY_FILE: join(SNAPSHOTS, name, "memory.jsonl"),
      SOAK_MEMORY_EVERY_MS: "5000",
    },
    (chunk) => (logs[name] += chunk),
  );
};
const web = start("web", "scripts/serve.ts", { PORT: String(appPort), HOST: "127.0.0.1", ORCHARD_RUN_WORKERS: "none" });
await untilReady(appUrl, () => logs.web ?? "");
const worker = start("worker", "scripts/worker.ts");

const served = { admin: 0, checkout: 0, storefront: 0, cancellations: 0 };
// The library answers 410 to what looks like a bot: the soak's requests say they are a browser.
const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36" };
const errors: string[] = [];
const adminPage = async (path: string) => {
  const response = await fetch(`${appUrl}${path}?${embeddedQuery(simulator, shop, "en").toString()}`, { headers: browser });
  await response.arrayBuffer();
  if (response.status !== 200) errors.push(`admin ${path}: ${response.status}`);
  served.admin += 1;
};

// Install: the first admin load exchanges the session token for the shop's tokens.
await adminPage("/app");
const [coffee, tea] = [...shop.products.values()];
const plan = await createSellingPlanGroup(simulatorUrl, shop.domain, {
  name: "Subscribe and save",
  productIds: [coffee!.id],
  plans: [{ name: "Every week", options: ["1 week"], interval: "WEEK", intervalCount: 1, percentageOff: 10 }],
});
// A reorder rule for the tea, made in the admin as a merchant would.
const ruleForm = new URLSearchParams({
  scope: "product",
  targetId: `gid://shopify/Product/${tea!.id}`,
  title: tea!.title,
  intervalDays: "14",
  leadDays: "3",
  discountCode: "",
});
const rule = await fetch(`${appUrl}/app/reminders/rules/new`, {
  method: "POST",
  headers: { ...browser, authorization: `Bearer ${embeddedQuery(simulator, shop, "en").get("id_token")}` },
  body: ruleForm,
  redirect: "manual",
});
if (rule.status >= 400) throw new Error(`the reorder rule was not saved: ${rule.status}`);

// Orchard's database, read as an operator would: the first column of the first row.
const check = new pg.Client({ connectionString: provider === "postgresql" ? databaseUrl : undefined });
if (provider === "postgresql") await check.connect();
const firstValue = async (sql: string): Promise<unknown> => {
  if (provider === "sqlite") {
    const sqlite = createClient({ url: databaseUrl });
    try {
      return (await sqlite.execute(sql)).rows[0]?.[0];
    } finally {
      sqlite.close();
    }
  }
  const row = (await check.query(sql)).rows[0] as Record<string, unknown> | undefined;
  return row && Object.values(row)[0];
};
const query = async (sql: string) => Number(await firstValue(sql));

const memoryAtStart = { web: memoryMb(web.pid!), worker: memoryMb(worker.pid!) };
console.log(`soak: ${SECONDS} s on ${provider}; memory at start: web ${memoryAtStart.web} MB, worker ${memoryAtStart.worker} MB`);
const snapshots = { web: [await heapSnapshot("web", web.pid!)], worker: [await heapSnapshot("worker", worker.pid!)] };
const samples: { minute: number; web: number; worker: number; webAccount: string; workerAccount: string }[] = [];
const startedAt = Date.now();

const customers = [...shop.customers.values()];
const adminPaths = ["/app", "/app/subscriptions", "/app/plans", "/app/reminders", "/app/protection", "/app/settings"];
const until = Date.now() + SECONDS * 1000;
const loop = async (everyMs: number, step: (n: number) => Promise<void>) => {
  for (let n = 0; Date.now() < until; n += 1) {
    const began = Date.now();
    await step(n).catch((error: unknown) => errors.push(`${(error as Error).message}`.slice(0, 200)));
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - began))));
  }
};
await Promise.all([
  loop(1_000, async (n) => {
    const buyer = customers[n % customers.length]!;
    const subscribe = n % 3 === 0;
    await completeCheckout(simulator, shop, {
      email: buyer.email,
      lines: [
        subscribe
          ? { variantId: coffee!.variants[0]!.id, quantity: 1, sellingPlanId: plan.sellingPlanIds[0]!, properties: {} }
          : { variantId: tea!.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} },
      ],
    });
    served.checkout += 1;
    // Subscribers come and go: past SUBSCRIBERS active subscriptions the merchant cancels the oldest,
    // so that the load is steady (renewals, webhooks) and memory that grows is not just more work.
    if (subscribe && (await query(`SELECT count(*) FROM "SubscriptionContract" WHERE status = 'ACTIVE'`)) > SUBSCRIBERS) {
      const oldest = await firstValue(`SELECT id FROM "SubscriptionContract" WHERE status = 'ACTIVE' ORDER BY "firstBillingAt" LIMIT 1`);
      const cancel = await fetch(`${appUrl}/app/subscriptions/${String(oldest)}`, {
        method: "POST",
        headers: { ...browser, authorization: `Bearer ${embeddedQuery(simulator, shop, "en").get("id_token")}` },
        body: new URLSearchParams({ action: "cancel", reason: "not_using" }),
      });
      await cancel.arrayBuffer();
      if (cancel.status !== 200) errors.push(`cancel: ${cancel.status}`);
      served.cancellations += 1;
    }
  }),
  loop(250, (n) => adminPage(adminPaths[n % adminPaths.length]!)),
  loop(500, async () => {
    const response = await fetch(`${simulatorUrl}/storefront/${shop.domain.replace(".myshopify.com", "")}/products/${coffee!.handle}`);
    await response.arrayBuffer();
    if (response.status !== 200) errors.push(`storefront: ${response.status}`);
    served.storefront += 1;
  }),
  loop(10_000, async () => {
    simulator.clock.advance(DAY);
  }),
  loop((SECONDS * 1000) / 6, async () => {
    samples.push({
      minute: Math.round((Date.now() - startedAt) / 60_000),
      web: memoryMb(web.pid!),
      worker: memoryMb(worker.pid!),
      webAccount: memoryAccount("web"),
      workerAccount: memoryAccount("worker"),
    });
  }),
  new Promise<void>((done) =>
    setTimeout(async () => {
      snapshots.web.push(await heapSnapshot("web", web.pid!));
      snapshots.worker.push(await heapSnapshot("worker", worker.pid!));
      done();
    }, SECONDS * 500),
  ),
]);
snapshots.web.push(await heapSnapshot("web", web.pid!));
snapshots.worker.push(await heapSnapshot("worker", worker.pid!));

const memoryAtEnd = { web: memoryMb(web.pid!), worker: memoryMb(worker.pid!) };
// Let the worker finish what the last minutes brought.
const deadline = Date.now() + 120_000;
await simulator.webhooks.settle();
while (Date.now() < deadline && (await query(`SELECT count(*) FROM "WebhookDelivery" WHERE status IN ('pending', 'processing')`)) > 0) {
  await new Promise((r) => setTimeout(r, 1_000));
}

const stopped = async (name: string, child: ChildProcess) => {
  const began = Date.now();
  const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.kill("SIGTERM");
  return { name, code: await exit, ms: Date.now() - began };
};
const stops = [await stopped("web", web), await stopped("worker", worker)];

// Invariants, from Shopify's side and Orchard's.
const attempts = [...shop.billingAttempts.values()];
const charged = new Map<string, number>();
for (const attempt of attempts)
  if (attempt.orderId !== null) charged.set(attempt.idempotencyKey, (charged.get(attempt.idempotencyKey) ?? 0) + 1);
const chargedTwice = [...charged.values()].filter((n) => n > 1).length;
const keysTwice = attempts.length - new Set(attempts.map((a) => a.idempotencyKey)).size;
const halfSent = await query(`SELECT count(*) FROM "BillingAttempt" WHERE status IN ('sending', 'sent')`);
const unworked = await query(`SELECT count(*) FROM "WebhookDelivery" WHERE status IN ('pending', 'processing', 'failed')`);
const emailsSent = await query(`SELECT count(*) FROM "EmailMessage" WHERE status = 'sent'`);
const remindersSent = await query(`SELECT count(*) FROM "Reminder" WHERE status = 'sent'`);
const delivered = simulator.mailbox.messages.length;
if (provider === "postgresql") await check.end();
await simulator.stop();
await database.drop();

const heaps = Object.entries(snapshots).map(([name, paths]) => {
  const kinds = paths.map(heapByKind);
  const total = (held: Map<string, number>) => [...held.values()].reduce((sum, n) => sum + n, 0);
  const first = kinds[0]!;
  const last = kinds.at(-1)!;
  const grew = [...last]
    .map(([kind, bytes]) => [kind, bytes - (first.get(kind) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([kind, bytes]) => `${kind} +${mb(bytes)}`);
  return `${name} ${kinds.map((held) => mb(total(held))).join(" -> ")} (grew most: ${grew.join(", ")})`;
});
rmSync(SNAPSHOTS, { recursive: true, force: true });
const total = served.admin + served.checkout + served.storefront + served.cancellations;
console.log(`
soak (${provider}, ${SECONDS} s):
  requests served: ${total} (admin pages ${served.admin}, checkouts ${served.checkout}, storefront pages ${served.storefront}, cancellations ${served.cancellations}); webhooks delivered ${simulator.webhooks.deliveries.length}
  errors: ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join(" | ")})` : ""}
  memory: web ${memoryAtStart.web} -> ${memoryAtEnd.web} MB, worker ${memoryAtStart.worker} -> ${memoryAtEnd.worker} MB
  resident memory by minute, in MB (web and worker with their launchers; the node process's own account):
${samples.map((m) => `    ${m.minute}: web ${m.web} (${m.webAccount}); worker ${m.worker} (${m.workerAccount})`).join("\n")}
  heap at start, middle and end: ${heaps.join("; ")}
  renewals charged: ${charged.size} cycles, charged twice: ${chargedTwice}, idempotency keys sent twice: ${keysTwice}, left sending/sent: ${halfSent}
  webhooks left unworked or failed: ${unworked}
  emails: ${emailsSent} sent by Orchard, ${delivered} received by the mailbox; reminders sent: ${remindersSent}
  shutdown: ${stops.map((s) => `${s.name} exit ${s.code} in ${s.ms} ms`).join(", ")}
`);
if (errors.length)
  console.log(
    `warnings and errors the processes logged (the last 20 lines each):\n${Object.entries(logs)
      .map(([name, text]) =>
        text
          .trim()
          .split("\n")
          .slice(-20)
          .map((line) => `  ${name}: ${line.slice(0, 400)}`)
          .join("\n"),
      )
      .join("\n")}`,
  );
const broken =
  errors.length > 0 || chargedTwice > 0 || halfSent > 0 || unworked > 0 || emailsSent !== delivered || stops.some((s) => s.code !== 0);
process.exit(broken ? 1 : 0);
