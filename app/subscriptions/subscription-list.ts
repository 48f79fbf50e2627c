import { CONTRACT_STATUSES, type ContractStatus } from "./contract-status";
import { addDays, fromLocal } from "../time/zoned";

/** What the merchant's subscriptions list is narrowed to; each is "no filter" when null or empty. */
export interface SubscriptionFilters {
  /** Part of the customer's name or email, or of an item's title. */
  query: string;
  status: ContractStatus | null;
  /** One selling plan (a frequency of one of the merchant's plans), by its Shopify id. */
  sellingPlanId: string | null;
  /** The next order falls on or after this day of the shop's calendar (YYYY-MM-DD)… */
  nextFrom: string | null;
  /** …and on or before this one. */
  nextTo: string | null;
  /** Only those whose payment failed and is being retried. */
  dunning: boolean;
}

export const SUBSCRIPTIONS_PER_PAGE = 50;

const SELLING_PLAN_ID = /^gid:\/\/shopify\/SellingPlan\/\d{1,20}$/;

/** A real calendar day written as YYYY-MM-DD, or null. */
function calendarDay(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
}

/** The list's filters from the URL, where anything may have been typed: what is not understood filters nothing. */
export function parseSubscriptionFilters(params: URLSearchParams): { filters: SubscriptionFilters; page: number } {
  const status = params.get("status");
  const plan = params.get("plan");
  const page = Number(params.get("page") ?? "1");
  return {
    filters: {
      query: (params.get("query") ?? "").trim().slice(0, 100),
      status: CONTRACT_STATUSES.find((s) => s === status) ?? null,
      sellingPlanId: plan && SELLING_PLAN_ID.test(plan) ? plan : null,
      nextFrom: calendarDay(params.get("nextFrom")),
      nextTo: calendarDay(params.get("nextTo")),
      dunning: params.get("dunning") === "1",
    },
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * The instants bounding the next-order filter: from the start of the first day to the start of the
 * day after the last, in the shop's time zone (where the merchant reads the dates).
 */
export function nextOrderWindow(filters: SubscriptionFilters, timeZone: string): { gte?: Date; lt?: Date } | null {
  if (!filters.nextFrom && !filters.nextTo) return null;
  const midnight = (day: string, plusDays: number) => {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    return fromLocal({ ...addDays({ year, month, day: date }, plusDays), hour: 0, minute: 0, second: 0 }, timeZone);
  };
  return {
    ...(filters.nextFrom ? { gte: midnight(filters.nextFrom, 0) } : {}),
    ...(filters.nextTo ? { lt: midnight(filters.nextTo, 1) } : {}),
  };
}

/**
 * Text as the search compares it: lower-cased (so the search is case-blind on every database), and
 * with LIKE's wildcards swapped for private-use characters, since Prisma's `contains` passes them
 * through: a merchant's "%" or "_" then finds a "%" or "_", not everything.
 */
export function searchable(text: string): string {
  return text.toLocaleLowerCase("en-US").replaceAll("%", "\uE025").replaceAll("_", "\uE05F");
}

/** What the search looks through: the customer's name and email and the items' titles. */
export function searchTextOf(contract: { displayName: string | null; email: string | null; titles: readonly string[] }): string {
  return searchable([contract.displayName, contract.email, ...contract.titles].filter(Boolean).join(" "));
}
