import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebhookSender } from "../../simulator/webhooks";

/** The simulator's webhook deliveries against a stand-in app that answers what each test tells it to. */
let app: Server | null = null;

afterEach(() => app?.close());

async function senderTo(answers: number[]): Promise<{ sender: WebhookSender; received: string[] }> {
  const received: string[] = [];
  app = createServer((req, res) => {
    received.push(String(req.headers["x-shopify-webhook-id"]));
    req.resume();
    req.on("end", () => res.writeHead(answers.shift() ?? 200).end());
  });
  await new Promise<void>((resolve) => app!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const config = {
    handle: "orchard",
    scopes: "",
    webhookApiVersion: "2026-10",
    subscriptions: [{ topic: "orders/paid", uri: "/webhooks" }],
    appProxy: null,
  };
  const sender = new WebhookSender(
    () => url,
    "secret",
    config,
    () => new Date(),
  );
  sender.retryDelaysMs = [10, 20, 40];
  return { sender, received };
}

describe("store simulator: webhook deliveries", () => {
  it("retries a delivery the app did not accept, with the same webhook id, until it is accepted", async () => {
    const { sender, received } = await senderTo([500, 503, 200]);
    const [last] = await sender.send("shop.myshopify.com", "orders/paid", { id: 1 });
    expect(last).toMatchObject({ status: 200 });
    expect(sender.deliveries.map((d) => d.status)).toEqual([500, 503, 200]);
    expect(new Set(received).size).toBe(1);
  });

  it("gives up after its retries, as Shopify does after eight", async () => {
    const { sender } = await senderTo([500, 500, 500, 500, 500]);
    const [last] = await sender.send("shop.myshopify.com", "orders/paid", { id: 1 });
    expect(last).toMatchObject({ status: 500 });
    expect(sender.deliveries).toHaveLength(4);
  });

  it("stops retrying when the store shuts down", async () => {
    const { sender } = await senderTo([500, 500, 500, 500]);
    sender.retryDelaysMs = [60_000];
    const sending = sender.send("shop.myshopify.com", "orders/paid", { id: 1 });
    await expect.poll(() => sender.deliveries.length).toBe(1);
    sender.stop();
    await sender.settle();
    expect(await sending).toMatchObject([{ status: 500 }]);
  });
});
