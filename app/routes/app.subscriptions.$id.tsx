import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { TitledCard } from "../components/TitledCard";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../shopify/admin-context.server";
import { findShop } from "../shops/shops.server";
import { billingPolicyOf, upcomingDates } from "../subscriptions/billing-schedule";
import { contractDetail } from "../subscriptions/contracts.server";
import { formatMoneyMinor } from "../subscriptions/plan-text";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  // Scoped to the authenticated shop: another shop's subscription id is not found.
  const contract = await contractDetail(shop, params.id ?? "");
  if (!contract) throw new Response("Not Found", { status: 404 });
  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  const policy = billingPolicyOf(contract);
  return {
    timeZone,
    customer: contract.customerEmail ?? "",
    status: contract.status,
    currencyCode: contract.currencyCode,
    interval: policy.interval,
    intervalCount: policy.intervalCount,
    lines: contract.lines.map((l) => ({
      id: l.id,
      title: l.title,
      variantTitle: l.variantTitle,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    })),
    upcoming:
      contract.status === "ACTIVE" && contract.nextBillingAt
        ? upcomingDates(contract.firstBillingAt, policy, timeZone, contract.nextBillingAt, 3).map((d) => d.toISOString())
        : [],
    history: contract.billingAttempts.map((a) => ({
      id: a.id,
      cycle: a.cycle,
      date: a.cycleDate.toISOString(),
      status: a.status,
      errorCode: a.errorCode,
    })),
  };
};

export default function Subscription() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: data.timeZone });
  return (
    <Page
      backAction={{ url: "/app/subscriptions" }}
      title={data.customer}
      titleMetadata={<Badge>{t(`subscriptions.status.${data.status as "ACTIVE"}`)}</Badge>}
    >
      <TitleBar title={data.customer} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <TitledCard title={t("subscriptions.detailItems")}>
              {data.lines.map((line) => (
                <Text as="p" key={line.id}>
                  {line.title}
                  {line.variantTitle ? ` – ${line.variantTitle}` : ""} · {t("subscriptions.quantity", { quantity: line.quantity })} ·{" "}
                  {formatMoneyMinor(line.unitPriceMinor, data.currencyCode, locale)}
                </Text>
              ))}
            </TitledCard>
            <TitledCard title={t("subscriptions.history")}>
              {data.history.length === 0 && <Text as="p">{t("subscriptions.noHistory")}</Text>}
              {data.history.map((attempt) => (
                <Text as="p" key={attempt.id}>
                  {t("subscriptions.cycle", { cycle: attempt.cycle + 1 })} · {date.format(new Date(attempt.date))} ·{" "}
                  {t(`subscriptions.attemptStatus.${attempt.status as "sent"}`)}
                  {attempt.errorCode ? ` (${attempt.errorCode})` : ""}
                </Text>
              ))}
            </TitledCard>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TitledCard title={t("subscriptions.detailSchedule")}>
            <Text as="p">
              {t("subscriptions.every", { count: data.intervalCount, unit: t(`subscriptions.units.${data.interval as "WEEK"}`) })}
            </Text>
            <Text as="h3" variant="headingSm">
              {t("subscriptions.nextOrders")}
            </Text>
            {data.upcoming.map((when) => (
              <Text as="p" key={when}>
                {date.format(new Date(when))}
              </Text>
            ))}
          </TitledCard>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
