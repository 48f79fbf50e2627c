import { useEffect, useMemo } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Pagination,
  Tabs,
  Text,
} from "@shopify/polaris";
import { FormSelect, FormTextField } from "../components/FormControls";
import { PageTitle } from "../components/PageTitle";
import { CapabilityEmptyPage } from "../components/CapabilityPage";
import { useRedirectToast } from "../components/use-redirect-toast";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { listRules, pastBuyerImports, reminderResults, remindersPage } from "../reminders/admin.server";
import { FigureCard } from "../components/FigureCard";
import { REMINDER_TABS, sentOutcome, type ReminderTab } from "../reminders/lists";
import { parseSendingSettings, WINDOW_DAYS, type SendingSettingsErrors } from "../reminders/sending-settings";
import { reminderSettings, saveReminderSettings } from "../reminders/settings.server";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const url = new URL(request.url);
  const tab = REMINDER_TABS.find((t) => t === url.searchParams.get("tab")) ?? "upcoming";
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const [record, settings, rules, results, list, imports] = await Promise.all([
    findShop(shop),
    reminderSettings(shop),
    listRules(shop),
    reminderResults(shop),
    remindersPage(shop, tab, page),
    pastBuyerImports(shop),
  ]);
  return {
    imports,
    paused: settings.paused,
    sendHour: settings.sendHour,
    conversionWindowDays: settings.conversionWindowDays,
    currencyCode: record?.currencyCode ?? "USD",
    timeZone: record?.ianaTimezone ?? "UTC",
    rules: rules.map(({ id, scope, title, intervalDays, leadDays, discountCode }) => ({
      id,
      scope,
      title,
      intervalDays,
      leadDays,
      discountCode,
    })),
    results,
    tab,
    list: {
      ...list,
      rows: list.rows.map((r) => ({
        id: r.id,
        customer: r.customerName ? `${r.customerName} <${r.customerEmail}>` : r.customerEmail,
        title: r.title,
        quantity: r.quantity,
        dueAt: r.dueAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        reason: r.reason,
        outcome: r.status === "sent" ? sentOutcome(r) : null,
        conversionKind: r.conversionKind,
        revenueMinor: r.conversionRevenueMinor,
        currencyCode: r.currencyCode,
      })),
    },
  };
};

type ActionResult = { done: "pause" | "resume" | "settings" | null; errors: SendingSettingsErrors };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { shop } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const intent = form.get("intent");
  if (intent === "pause" || intent === "resume") {
    await saveReminderSettings(shop, { paused: intent === "pause" });
    return { done: intent, errors: {} };
  }
  if (intent !== "settings") return { done: null, errors: {} };
  const parsed = parseSendingSettings(form);
  if (!parsed.ok) return { done: null, errors: parsed.errors };
  await saveReminderSettings(shop, parsed.settings);
  return { done: "settings", errors: {} };
};

export default function Reminders() {
  const { paused, sendHour, conversionWindowDays, currencyCode, timeZone, rules, results, tab, list, imports } =
    useLoaderData<typeof loader>();
  // While past buyers are being looked for, the page reads their progress every few seconds.
  const { revalidate } = useRevalidator();
  const importing = imports.some((found) => found.status === "running");
  useEffect(() => {
    if (!importing) return;
    const timer = setInterval(revalidate, 3_000);
    return () => clearInterval(timer);
  }, [importing, revalidate]);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmit();

  useRedirectToast(useMemo(() => ({ saved: t("reminders.ruleForm.saved"), deleted: t("reminders.ruleForm.deleted") }), [t]));
  useEffect(() => {
    const toasts = { pause: "reminders.pausedToast", resume: "reminders.resumedToast", settings: "reminders.sending.saved" } as const;
    if (result?.done) window.shopify?.toast.show(t(toasts[result.done]));
  }, [result, t]);

  if (rules.length === 0 && results.sent === 0 && results.scheduled === 0) {
    return (
      <CapabilityEmptyPage
        title="reminders.title"
        heading="reminders.emptyHeading"
        body="reminders.emptyBody"
        action={{ content: t("reminders.addRule"), url: "/app/reminders/rules/new" }}
        secondaryActions={[{ content: t("reminders.emailTemplate"), url: "/app/reminders/email" }]}
      />
    );
  }

  const hourLabel = (hour: number) =>
    new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 0, 1, hour)));
  const settingError = (field: keyof SendingSettingsErrors) => {
    const code = result?.errors[field];
    return code ? t(`reminders.sending.errors.${code}`) : undefined;
  };
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  const days = (count: number) => t("reminders.rules.days", { count });
  const tabs = REMINDER_TABS.map((id) => ({ id, content: t(`reminders.tabs.${id}`) }));
  const goTo = (nextTab: ReminderTab, page = 1) => navigate(`?tab=${nextTab}${page > 1 ? `&page=${page}` : ""}`);
  const figures = [
    { label: t("reminders.results.scheduled"), value: String(results.scheduled) },
    { label: t("reminders.results.sent"), value: String(results.sent) },
    { label: t("reminders.results.opened"), value: String(results.opened) },
    { label: t("reminders.results.converted"), value: String(results.converted) },
    { label: t("reminders.results.revenue"), value: formatMoneyMinor(results.revenueMinor, currencyCode, locale) },
  ];
  const headings =
    tab === "upcoming"
      ? [t("reminders.columns.customer"), t("reminders.columns.product"), t("reminders.columns.quantity"), t("reminders.columns.due")]
      : tab === "sent"
        ? [
            t("reminders.columns.customer"),
            t("reminders.columns.product"),
            t("reminders.columns.sentAt"),
            t("reminders.columns.status"),
            t("reminders.columns.revenue"),
          ]
        : [t("reminders.columns.customer"), t("reminders.columns.product"), t("reminders.columns.due"), t("reminders.columns.reason")];

  return (
    <Page
      primaryAction={{ content: t("reminders.addRule"), url: "/app/reminders/rules/new" }}
      secondaryActions={[
        { content: t("reminders.emailTemplate"), url: "/app/reminders/email" },
        {
          content: t(paused ? "reminders.resume" : "reminders.pause"),
          onAction: () => submit({ intent: paused ? "resume" : "pause" }, { method: "post" }),
        },
      ]}
    >
      <PageTitle title={t("reminders.title")} />
      <Layout>
        {paused && (
          <Layout.Section>
            <Banner tone="warning" title={t("reminders.pausedBanner.title")}>
              <p>{t("reminders.pausedBanner.body")}</p>
            </Banner>
          </Layout.Section>
        )}
        {imports.map((found) => (
          <Layout.Section key={found.id}>
            <Banner tone={found.status === "failed" ? "critical" : found.status === "done" ? "success" : "info"}>
              <p>
                {t(`reminders.pastBuyers.${found.status as "running" | "done" | "failed"}`, {
                  title: found.rule.title,
                  orders: found.ordersRead,
                  scheduled: found.scheduled,
                  skipped: found.skipped,
                })}
              </p>
            </Banner>
          </Layout.Section>
        ))}
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 5 }} gap="300">
            {figures.map((figure) => (
              <FigureCard key={figure.label} label={figure.label} value={figure.value} />
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <BlockStack>
              <div style={{ padding: "var(--p-space-400)" }}>
                <BlockStack gap="100">
                  <Text as="h2" variant="headingMd">
                    {t("reminders.rules.heading")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("reminders.rules.help")}
                  </Text>
                </BlockStack>
              </div>
              <IndexTable
                resourceName={{ singular: t("reminders.rules.heading"), plural: t("reminders.rules.heading") }}
                itemCount={rules.length}
                selectable={false}
                emptyState={<Text as="p">{t("reminders.emptyBody")}</Text>}
                headings={[
                  { title: t("reminders.rules.target") },
                  { title: t("reminders.rules.interval") },
                  { title: t("reminders.rules.lead") },
                  { title: t("reminders.rules.discount") },
                ]}
              >
                {rules.map((rule, index) => (
                  <IndexTable.Row id={rule.id} key={rule.id} position={index}>
                    <IndexTable.Cell>
                      <Link to={`/app/reminders/rules/${rule.id}`}>
                        <Text as="span" fontWeight="semibold">
                          {rule.title}
                        </Text>
                      </Link>{" "}
                      <Badge>{t(`reminders.rules.scope.${rule.scope as "product"}`)}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{days(rule.intervalDays)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {rule.leadDays ? t("reminders.rules.leadBefore", { count: rule.leadDays }) : t("reminders.rules.onTheDay")}
                    </IndexTable.Cell>
                    <IndexTable.Cell>{rule.discountCode ?? t("reminders.rules.none")}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <Tabs tabs={tabs} selected={REMINDER_TABS.indexOf(tab)} onSelect={(index) => goTo(REMINDER_TABS[index]!)}>
              <IndexTable
                resourceName={{ singular: t("reminders.title"), plural: t("reminders.title") }}
                itemCount={list.rows.length}
                selectable={false}
                emptyState={
                  <div style={{ padding: "var(--p-space-400)" }}>
                    <Text as="p" tone="subdued">
                      {t(`reminders.emptyList.${tab}`)}
                    </Text>
                  </div>
                }
                headings={headings.map((title) => ({ title })) as [{ title: string }, ...{ title: string }[]]}
              >
                {list.rows.map((row, index) => (
                  <IndexTable.Row id={row.id} key={row.id} position={index}>
                    <IndexTable.Cell>{row.customer}</IndexTable.Cell>
                    <IndexTable.Cell>{row.title}</IndexTable.Cell>
                    {tab === "upcoming" && (
                      <>
                        <IndexTable.Cell>{row.quantity}</IndexTable.Cell>
                        <IndexTable.Cell>{date(row.dueAt)}</IndexTable.Cell>
                      </>
                    )}
                    {tab === "sent" && (
                      <>
                        <IndexTable.Cell>{row.sentAt ? date(row.sentAt) : ""}</IndexTable.Cell>
                        <IndexTable.Cell>
                          <Badge tone={row.outcome === "converted" ? "success" : row.outcome === "unsubscribed" ? "critical" : undefined}>
                            {t(`reminders.outcome.${row.outcome ?? "sent"}`)}
                          </Badge>{" "}
                          {row.conversionKind && t(`reminders.conversionKind.${row.conversionKind as "order"}`)}
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          {row.revenueMinor !== null ? formatMoneyMinor(row.revenueMinor, row.currencyCode, locale) : ""}
                        </IndexTable.Cell>
                      </>
                    )}
                    {tab === "ended" && (
                      <>
                        <IndexTable.Cell>{date(row.dueAt)}</IndexTable.Cell>
                        <IndexTable.Cell>{row.reason ? t(`reminders.reasons.${row.reason as "late"}`) : ""}</IndexTable.Cell>
                      </>
                    )}
                  </IndexTable.Row>
                ))}
              </IndexTable>
              {list.pages > 1 && (
                <div style={{ padding: "var(--p-space-300)", display: "flex", justifyContent: "center" }}>
                  <Pagination
                    hasPrevious={list.page > 1}
                    hasNext={list.page < list.pages}
                    onPrevious={() => goTo(tab, list.page - 1)}
                    onNext={() => goTo(tab, list.page + 1)}
                    label={t("reminders.page", { page: list.page, pages: list.pages })}
                  />
                </div>
              )}
            </Tabs>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="settings" />
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("reminders.sending.heading")}
                </Text>
                <FormLayout>
                  <FormLayout.Group>
                    <FormSelect
                      name="sendHour"
                      label={t("reminders.sending.sendHour")}
                      helpText={t("reminders.sending.sendHourHelp")}
                      options={Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: hourLabel(hour) }))}
                      initialValue={String(sendHour)}
                      error={settingError("sendHour")}
                    />
                    <FormTextField
                      name="conversionWindowDays"
                      label={t("reminders.sending.conversionWindowDays")}
                      helpText={t("reminders.sending.conversionWindowHelp")}
                      type="number"
                      min={WINDOW_DAYS.min}
                      max={WINDOW_DAYS.max}
                      autoComplete="off"
                      initialValue={String(conversionWindowDays)}
                      error={settingError("conversionWindowDays")}
                    />
                  </FormLayout.Group>
                </FormLayout>
                <InlineStack align="end">
                  <Button submit loading={navigation.state === "submitting"}>
                    {t("reminders.sending.save")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
