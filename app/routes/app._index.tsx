import { useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, EmptyState, InlineGrid, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { clock } from "../clock";
import { backfillProgress } from "../backfill/backfill.server";
import { FigureCard } from "../components/FigureCard";
import { HistoryImportCard } from "../components/HistoryImportCard";
import { MoneyChart } from "../components/MoneyChart";
import { TitledCard } from "../components/TitledCard";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { useTranslation } from "../i18n/use-translation";
import type { Messages } from "../i18n/i18n";
import { formatMoneyMinor } from "../money";
import { downloadFile } from "../components/download-file";
import { DASHBOARD_RANGES, dashboardRange } from "../retention/dashboard-range";
import { cohortsTable, movementsTable, revenueTable, type DashboardTable, type Table } from "../retention/dashboard-tables";
import { retentionDashboard } from "../retention/dashboard.server";
import type { MonthKey } from "../retention/movements";
import { rateValue, type Rate, type RetentionSummary } from "../retention/rates";
import { requireAdmin } from "../requests/admin-context.server";
import { loadStoreOverview } from "../shops/shops.server";
import { setupGuide } from "../onboarding/onboarding.server";
import { SetupGuide } from "../components/SetupGuide";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const months = dashboardRange(new URL(request.url).searchParams.get("months"));
  // The overview records the shop (time zone, currency) the dashboard is computed in.
  const overview = await loadStoreOverview(admin);
  const [retention, history, setup] = await Promise.all([
    retentionDashboard(shop, months, clock().now()),
    backfillProgress(admin),
    setupGuide(admin),
  ]);
  return { overview, months, retention, history, setup };
};

export default function Dashboard() {
  const { overview, months, retention, history, setup } = useLoaderData<typeof loader>();
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
  const metrics: { key: keyof Messages["retention"]["definitions"]; value: (s: RetentionSummary) => string }[] = [
    { key: "mrr", value: (s) => money(s.mrr) },
    { key: "activeSubscribers", value: (s) => String(s.activeCustomers) },
    { key: "arpu", value: (s) => money(s.arpu) },
    { key: "customerChurn", value: (s) => percent(s.customerChurn) },
    { key: "netMrrChurn", value: (s) => percent(s.netMrrChurn) },
    { key: "ltv", value: (s) => money(s.ltv) },
  ];

  const format = { money, month: monthName, share: (numerator: number, denominator: number) => percent({ numerator, denominator }) };
  // A figure against the period before, with how it is computed.
  const compared = (key: keyof Messages["retention"]["definitions"], now: string, before: string) => ({
    label: t(`retention.${key}`),
    value: now,
    note: t("retention.previousPeriod", { value: before }),
    definition: t(`retention.definitions.${key}`),
  });
  const { addOns, previousAddOns, reminders, previousReminders } = retention;
  const addOnFigures = [
    compared("attachRate", percent(addOns.attachRate), percent(previousAddOns.attachRate)),
    compared("protectionRevenue", money(addOns.revenueMinor), money(previousAddOns.revenueMinor)),
    compared("claimsRate", percent(addOns.claimsRate), percent(previousAddOns.claimsRate)),
  ];
  const ratio = (value: number | null) => percent(value === null ? { numerator: 0, denominator: 0 } : { numerator: value, denominator: 1 });
  const referralFigures = retention.referrals && [
    compared("referralsInvited", String(retention.referrals.now.invited), String(retention.referrals.before.invited)),
    compared("referralsConverted", String(retention.referrals.now.converted), String(retention.referrals.before.converted)),
    compared("referralRevenue", money(retention.referrals.now.revenueMinor), money(retention.referrals.before.revenueMinor)),
    compared("referredMrrShare", ratio(retention.referrals.now.newMrrShare), ratio(retention.referrals.before.newMrrShare)),
  ];
  const reminderFigures = [
    compared("remindersSent", String(reminders.sent), String(previousReminders.sent)),
    compared("clickThrough", percent(reminders.clickThrough), percent(previousReminders.clickThrough)),
    compared("reminderConversion", percent(reminders.conversion), percent(previousReminders.conversion)),
    compared("reminderRevenue", money(reminders.revenueMinor), money(previousReminders.revenueMinor)),
    compared("subscriptionsFromReminders", String(reminders.subscriptionsStarted), String(previousReminders.subscriptionsStarted)),
  ];

  const plansAction = { content: t("dashboard.emptyAction"), url: "/app/plans" };
  return (
    <Page
      // One primary action a page: while the setup guide has a next step, that step is it.
      primaryAction={
        retention.hasHistory ? { content: t("whatIf.open"), url: "/app/retention/what-if", primary: setup.finished } : undefined
      }
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
      <PageTitle title={t("dashboard.title")} />
      <Layout>
        <Layout.Section>
          <SetupGuide guide={setup} />
        </Layout.Section>
        {retention.hasHistory ? (
          <Layout.Section>
            <BlockStack gap="400">
              {retention.otherCurrencySubscriptions > 0 && (
                <Banner tone="info">{t("retention.otherCurrencies", { count: retention.otherCurrencySubscriptions })}</Banner>
              )}
              <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
                {metrics.map((metric) => (
                  <FigureCard
                    key={metric.key}
                    {...compared(metric.key, metric.value(retention.summary), metric.value(retention.previousSummary))}
                  />
                ))}
              </InlineGrid>
              <TitledCard title={t("retention.revenueHeading")}>
                <Text as="p" tone="subdued">
                  {t("retention.revenueHelp")}
                </Text>
                <MoneyChart
                  type="stackedBars"
                  label={t("retention.revenueChart")}
                  months={retention.revenue.map((r) => monthName(r.month))}
                  series={[
                    { name: t("retention.recurring"), values: retention.revenue.map((r) => r.recurring) },
                    { name: t("retention.oneOff"), values: retention.revenue.map((r) => r.oneOff) },
                  ]}
                  formatMoney={money}
                />
                <TableWithExport table="revenue" title={t("retention.revenueHeading")} contents={revenueTable(retention.revenue, format)} />
                <FigureCard {...compared("repeatPurchase", percent(retention.repeatPurchase), percent(retention.previousRepeatPurchase))} />
              </TitledCard>
              <TitledCard title={t("retention.movementsHeading")}>
                <TableWithExport
                  table="movements"
                  title={t("retention.movementsHeading")}
                  contents={movementsTable(retention.movements, format, retention.pausedSubscribers)}
                />
              </TitledCard>
              <TitledCard title={t("retention.cohortsHeading")}>
                <Text as="p" tone="subdued">
                  {t("retention.cohortsHelp")}
                </Text>
                <TableWithExport
                  table="cohorts"
                  title={t("retention.cohortsHeading")}
                  contents={cohortsTable(retention.cohorts, retention.movements.length, format)}
                />
              </TitledCard>
              <TitledCard title={t("retention.cancellationsHeading")}>
                {retention.cancellations.reasons.length === 0 && retention.cancellations.saveRate.denominator === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("retention.noCancellations")}
                  </Text>
                ) : (
                  <BlockStack gap="300">
                    <LabelledDataTable
                      label={t("retention.reason")}
                      columnContentTypes={["text", "numeric"]}
                      headings={[t("retention.reason"), t("retention.cancellations")]}
                      rows={retention.cancellations.reasons.map((r) => [t(`subscriptions.reasons.${r.reason as "other"}`), r.count])}
                    />
                    <Text as="p">
                      {t("retention.saveRate")}: {percent(retention.cancellations.saveRate)}
                    </Text>
                    {retention.cancellations.offers.length > 0 && (
                      <LabelledDataTable
                        label={t("retention.offer")}
                        columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                        headings={[
                          t("retention.offer"),
                          t("retention.offerShown"),
                          t("retention.offersTaken"),
                          t("retention.offerAcceptance"),
                          t("retention.mrrKept"),
                        ]}
                        rows={retention.cancellations.offers.map((o) => [
                          t(`retention.offers.${o.offer as "unknown"}`),
                          o.shown,
                          o.accepted,
                          percent(o.acceptance),
                          money(o.mrrKeptMinor),
                        ])}
                      />
                    )}
                  </BlockStack>
                )}
              </TitledCard>
              <TitledCard title={t("retention.addOnsHeading")}>
                <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
                  {addOnFigures.map((figure) => (
                    <FigureCard key={figure.label} {...figure} />
                  ))}
                </InlineGrid>
              </TitledCard>
              <TitledCard title={t("retention.remindersHeading")}>
                <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
                  {reminderFigures.map((figure) => (
                    <FigureCard key={figure.label} {...figure} />
                  ))}
                </InlineGrid>
              </TitledCard>
              {referralFigures && (
                <TitledCard title={t("retention.referralsHeading")} action={{ content: t("retention.open"), url: "/app/referrals" }}>
                  <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
                    {referralFigures.map((figure) => (
                      <FigureCard key={figure.label} {...figure} />
                    ))}
                  </InlineGrid>
                </TitledCard>
              )}
              {retention.tiers.length > 0 && (
                <TitledCard title={t("retention.tiersHeading")} action={{ content: t("retention.open"), url: "/app/memberships" }}>
                  <LabelledDataTable
                    label={t("retention.tiersHeading")}
                    columnContentTypes={["text", "numeric", "numeric"]}
                    headings={[t("retention.tier"), t("retention.members"), t("retention.mrr")]}
                    rows={retention.tiers.map((tier) => [
                      tier.name,
                      tier.members,
                      formatMoneyMinor(tier.mrrMinor, tier.currencyCode, locale),
                    ])}
                  />
                </TitledCard>
              )}
            </BlockStack>
          </Layout.Section>
        ) : (
          <Layout.Section>
            <Card>
              <EmptyState
                heading={t("dashboard.emptyHeading")}
                // The setup guide's next step is the page's primary action until the guide is done.
                action={setup.finished ? plansAction : undefined}
                secondaryAction={setup.finished ? undefined : plansAction}
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
            <HistoryImportCard history={history} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** A dashboard table with its CSV export (the same rows, for the period shown). */
function TableWithExport({ table, title, contents }: { table: DashboardTable; title: string; contents: Table }) {
  const { t, locale } = useTranslation();
  const { months } = useLoaderData<typeof loader>();
  const [failed, setFailed] = useState(false);
  const exportTable = async () => {
    const query = new URLSearchParams({ table, months: String(months), locale });
    setFailed(!(await downloadFile(`/app/retention/export?${query}`, `orchard-${table}-${months}-months.csv`)));
  };
  return (
    <BlockStack gap="200">
      <LabelledDataTable
        label={title}
        columnContentTypes={contents.headings.map((_, i) => (i === 0 ? "text" : "numeric"))}
        headings={contents.headings.map((h) => t(h.key, h.values))}
        rows={contents.rows}
      />
      <InlineStack gap="200" blockAlign="center">
        <Button onClick={() => void exportTable()} accessibilityLabel={t("retention.exportTable", { table: title })}>
          {t("retention.exportCsv")}
        </Button>
        {failed && (
          <Text as="span" tone="critical">
            {t("retention.exportFailed")}
          </Text>
        )}
      </InlineStack>
    </BlockStack>
  );
}
