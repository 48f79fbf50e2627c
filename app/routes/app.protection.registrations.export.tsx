import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../csv";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import { decimalFromMinor, currencyDigits } from "../money";
import { parseRegistrationFilters } from "../protection/registration-filters";
import { allRegistrations } from "../protection/registrations.server";
import { requireAdmin } from "../requests/admin-context.server";

/** The registrations matching the list's filters, as CSV in the merchant's language. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const messages = messagesByLocale[resolveLocale(params.get("locale"))];
  const { filters } = parseRegistrationFilters(params);
  const rows = await allRegistrations(shop, filters);
  const columns = [
    "order",
    "unit",
    "orderedAt",
    "customer",
    "email",
    "item",
    "offer",
    "term",
    "price",
    "currency",
    "startsAt",
    "expiresAt",
    "status",
  ] as const;
  const csv = toCsv([
    columns.map((column) => translate(messages, `protection.csv.${column}`)),
    ...rows.map((r) => [
      r.orderName,
      r.unit,
      r.orderedAt.toISOString(),
      r.customerName,
      r.customerEmail,
      r.protectedTitle,
      r.offer?.name ?? null,
      r.termMonths,
      decimalFromMinor(r.priceMinor, currencyDigits(r.currencyCode)),
      r.currencyCode,
      r.startsAt.toISOString(),
      r.expiresAt.toISOString(),
      translate(messages, `protection.registrations.statuses.${r.displayStatus}`),
    ]),
  ]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="protection-registrations.csv"' },
  });
};
