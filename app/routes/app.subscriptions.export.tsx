import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../csv";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import { currencyDigits, decimalFromMinor } from "../money";
import { requireAdmin } from "../requests/admin-context.server";
import { shopTimeZone } from "../shops/shops.server";
import { allSubscriptions } from "../subscriptions/contracts.server";
import type { ContractStatus } from "../subscriptions/contract-status";
import { parseSubscriptionFilters } from "../subscriptions/subscription-list";
import { localDay } from "../time/zoned";

const COLUMNS = ["customer", "email", "status", "items", "plan", "nextOrder", "mrr", "currency", "since"] as const;

/** The subscriptions matching the list's filters, as CSV in the merchant's language; days in the shop's calendar. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const messages = messagesByLocale[resolveLocale(params.get("locale"))];
  const { filters } = parseSubscriptionFilters(params);
  const timeZone = await shopTimeZone(shop);
  const rows: (string | number | null)[][] = [COLUMNS.map((column) => translate(messages, `subscriptions.csv.${column}`))];
  for await (const c of allSubscriptions(shop, filters, timeZone)) {
    rows.push([
      c.customerDisplayName,
      c.customerEmail,
      translate(messages, `subscriptions.status.${c.status as ContractStatus}`),
      c.lines.map((l) => `${l.quantity} × ${l.title}${l.variantTitle ? ` – ${l.variantTitle}` : ""}`).join("; "),
      c.lines.find((l) => l.sellingPlanName)?.sellingPlanName ?? null,
      c.nextBillingAt ? localDay(c.nextBillingAt, timeZone) : null,
      decimalFromMinor(c.mrrMinor, currencyDigits(c.currencyCode)),
      c.currencyCode,
      localDay(c.firstBillingAt, timeZone),
    ]);
  }
  return new Response(toCsv(rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="subscriptions.csv"' },
  });
};
