import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { clock } from "../clock";
import { FigureCard } from "../components/FigureCard";
import { TitledCard } from "../components/TitledCard";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { DASHBOARD_RANGES, dashboardRange } from "../retention/dashboard-range";
import { retentionDashboard } from "../retention/dashboard.server";
import type { MonthKey } from "../retention/movements";
import { rateValue, type Rate, type RetentionSummary } from "../retention/rates";
import { requireAdmin } from "../shopify/admin-context.server";
import { loadStoreOverview } from "../shops/shops.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const months = dashboardRange(new URL(request.url).searchParams.get("months"));
  // The overview records the shop (time zone, currency) the dashboard is computed in.
  const overview = await loadStoreOverview(admin);
  return { overview, months, retention: await retentionDashboard(shop, months, clock().now()) };
};

export default function Dashboard() {
  const { overview, months, retention } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const loading = useNavigation().state === "loading";
  const money = (minor: number | null) => (minor === null ? "—" : formatMoneyMinor(minor, retention.currencyCode, locale));
  const percent = (rate: Rate) => {
    const value = rateValue(rate);
    return value === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  };
  const monthName = (key: MonthKey) => {
    const [year, month] = key.split("-").map(Number);
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(year!, month! - 1, 1)),
    );
  };
  const metrics: { label: string; value: (s: RetentionSummary) => string }[] = [
    { label: t("retention.mrr"), value: (s) => money(s.mrr) },
    { label: t("retention.activeSubscribers"), value: (s) => String(s.activeCustomers) },
    { label: t("retention.arpu"), value: (s) => money(s.arpu) },
    { label: t("retention.customerChurn"), value: (s) => percent(s.customerChurn) },
    { label: t("retention.netMrrChurn"), value: (s) => percent(s.netMrrChurn) },
    { label: t("retention.ltv"), value: (s) => money(s.ltv) },
  ];

  return (
    <Page
      secondaryActions={
        retention.hasHistory && (
          <Select
            label={t("retention.range")}
            labelInline
            options={DASHBOARD_RANGES.map((range) => ({ label: t("retention.lastMonths", { months: range }), value: String(range) }))}
            value={String(months)}
            onChange={(value) => navigate(`?months=${value}`)}
            disabled={loading}
          />
        )
      }
    >
      <TitleBar title={t("dashboard.title")} />
      <Layout>
        {retention.hasHistory ? (
          <Layout.Section>
            <BlockStack gap="400">
              {retention.otherCurrencySubscriptions > 0 && (
                <Banner tone="info">{t("retention.otherCurrencies", { count: retention.otherCurrencySubscriptions })}</Banner>
              )}
              <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
                {metrics.map((metric) => (
                  <FigureCard
                    key={metric.label}
                    label={metric.label}
                    value={metric.value(retention.summary)}
                    note={t("retention.previousPeriod", { value: metric.value(retention.previousSummary) })}
                  />
                ))}
              </InlineGrid>
              <TitledCard title={t("retention.movementsHeading")}>
                <DataTable
                  columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                  headings={[
                    t("retention.month"),
                    t("retention.new"),
                    t("retention.expansion"),
                    t("retention.contraction"),
                    t("retention.churned"),
                    t("retention.reactivation"),
                    t("retention.netNew"),
                    t("retention.mrr"),
                  ]}
                  rows={retention.movements.map((m) => [
                    monthName(m.month),
                    money(m.newMrr),
                    money(m.expansion),
                    money(m.contraction),
                    money(m.churned),
                    money(m.reactivation),
                    money(m.netNew),
                    money(m.endMrr),
                  ])}
                />
              </TitledCard>
              <TitledCard title={t("retention.cohortsHeading")}>
                <Text as="p" tone="subdued">
                  {t("retention.cohortsHelp")}
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", ...retention.movements.map(() => "numeric" as const)]}
                  headings={[
                    t("retention.cohort"),
                    t("retention.customers"),
                    ...retention.movements.map((_, k) => t("retention.monthsSince", { months: k })),
                  ]}
                  rows={retention.cohorts.map((row) => [
                    monthName(row.cohort),
                    row.customers,
                    ...retention.movements.map((_, k) => {
                      const cell = row.months[k];
                      return cell ? `${percent({ numerator: cell.activeCustomers, denominator: row.customers })} · ${money(cell.mrr)}` : "";
                    }),
                  ])}
                />
              </TitledCard>
            </BlockStack>
          </Layout.Section>
        ) : (
          <Layout.Section>
            <Card>
              <EmptyState
                heading={t("dashboard.emptyHeading")}
                action={{ content: t("dashboard.emptyAction"), url: "/app/plans" }}
                image="/empty-state.svg"
              >
                <p>{t("dashboard.emptyBody")}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TitledCard title={t("dashboard.storeHeading")}>
              <Text as="p">
                {t("dashboard.storeSummary", { shop: overview.name, currency: overview.currencyCode, timezone: overview.ianaTimezone })}
              </Text>
            </TitledCard>
            <TitledCard title={t("dashboard.catalogueHeading")}>
              <Text as="p">
                {t("dashboard.catalogueSummary", { products: overview.activeProducts, collections: overview.collections })}
              </Text>
            </TitledCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
