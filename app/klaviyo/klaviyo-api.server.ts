import { config } from "../config.server";

/**
 * Klaviyo's REST API, the two calls Orchard makes: the account a private key belongs to (to check a
 * key when the merchant connects) and Bulk Create Events. Every request names the API revision it
 * was written against (Klaviyo requires the header) and the key in Klaviyo's own scheme; the key is
 * never logged. Against the simulator (tests, the demo), its Klaviyo stand-in answers instead.
 */
export const KLAVIYO_REVISION = "2026-10-15";

const TIMEOUT_MS = 10_000;
/** When Klaviyo throttles without saying for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

export type KlaviyoOutcome =
  | { kind: "ok"; body: unknown }
  /** 429: wait this long before the next request with this key. */
  | { kind: "throttled"; retryAfterSeconds: number }
  /** 401: the key is unknown to Klaviyo, or the merchant revoked it. */
  | { kind: "unauthorized" }
  /** 403: the key lacks a scope the call needs. */
  | { kind: "forbidden" }
  /** Another 4xx: the request itself was refused; sending it again changes nothing. */
  | { kind: "refused"; detail: string }
  /** 5xx or no answer: try again later. */
  | { kind: "unavailable"; detail: string };

function baseUrl(): string {
  const simulator = config().SHOPIFY_SIMULATOR_URL;
  return simulator ? new URL("/klaviyo", simulator).toString() : "https://a.klaviyo.com";
}

function retryAfterSeconds(header: string | null): number {
  if (header && /^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/** The first error's detail in Klaviyo's JSON:API error document, or the status. */
function errorDetail(status: number, body: unknown): string {
  const first = (body as { errors?: { detail?: string; title?: string }[] } | null)?.errors?.[0];
  return `${status} ${first?.detail ?? first?.title ?? ""}`.trim().slice(0, 500);
}

async function klaviyoRequest(key: string, method: "GET" | "POST", path: string, body?: unknown): Promise<KlaviyoOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        authorization: `Klaviyo-API-Key ${key}`,
        revision: KLAVIYO_REVISION,
        accept: "application/vnd.api+json",
        ...(body === undefined ? {} : { "content-type": "application/vnd.api+json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: "unavailable", detail: (error as Error).message.slice(0, 500) };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { kind: "ok", body: parsed };
  if (response.status === 429) return { kind: "throttled", retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")) };
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 403) return { kind: "forbidden" };
  if (response.status >= 500) return { kind: "unavailable", detail: errorDetail(response.status, parsed) };
  return { kind: "refused", detail: errorDetail(response.status, parsed) };
}

/** The Klaviyo account the key belongs to (scope accounts:read), by its organization's name. */
export async function klaviyoAccount(key: string): Promise<KlaviyoOutcome & { accountName?: string | null }> {
  const outcome = await klaviyoRequest(key, "GET", "/api/accounts");
  if (outcome.kind !== "ok") return outcome;
  const account = (outcome.body as { data?: { attributes?: { contact_information?: { organization_name?: string } } }[] } | null)
    ?.data?.[0];
  return { ...outcome, accountName: account?.attributes?.contact_information?.organization_name ?? null };
}

/** Bulk Create Events (scope events:write): Klaviyo answers 202 and creates them shortly after. */
export function sendBulkEvents(key: string, body: unknown): Promise<KlaviyoOutcome> {
  return klaviyoRequest(key, "POST", "/api/event-bulk-create-jobs", body);
}
