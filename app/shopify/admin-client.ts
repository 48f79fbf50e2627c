import { ShopifyGraphqlError, ShopifyUnavailableError, ShopifyUserErrors, type GraphqlErrorEntry, type UserError } from "./errors";

/**
 * The one seam between Orchard and the Admin GraphQL API. Routes (the library's request-scoped
 * client) and background jobs (graphql-request with the shop's offline token) both reach Shopify
 * through a Transport; everything Shopify asks of a well-behaved client lives here once:
 *   - THROTTLED arrives as HTTP 200 with errors[].extensions.code; wait until the bucket holds
 *     the request's cost again (from extensions.cost.throttleStatus), then retry;
 *   - 5xx and network failures are retried with jittered exponential backoff, a few times;
 *   - a mutation's userErrors become a ShopifyUserErrors the caller can show next to its fields.
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** What came back over the wire, before any interpretation. `status` 0 means no response. */
export interface RawResponse {
  status: number;
  data?: unknown;
  errors?: GraphqlErrorEntry[];
  extensions?: { cost?: QueryCost };
  networkError?: string;
}

export type Transport = (query: string, variables: Record<string, unknown> | undefined) => Promise<RawResponse>;

export interface AdminClient {
  readonly shop: string;
  request<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData>;
}

/** A GraphQL document with the types of its result and variables attached. */
export interface Operation<TData, TVariables> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields: never read at run time, they carry the types. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export function operation<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  document: string,
): Operation<TData, TVariables> {
  const name = /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
  if (!name) throw new Error(`every Admin operation must be named:\n${document}`);
  return { name, document };
}

export interface RetryPolicy {
  /** Attempts for 5xx and network failures, the first included. */
  maxAttempts: number;
  /** Attempts while throttled, the first included: throttling is expected and cheap to wait out. */
  maxThrottledAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Wall-clock milliseconds, for pacing against the bucket. */
  now: () => number;
  /**
   * The part of the shop's bucket (a fraction of its size) this client leaves for others, pacing
   * and after THROTTLED alike: background work leaves a tenth, so that the request a merchant or a
   * customer waits on never queues behind a backlog of renewals (the soak saw a merchant's cancel
   * refused ten times while the worker kept the bucket empty).
   */
  headroom: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  maxThrottledAttempts: 10,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => Date.now(),
  headroom: 0,
};

/** For work no one waits on (jobs, webhooks, billing): a tenth of the bucket is left for people. */
export const backgroundRetryPolicy: RetryPolicy = { ...defaultRetryPolicy, headroom: 0.1 };

/**
 * Orchard's picture of one shop's leaky bucket, from the throttleStatus of Shopify's last answer,
 * refilled at the restore rate since and drawn down by what Orchard has sent since. Before a
 * request whose cost it has seen, the client waits until the bucket should hold it: a paced client
 * is never refused, where one that only reacts to THROTTLED spends a round trip per refusal and
 * waits longer than it needs. One gauge per shop per process, shared by every client of the shop.
 */
export class ThrottleGauge {
  private status: ThrottleStatus | null = null;
  private at = 0;
  private readonly costs = new Map<string, number>();

  /**
   * Milliseconds to wait before sending `operation` so that the bucket holds its cost and the
   * `headroom` left for others (a fraction of the bucket), then counts its expected cost as spent.
   */
  reserve(operation: string, now: number, headroom: number): number {
    const cost = this.costs.get(operation);
    if (!this.status || cost === undefined) return 0;
    const { maximumAvailable, restoreRate } = this.status;
    const available = Math.min(maximumAvailable, this.status.currentlyAvailable + ((now - this.at) / 1000) * restoreRate);
    const wanted = Math.min(maximumAvailable, cost + headroom * maximumAvailable);
    const waitMs = available >= wanted || restoreRate <= 0 ? 0 : Math.ceil(((wanted - available) / restoreRate) * 1000);
    this.status = { ...this.status, currentlyAvailable: available + (waitMs / 1000) * restoreRate - cost };
    this.at = now + waitMs;
    return waitMs;
  }

  record(operation: string, cost: QueryCost | undefined, now: number): void {
    if (!cost) return;
    this.costs.set(operation, cost.requestedQueryCost);
    this.status = cost.throttleStatus;
    this.at = now;
  }
}

const gauges = new Map<string, ThrottleGauge>();
function gaugeOf(shop: string): ThrottleGauge {
  let gauge = gauges.get(shop);
  if (!gauge) {
    gauge = new ThrottleGauge();
    gauges.set(shop, gauge);
  }
  return gauge;
}

/**
 * How long until the bucket holds the request's cost again and the `headroom` left for others (a
 * fraction of the bucket), plus a little for the clock skew.
 */
export function throttleWaitMs(cost: QueryCost | undefined, fallbackMs: number, headroom = 0): number {
  if (!cost) return fallbackMs;
  const { currentlyAvailable, maximumAvailable, restoreRate } = cost.throttleStatus;
  const wanted = Math.min(maximumAvailable, cost.requestedQueryCost + headroom * maximumAvailable);
  const missing = Math.max(0, wanted - currentlyAvailable);
  if (restoreRate <= 0) return fallbackMs;
  return Math.ceil((missing / restoreRate) * 1000) + 50;
}

/** Full jitter: a random delay up to the exponential cap, so many clients do not retry in step. */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs" | "random">): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(policy.random() * cap);
}

function collectUserErrors(data: unknown): UserError[] {
  if (!data || typeof data !== "object") return [];
  return Object.values(data).flatMap((payload) => {
    const userErrors = payload && typeof payload === "object" ? (payload as { userErrors?: unknown }).userErrors : undefined;
    return Array.isArray(userErrors) ? (userErrors as UserError[]) : [];
  });
}

export function createAdminClient(
  shop: string,
  transport: Transport,
  policy: RetryPolicy = defaultRetryPolicy,
  gauge: ThrottleGauge = gaugeOf(shop),
): AdminClient {
  return {
    shop,
    async request<TData, TVariables extends Record<string, unknown>>(op: Operation<TData, TVariables>, variables?: TVariables) {
      let failures = 0;
      let throttles = 0;
      for (;;) {
        // After a THROTTLED answer the client has just waited for exactly the points missing.
        const pace = throttles === 0 ? gauge.reserve(op.name, policy.now(), policy.headroom) : 0;
        if (pace > 0) await policy.sleep(pace);
        const response = await transport(op.document, variables);
        gauge.record(op.name, response.extensions?.cost, policy.now());
        const throttled = response.errors?.some((e) => e.extensions?.code === "THROTTLED") ?? false;
        if (throttled) {
          throttles += 1;
          if (throttles >= policy.maxThrottledAttempts) throw new ShopifyUnavailableError(op.name, throttles, "throttled");
          await policy.sleep(throttleWaitMs(response.extensions?.cost, policy.baseDelayMs, policy.headroom));
          continue;
        }
        const transient = response.status === 0 || response.status === 429 || response.status >= 500;
        if (transient) {
          failures += 1;
          const problem = response.networkError ?? `HTTP ${response.status}`;
          if (failures >= policy.maxAttempts) throw new ShopifyUnavailableError(op.name, failures, problem);
          await policy.sleep(backoffMs(failures, policy));
          continue;
        }
        if (response.status >= 400) {
          throw new ShopifyGraphqlError(
            op.name,
            response.errors ?? [{ message: `HTTP ${response.status}`, extensions: { code: `HTTP_${response.status}` } }],
          );
        }
        if (response.errors?.length) throw new ShopifyGraphqlError(op.name, response.errors);
        const userErrors = collectUserErrors(response.data);
        if (userErrors.length) throw new ShopifyUserErrors(op.name, userErrors);
        return response.data as TData;
      }
    },
  };
}
