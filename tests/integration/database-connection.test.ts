import { connect, createServer, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "../../app/db.server";

const backendPid = async () => (await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

// How Orchard's PostgreSQL pool treats the two kinds of failure: a statement the server refused
// leaves a healthy connection; a broken connection is dropped, without taking the process down.
describe.runIf(process.env.TEST_DATABASE === "postgresql")("the PostgreSQL connection", () => {
  // Duplicates arrive all day (Shopify delivers at least once): each is a refused insert, which
  // must not cost the process its connection and the next query a new one.
  it("survives a statement the server refused", async () => {
    const before = await backendPid();
    await expect(db().$executeRaw`SELECT 1 / 0`).rejects.toThrow();
    expect(await backendPid()).toBe(before);
  });

  // A connection reset mid-query (a failover, a proxy restarting) must fail that query only: pg
  // also emits "error" from the connection, and unheard that event is an uncaught exception that
  // ends the process (the test run reports it as an error).
  it("fails only the query whose connection is reset, and the next query gets a new connection", async () => {
    const proxy = await resettableProxyTo(new URL(process.env.DATABASE_URL!));
    const throughProxy = createDb(proxy.url);
    afterAll(async () => {
      await throughProxy.$disconnect();
      proxy.close();
    });
    const pidThroughProxy = async () => (await throughProxy.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
    const doomed = await pidThroughProxy();
    const sleeping = throughProxy.$queryRaw`SELECT pg_sleep(30)`;
    const failed = expect(sleeping).rejects.toThrow();
    await waitUntilSleeping(doomed);
    proxy.resetAll();
    await failed;
    expect(await pidThroughProxy()).not.toBe(doomed);
    await db().$executeRaw`SELECT pg_terminate_backend(${doomed}::int)`;
  });

  // The server may end a connection that sits idle in the pool (a restart, an administrator, a
  // database dropped WITH (FORCE)): pg emits "error" from the pool, which unheard would end the
  // process between two queries. The pool drops it; the next query opens another.
  it("outlives an idle connection the server ends", async () => {
    const own = createDb(process.env.DATABASE_URL!);
    afterAll(() => own.$disconnect());
    const pidOf = async () => (await own.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
    const idle = await pidOf();
    await db().$executeRaw`SELECT pg_terminate_backend(${idle}::int)`;
    // Time for the termination to reach the idle connection (an uncaught error would fail the run).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await pidOf()).not.toBe(idle);
  });
});

async function waitUntilSleeping(pid: number) {
  for (let tries = 0; tries < 100; tries++) {
    const rows = await db().$queryRaw<{ state: string }[]>`SELECT state FROM pg_stat_activity WHERE pid = ${pid}::int`;
    if (rows[0]?.state === "active") return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backend ${pid} never started its query`);
}

/** A TCP proxy to PostgreSQL whose connections the test can reset (RST), as a network fault would. */
async function resettableProxyTo(database: URL) {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(database.port || 5432), database.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(database);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    resetAll: () => open.forEach((socket) => socket.resetAndDestroy()),
    close: () => server.close(),
  };
}
