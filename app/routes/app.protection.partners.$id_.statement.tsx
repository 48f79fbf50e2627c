import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Card, EmptyState, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { FigureCard } from "../components/FigureCard";
import { downloadFile } from "../components/download-file";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { statementPage } from "../protection/partners.server";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { partner, timeZone, months, statement } = await statementPage(
    shop,
    params.id ?? "",
    new URL(request.url).searchParams.get("month"),
  );
  return {
    partner: { id: partner.id, name: partner.name },
    timeZone,
    months,
    statement: { ...statement, lines: statement.lines.map((line) => ({ ...line, at: line.at.toISOString() })) },
  };
};

/** A month of a partner's add-ons: what sold, what was reversed, the partner's share, the claims. */
export default function PartnerStatement() {
  const { partner, timeZone, months, statement } = useLoaderData<typeof loader>();
  const [, setParams] = useSearchParams();
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T00:00:00Z`));
  const money = (minor: number, currencyCode: string) => formatMoneyMinor(minor, currencyCode, locale);
  const exportCsv = () =>
    downloadFile(
      `/app/protection/partners/${partner.id}/statement/export?${new URLSearchParams({ month: statement.month, locale })}`,
      `statement-${statement.month}.csv`,
    );
  const title = `${partner.name}: ${t("partners.statement.title")}`;

  return (
    <Page
      secondaryActions={[
        { content: t("partners.statement.export"), onAction: () => void exportCsv(), disabled: statement.lines.length === 0 },
        { content: t("partners.details"), url: `/app/protection/partners/${partner.id}` },
      ]}
    >
      <PageTitle title={title} back={{ url: "/app/protection/partners", content: t("partners.title") }} />
      <Layout>
        <Layout.Section>
          <Card>
            <Select
              label={t("partners.statement.month")}
              options={months.map((month) => ({ value: month, label: monthLabel(month) }))}
              value={statement.month}
              onChange={(month) => setParams({ month }, { replace: true })}
            />
          </Card>
        </Layout.Section>
        {statement.totals.map((total) => (
          <Layout.Section key={total.currencyCode}>
            <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
              {(
                [
                  ["sold", money(total.salesMinor, total.currencyCode)],
                  ["reversed", money(-total.reversalsMinor, total.currencyCode)],
                  ["net", money(total.netMinor, total.currencyCode)],
                  ["share", money(total.shareMinor, total.currencyCode)],
                ] as const
              ).map(([key, value]) => (
                <FigureCard key={key} label={t(`partners.statement.${key}`)} value={value} />
              ))}
            </InlineGrid>
          </Layout.Section>
        ))}
        <Layout.Section>
          <Card padding={statement.lines.length ? "0" : undefined}>
            {statement.lines.length === 0 ? (
              <EmptyState heading={t("partners.statement.empty")} image="/empty-state.svg" />
            ) : (
              <LabelledDataTable
                label={title}
                columnContentTypes={["text", "text", "text", "text", "text", "numeric", "numeric"]}
                headings={(["date", "kind", "order", "offer", "item", "amount", "share"] as const).map((column) =>
                  t(`partners.statement.columns.${column}`),
                )}
                rows={statement.lines.map((line) => [
                  date.format(new Date(line.at)),
                  t(`partners.statement.kinds.${line.kind}`),
                  line.orderName,
                  line.offerName ?? "",
                  line.protectedTitle ?? "",
                  money(line.amountMinor, line.currencyCode),
                  money(line.shareMinor, line.currencyCode),
                ])}
              />
            )}
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Text as="p">{t("partners.statement.claims", { count: statement.claims.length })}</Text>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
