import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../csv";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import { currencyDigits, decimalFromMinor } from "../money";
import { statementPage } from "../protection/partners.server";
import { requireAdmin } from "../requests/admin-context.server";

/** A partner's statement for a month, a line a sale or reversal, as CSV in the merchant's language. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = new URL(request.url).searchParams;
  const messages = messagesByLocale[resolveLocale(search.get("locale"))];
  const { statement } = await statementPage(shop, params.id ?? "", search.get("month"));
  const columns = ["date", "kind", "order", "offer", "item", "term", "amount", "share", "currency"] as const;
  const decimal = (minor: number, currencyCode: string) => decimalFromMinor(minor, currencyDigits(currencyCode));
  const csv = toCsv([
    columns.map((column) => translate(messages, `partners.csv.${column}`)),
    ...statement.lines.map((line) => [
      line.at.toISOString(),
      translate(messages, `partners.statement.kinds.${line.kind}`),
      line.orderName,
      line.offerName,
      line.protectedTitle,
      line.termMonths,
      decimal(line.amountMinor, line.currencyCode),
      decimal(line.shareMinor, line.currencyCode),
      line.currencyCode,
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statement-${statement.month}.csv"`,
    },
  });
};
