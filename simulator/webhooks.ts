import { createHmac, randomUUID } from "node:crypto";
import type { AppConfig } from "./app-config";

export interface DeliveryRecord {
  webhookId: string;
  shop: string;
  topic: string;
  url: string;
  status: number | null;
  error: string | null;
  deliveredAt: string;
}

export interface SendOptions {
  /** Reuse an id, as Shopify does when it retries a delivery. */
  webhookId?: string;
  /** Deliver the same webhook twice (Shopify's at-least-once delivery). */
  duplicate?: boolean;
  /** Deliver after this many milliseconds; two sends with different delays arrive out of order. */
  delayMs?: number;
  triggeredAt?: Date;
}

/** Shopify's headers for one webhook delivery, the HMAC computed over the exact body sent. */
export function webhookHeaders(opts: {
  secret: string;
  shop: string;
  topic: string;
  apiVersion: string;
  webhookId: string;
  triggeredAt: Date;
  body: string;
}): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-shopify-topic": opts.topic,
    "x-shopify-shop-domain": opts.shop,
    "x-shopify-api-version": opts.apiVersion,
    "x-shopify-webhook-id": opts.webhookId,
    "x-shopify-event-id": randomUUID(),
    "x-shopify-triggered-at": opts.triggeredAt.toISOString(),
    "x-shopify-hmac-sha256": createHmac("sha256", opts.secret).update(opts.body, "utf8").digest("base64"),
  };
}

/**
 * Sends webhooks to the app the way Shopify does: to the uri the app declared for the topic, as a
 * POST of JSON with X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the app's secret)
 * and Shopify's other headers.
 */
export class WebhookSender {
  readonly deliveries: DeliveryRecord[] = [];
  /**
   * Shopify's worst day, for every webhook: each delivered twice (same webhook id, as a retry) and
   * each after a random delay up to maxDelayMs, so they arrive out of order.
   */
  chaos: { duplicate: boolean; maxDelayMs: number } | null = null;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly appUrl: () => string | null,
    private readonly secret: string,
    private readonly config: AppConfig,
    private readonly now: () => Date,
    /** Shopify sends webhooks only to installed apps (app/uninstalled excepted, which says so). */
    private readonly installed: (shop: string) => boolean = () => true,
  ) {}

  subscribed(topic: string): boolean {
    return this.config.subscriptions.some((s) => s.topic === topic);
  }

  async send(shop: string, topic: string, payload: unknown, options: SendOptions = {}): Promise<DeliveryRecord[]> {
    const subscription = this.config.subscriptions.find((s) => s.topic === topic);
    const base = this.appUrl();
    if (!subscription || !base) return [];
    if (topic !== "app/uninstalled" && !this.installed(shop)) return [];
    const body = JSON.stringify(payload);
    const webhookId = options.webhookId ?? randomUUID();
    const headers = webhookHeaders({
      secret: this.secret,
      shop,
      topic,
      apiVersion: this.config.webhookApiVersion,
      webhookId,
      triggeredAt: options.triggeredAt ?? this.now(),
      body,
    });
    const url = new URL(subscription.uri, base).toString();
    const deliverOnce = async (): Promise<DeliveryRecord> => {
      const record: DeliveryRecord = { webhookId, shop, topic, url, status: null, error: null, deliveredAt: new Date().toISOString() };
      try {
        const response = await fetch(url, { method: "POST", headers, body });
        record.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        record.error = (error as Error).message;
      }
      this.deliveries.push(record);
      return record;
    };
    const delayMs = options.delayMs ?? (this.chaos ? Math.floor(Math.random() * this.chaos.maxDelayMs) : 0);
    const duplicate = options.duplicate ?? this.chaos?.duplicate ?? false;
    const run = async () => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const first = await deliverOnce();
      return duplicate ? [first, await deliverOnce()] : [first];
    };
    const promise = run();
    this.pending.add(promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(promise);
    }
  }

  /** Resolves when every delivery under way has been answered. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
