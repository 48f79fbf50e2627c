import type { LoaderFunctionArgs } from "@remix-run/node";
import { clock } from "../clock";
import { toCsv } from "../csv";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import { currencyDigits, decimalFromMinor } from "../money";
import { dashboardRange } from "../retention/dashboard-range";
import { cohortsTable, DASHBOARD_TABLES, movementsTable, revenueTable, type DashboardTable } from "../retention/dashboard-tables";
import { retentionDashboard } from "../retention/dashboard.server";
import { requireAdmin } from "../requests/admin-context.server";

/** One of the dashboard's tables for its period, as CSV: amounts as decimals of the shop's currency, months as YYYY-MM. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const table = params.get("table") as DashboardTable;
  if (!DASHBOARD_TABLES.includes(table)) throw new Response("Unknown table", { status: 400 });
  const months = dashboardRange(params.get("months"));
  const messages = messagesByLocale[resolveLocale(params.get("locale"))];
  const retention = await retentionDashboard(shop, months, clock().now());
  const digits = currencyDigits(retention.currencyCode);
  const format = {
    money: (minor: number) => decimalFromMinor(minor, digits),
    month: (key: string) => key,
    share: (numerator: number, denominator: number) => (denominator === 0 ? "" : (numerator / denominator).toFixed(4)),
  };
  const { headings, rows } =
    table === "movements"
      ? movementsTable(retention.movements, format, retention.pausedSubscribers)
      : table === "revenue"
        ? revenueTable(retention.revenue, format)
        : cohortsTable(retention.cohorts, retention.movements.length, format);
  const csv = toCsv([headings.map((h) => translate(messages, h.key, h.values)), ...rows]);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orchard-${table}-${months}-months.csv"`,
    },
  });
};
