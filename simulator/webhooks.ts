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

const AFTER_UNINSTALL = ["app/uninstalled", "shop/redact"];

/** Shopify counts a delivery as failed when the app has not answered within five seconds. */
const RESPONSE_TIMEOUT_MS = 5_000;

function accepted(record: DeliveryRecord): boolean {
  return record.status !== null && record.status >= 200 && record.status < 300;
}

/** Shopify's signature of a request body it sends an app (webhooks, Flow's calls): base64 HMAC-SHA256 with the app's secret. */
export function bodyHmac(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
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
    "x-shopify-hmac-sha256": bodyHmac(opts.secret, opts.body),
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
  /**
   * Waits before each retry of a failed delivery: Shopify retries 8 times over 4 hours; the
   * simulator keeps the count and the doubling, on a scale of seconds.
   */
  retryDelaysMs = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly waits = new Set<() => void>();
  private stopped = false;

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
    // The uninstall itself, and shop/redact 48 hours after it, reach an app no longer installed.
    if (!AFTER_UNINSTALL.includes(topic) && !this.installed(shop)) return [];
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
        const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS) });
        record.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        record.error = (error as Error).message;
      }
      this.deliveries.push(record);
      return record;
    };
    // Shopify retries a delivery that failed (no answer within the timeout, or not a 2xx), with the
    // same webhook id, until it succeeds or the retries run out.
    const deliverUntilAccepted = async (): Promise<DeliveryRecord> => {
      let record = await deliverOnce();
      for (const waitMs of this.retryDelaysMs) {
        if (accepted(record) || this.stopped) break;
        await this.pause(waitMs);
        if (this.stopped) break;
        record = await deliverOnce();
      }
      return record;
    };
    const delayMs = options.delayMs ?? (this.chaos ? Math.floor(Math.random() * this.chaos.maxDelayMs) : 0);
    const duplicate = options.duplicate ?? this.chaos?.duplicate ?? false;
    const run = async () => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const first = await deliverUntilAccepted();
      return duplicate ? [first, await deliverUntilAccepted()] : [first];
    };
    const promise = run();
    this.pending.add(promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(promise);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(wake);
        resolve();
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waits.add(wake);
    });
  }

  /** The store is shutting down: retries still waiting are given up. */
  stop(): void {
    this.stopped = true;
    for (const wake of this.waits) wake();
    this.waits.clear();
  }

  /** Resolves when every delivery under way has been accepted, or its retries have run out. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
