/**
 * The extension's side of Orchard's customer API: every call carries the customer account session
 * token, which is all Orchard trusts to know who the customer is. No Shopify API here, so it is
 * tested on its own against a fake server.
 */
import { APP_URL } from "../../shared/app-url";
import type { DeliveryAddress } from "../../shared/addresses";

export type Action =
  | "pause"
  | "resume"
  | "skip"
  | "unskip"
  | "reschedule"
  | "changeFrequency"
  | "changeQuantity"
  | "addOneTime"
  | "cancel"
  | "updateAddress"
  | "sendPaymentUpdate"
  | "reactivate"
  | "swapVariant";

export type { DeliveryAddress };

export type PaymentMethod =
  | { kind: "card"; brand: string; lastDigits: string; expiryMonth: number; expiryYear: number }
  | { kind: "paypal"; email: string };

export interface Subscription {
  id: string;
  /** A cancelled one is listed for a year, to be restarted. */
  status: "ACTIVE" | "PAUSED" | "CANCELLED";
  timeZone: string;
  currencyCode: string;
  planName: string;
  nextOrderAt: string | null;
  /** The next order's amount in the currency's minor units, discounts taken off; a restart's orders' for a cancelled one. */
  nextOrderAmountMinor: number | null;
  cancelledAt: string | null;
  resumeAt: string | null;
  /** When paused with an end: the first order after the pause. */
  firstOrderAfterPause: string | null;
  startedAt: string;
  deliveryAddress: DeliveryAddress | null;
  paymentMethod: PaymentMethod | null;
  cardExpiresBeforeNextOrder: boolean;
  /** The next orders (and the one skipped last while still to come), each skippable or un-skippable by its cycle. */
  upcomingOrders: { cycle: number; date: string; skipped: boolean; amountMinor: number }[];
  pastOrders: { date: string; status: "paid" | "paymentFailed" | "skipped" | "processing"; amountMinor: number | null }[];
  items: { id: string; title: string; quantity: number; unitPriceMinor: number; oneTime: boolean }[];
  actions: Action[];
  /** The reasons the merchant asks before a cancellation, in order. */
  cancellationReasons: Reason[];
  /** Orders the plan's minimum still asks for: why skip and cancel are missing. */
  ordersOwed: number;
  plans: { id: string; name: string; current: boolean }[];
  /** What may be added to the next order once: the subscription's products and the merchant's add-ons. */
  variants: { id: string; title: string; priceMinor: number }[];
  /** What a recurring item may be swapped for: the variants its plan sells. */
  swapVariants: { id: string; title: string }[];
}

export type Offer =
  | { kind: "pause"; months: number }
  | { kind: "skip" }
  | { kind: "frequency" }
  | { kind: "swap" }
  | { kind: "discount"; percent: number }
  | { kind: "freeProduct"; productId: string; title: string };

export type Reason = "too_expensive" | "too_much_product" | "not_using" | "going_away" | "quality" | "other";

/** A refused change names the fields to correct when the refusal was about them (invalidInput). */
export type ChangeResult = { ok: true } | { ok: false; error: string; fields?: string[] };

/** The customer's subscriptions, or "noCustomer" when the session token names nobody (not signed in, or data not granted). */
export type Listing = { kind: "subscriptions"; subscriptions: Subscription[] } | { kind: "noCustomer" };

export interface CustomerApi {
  list(): Promise<Listing>;
  change(id: string, change: Record<string, string | number>): Promise<ChangeResult>;
  offersFor(id: string, reason: Reason, reasonText: string): Promise<Offer[]>;
  finishCancellation(
    id: string,
    reason: Reason,
    choice: { accept: Offer["kind"]; sellingPlanId?: string; variantId?: string } | "decline",
  ): Promise<ChangeResult>;
}

/** `fetcher` defaults to the global fetch as it is at each call, not as it was when the module loaded. */
export function customerApi(token: () => Promise<string>, fetcher?: typeof fetch, base = APP_URL): CustomerApi {
  const call = async (path: string, body?: unknown) => {
    const response = await (fetcher ?? fetch)(`${base}/api/customer/subscriptions${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { Authorization: `Bearer ${await token()}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: response.status, json: json ?? {} };
  };
  const outcome = (answer: { status: number; json: Record<string, unknown> }): ChangeResult => {
    const result = (answer.json.result ?? answer.json) as { ok?: boolean; error?: string; fields?: unknown };
    if (result.ok) return { ok: true };
    const fields = Array.isArray(result.fields) ? result.fields.filter((f): f is string => typeof f === "string") : undefined;
    return { ok: false, error: result.error ?? (answer.status === 404 ? "notFound" : "unavailable"), ...(fields ? { fields } : {}) };
  };
  return {
    async list() {
      const answer = await call("");
      if (answer.status === 403 && answer.json.error === "noCustomer") return { kind: "noCustomer" };
      if (answer.status !== 200) throw new Error(`Orchard answered ${answer.status}`);
      return { kind: "subscriptions", subscriptions: (answer.json.subscriptions ?? []) as Subscription[] };
    },
    async change(id, change) {
      return outcome(await call(`/${encodeURIComponent(id)}`, change));
    },
    async offersFor(id, reason, reasonText) {
      const answer = await call(`/${encodeURIComponent(id)}`, { step: "reason", reason, reasonText });
      return answer.json.kind === "offers" ? (answer.json.offers as Offer[]) : [];
    },
    async finishCancellation(id, reason, choice) {
      const body =
        choice === "decline"
          ? { step: "decline", reason }
          : { step: "accept", reason, offer: choice.accept, sellingPlanId: choice.sellingPlanId, variantId: choice.variantId };
      return outcome(await call(`/${encodeURIComponent(id)}`, body));
    },
  };
}
