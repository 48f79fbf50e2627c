import { randomBytes, randomUUID } from "node:crypto";
import type { SimRequest, SimResponse } from "./http";

/**
 * A stand-in for Klaviyo's REST API (docs/simulator.md), the calls Orchard makes, checked as
 * Klaviyo documents them: the private key in `Authorization: Klaviyo-API-Key …` (401
 * not_authenticated otherwise, and for a revoked key), the `revision` header (required, a dated
 * revision), the key's scopes (403), JSON:API bodies, and Klaviyo's fixed-window rate limits per
 * account (a burst window of one second and a steady one of a minute; 429 with Retry-After).
 * Events Klaviyo accepted are kept per account; one whose unique id the profile already has for
 * the metric is not kept twice.
 */

export interface KlaviyoEventRecord {
  account: string;
  email: string;
  metric: string;
  properties: Record<string, unknown>;
  time: string | null;
  uniqueId: string | null;
}

interface KlaviyoKey {
  account: string;
  organizationName: string;
  scopes: Set<string>;
  revoked: boolean;
}

type RateLimit = { burstPerSecond: number; steadyPerMinute: number };
type Endpoint = "accounts" | "bulkEvents";

/** Klaviyo's published limits for each endpoint Orchard calls. */
const RATE_LIMITS: Record<Endpoint, RateLimit> = {
  accounts: { burstPerSecond: 1, steadyPerMinute: 15 },
  bulkEvents: { burstPerSecond: 10, steadyPerMinute: 150 },
};

const MAX_BULK_EVENTS = 1_000;
const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

const errors = (status: number, code: string, title: string, detail: string, pointer?: string) => ({
  errors: [{ id: randomUUID(), status, code, title, detail, source: pointer ? { pointer } : {} }],
});

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { "content-type": "application/vnd.api+json", ...headers },
  body: body === null ? "" : JSON.stringify(body),
});

export class KlaviyoStandIn {
  private readonly keys = new Map<string, KlaviyoKey>();
  readonly events: KlaviyoEventRecord[] = [];
  /** Every request that reached it, with its answer's status: tests count requests and 429s. */
  readonly requests: { path: string; status: number }[] = [];
  private readonly windows = new Map<string, { second: number; inSecond: number; minute: number; inMinute: number }>();
  private readonly busyUntil = new Map<Endpoint, number>();

  /** The keys issued, oldest first (the demo's page shows them to paste in Orchard). */
  readonly issuedKeys: string[] = [];

  /** A private key for a new account (or one more key for `account`), with the scopes given. */
  issueKey(options: { account?: string; organizationName?: string; scopes?: string[] } = {}): string {
    const key = `pk_${randomBytes(17).toString("hex")}`;
    this.issuedKeys.push(key);
    this.keys.set(key, {
      account: options.account ?? `account-${randomBytes(3).toString("hex")}`,
      organizationName: options.organizationName ?? "Demo Store",
      scopes: new Set(options.scopes ?? ["accounts:read", "events:write"]),
      revoked: false,
    });
    return key;
  }

  /** The merchant deletes the key in Klaviyo: it is refused from then on. */
  revokeKey(key: string): void {
    const found = this.keys.get(key);
    if (found) found.revoked = true;
  }

  accountOf(key: string): string | undefined {
    return this.keys.get(key)?.account;
  }

  eventsOf(account: string): KlaviyoEventRecord[] {
    return this.events.filter((event) => event.account === account);
  }

  handle(req: SimRequest, endpoint: "accounts" | "bulkEvents"): SimResponse {
    const response = this.answer(req, endpoint);
    this.requests.push({ path: req.url.pathname, status: response.status });
    return response;
  }

  private answer(req: SimRequest, endpoint: Endpoint): SimResponse {
    const authorization = req.headers.authorization ?? "";
    const key = /^Klaviyo-API-Key (\S+)$/.exec(authorization)?.[1];
    const found = key ? this.keys.get(key) : undefined;
    if (!found || found.revoked) {
      return answer(
        401,
        errors(401, "not_authenticated", "Authentication credentials were not provided.", "Missing or invalid private key."),
      );
    }
    const revision = req.headers.revision;
    if (typeof revision !== "string" || !/^\d{4}-\d{2}-\d{2}(\.pre)?$/.test(revision)) {
      return answer(400, errors(400, "invalid", "Invalid input.", "A valid revision header is required (YYYY-MM-DD)."));
    }
    const scope = endpoint === "accounts" ? "accounts:read" : "events:write";
    if (!found.scopes.has(scope)) {
      return answer(403, errors(403, "permission_denied", "You do not have permission to perform this action.", `Missing scope ${scope}.`));
    }
    const throttled = this.busyFor(endpoint) ?? this.take(`${found.account}:${endpoint}`, RATE_LIMITS[endpoint]);
    if (throttled !== null) {
      return answer(
        429,
        errors(429, "throttled", "Request was throttled.", `Request was throttled. Expected available in ${throttled} seconds.`),
        {
          "retry-after": String(throttled),
        },
      );
    }
    if (endpoint === "accounts") {
      return answer(200, {
        data: [{ type: "account", id: found.account, attributes: { contact_information: { organization_name: found.organizationName } } }],
      });
    }
    return this.bulkCreateEvents(req, found.account);
  }

  /**
   * Every request to `endpoint` is throttled for the next `seconds`, as when the account's window
   * is spent by its other integrations: a test sees Orchard wait out a Retry-After longer than its
   * own steps take on a busy machine.
   */
  throttleFor(endpoint: Endpoint, seconds: number): void {
    this.busyUntil.set(endpoint, Date.now() + seconds * 1000);
  }

  private busyFor(endpoint: Endpoint): number | null {
    const left = (this.busyUntil.get(endpoint) ?? 0) - Date.now();
    return left > 0 ? Math.ceil(left / 1000) : null;
  }

  /** Seconds until the next request may pass, or null when this one may (and is counted). */
  private take(bucket: string, limit: RateLimit): number | null {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const minute = Math.floor(now / 60_000);
    const window = this.windows.get(bucket) ?? { second, inSecond: 0, minute, inMinute: 0 };
    if (window.second !== second) Object.assign(window, { second, inSecond: 0 });
    if (window.minute !== minute) Object.assign(window, { minute, inMinute: 0 });
    if (window.inMinute >= limit.steadyPerMinute) return Math.ceil(((minute + 1) * 60_000 - now) / 1000);
    if (window.inSecond >= limit.burstPerSecond) return 1;
    window.inSecond += 1;
    window.inMinute += 1;
    this.windows.set(bucket, window);
    return null;
  }

  private bulkCreateEvents(req: SimRequest, account: string): SimResponse {
    const contentType = req.headers["content-type"] ?? "";
    if (!/^application\/(vnd\.api\+)?json\b/.test(contentType)) {
      return answer(415, errors(415, "unsupported_media_type", "Unsupported media type.", `Unsupported media type "${contentType}".`));
    }
    if (Buffer.byteLength(req.rawBody) > MAX_PAYLOAD_BYTES) {
      return answer(413, errors(413, "payload_too_large", "Payload too large.", "The payload must not exceed 5 MB."));
    }
    const invalid = (detail: string, pointer: string) => answer(400, errors(400, "invalid", "Invalid input.", detail, pointer));
    const body = req.json<{ data?: { type?: unknown; attributes?: Record<string, unknown> } }>();
    if (body?.data?.type !== "event-bulk-create-job") return invalid("data.type must be event-bulk-create-job", "/data/type");
    const entries = (body.data.attributes?.["events-bulk-create"] as { data?: unknown } | undefined)?.data;
    if (!Array.isArray(entries) || entries.length === 0)
      return invalid("events-bulk-create.data must list profiles' events", "/data/attributes/events-bulk-create/data");
    const accepted: KlaviyoEventRecord[] = [];
    for (const [index, entry] of entries.entries()) {
      const pointer = `/data/attributes/events-bulk-create/data/${index}`;
      const { type, attributes } = (entry ?? {}) as { type?: unknown; attributes?: Record<string, unknown> };
      if (type !== "event-bulk-create") return invalid("type must be event-bulk-create", `${pointer}/type`);
      const profile = (attributes?.profile as { data?: { type?: unknown; attributes?: Record<string, unknown> } } | undefined)?.data;
      const email = profile?.attributes?.email;
      if (profile?.type !== "profile" || typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email)) {
        return invalid("A profile needs an identifier (a valid email)", `${pointer}/attributes/profile`);
      }
      const events = (attributes?.events as { data?: unknown } | undefined)?.data;
      if (!Array.isArray(events) || events.length === 0) return invalid("events.data must list events", `${pointer}/attributes/events`);
      for (const [eventIndex, event] of events.entries()) {
        const eventPointer = `${pointer}/attributes/events/data/${eventIndex}`;
        const { type: eventType, attributes: fields } = (event ?? {}) as { type?: unknown; attributes?: Record<string, unknown> };
        const metric = (fields?.metric as { data?: { type?: unknown; attributes?: { name?: unknown } } } | undefined)?.data;
        if (eventType !== "event") return invalid("type must be event", `${eventPointer}/type`);
        if (metric?.type !== "metric" || typeof metric.attributes?.name !== "string" || metric.attributes.name === "") {
          return invalid("An event needs a metric with a name", `${eventPointer}/attributes/metric`);
        }
        const properties = fields?.properties;
        if (typeof properties !== "object" || properties === null || Array.isArray(properties)) {
          return invalid("properties must be an object", `${eventPointer}/attributes/properties`);
        }
        const time = fields?.time;
        if (time !== undefined && time !== null && (typeof time !== "string" || Number.isNaN(Date.parse(time)))) {
          return invalid("time must be an ISO 8601 date-time", `${eventPointer}/attributes/time`);
        }
        const uniqueId = fields?.unique_id;
        if (uniqueId !== undefined && uniqueId !== null && typeof uniqueId !== "string") {
          return invalid("unique_id must be a string", `${eventPointer}/attributes/unique_id`);
        }
        accepted.push({
          account,
          email: email.toLowerCase(),
          metric: metric.attributes.name,
          properties: properties as Record<string, unknown>,
          time: (time as string | undefined) ?? null,
          uniqueId: (uniqueId as string | undefined) ?? null,
        });
      }
    }
    if (accepted.length > MAX_BULK_EVENTS) return invalid("At most 1,000 events a request", "/data/attributes/events-bulk-create/data");
    for (const event of accepted) {
      const known = this.events.some(
        (e) =>
          e.account === account &&
          e.email === event.email &&
          e.metric === event.metric &&
          e.uniqueId !== null &&
          e.uniqueId === event.uniqueId,
      );
      if (!known) this.events.push(event);
    }
    return answer(202, { data: { type: "event-bulk-create-job", id: randomUUID(), attributes: { status: "queued" } } });
  }
}
