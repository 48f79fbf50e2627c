import { useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Layout, Page, Pagination, Select, Text, TextField, InlineStack } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { downloadFile } from "../components/download-file";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { termMessage } from "../protection/offer";
import { REGISTRATION_STATUSES, type RegistrationStatus } from "../protection/registrations";
import { listRegistrations } from "../protection/registrations.server";
import { parseRegistrationFilters } from "../protection/registration-filters";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { filters, page } = parseRegistrationFilters(new URL(request.url).searchParams);
  const { registrations, total, pages } = await listRegistrations(shop, filters, page);
  return {
    filters,
    page,
    pages,
    total,
    registrations: registrations.map((r) => ({
      id: r.id,
      orderName: r.orderName,
      unit: r.unit,
      protectedTitle: r.protectedTitle,
      customer: r.customerName ?? r.customerEmail,
      termMonths: r.termMonths,
      priceMinor: r.priceMinor,
      currencyCode: r.currencyCode,
      expiresAt: r.expiresAt.toISOString(),
      status: r.displayStatus,
    })),
  };
};

const statusTone: Record<RegistrationStatus, "success" | "info" | "attention" | "critical" | undefined> = {
  active: "success",
  claimed: "info",
  expired: undefined,
  refunded: "attention",
  cancelled: "critical",
};

/** The filtered registrations, as CSV in the merchant's language. */
function downloadRegistrations(search: URLSearchParams, locale: string) {
  const query = new URLSearchParams(search);
  query.set("locale", locale);
  return downloadFile(`/app/protection/registrations/export?${query}`, "protection-registrations.csv");
}

export default function Registrations() {
  const { registrations, filters, page, pages, total } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const [query, setQuery] = useState(filters.query);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // A new filter starts again from the first page.
    if (name !== "page") next.delete("page");
    setParams(next, { replace: true });
  };

  const back = { url: "/app/protection", content: t("protection.title") };
  if (total === 0 && !filters.query && !filters.status) {
    return (
      <Page>
        <PageTitle title={t("protection.registrations.title")} back={back} />
        <Card>
          <EmptyState heading={t("protection.registrations.emptyHeading")} image="/empty-state.svg">
            <p>{t("protection.registrations.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page primaryAction={{ content: t("protection.registrations.export"), onAction: () => downloadRegistrations(params, locale) }}>
      <PageTitle title={t("protection.registrations.title")} back={back} />
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <div style={{ padding: "12px" }}>
              <InlineStack gap="300" wrap={false}>
                <div style={{ flex: 1 }}>
                  <TextField
                    label={t("protection.registrations.search")}
                    labelHidden
                    placeholder={t("protection.registrations.search")}
                    value={query}
                    onChange={(value) => {
                      setQuery(value);
                      setFilter("query", value);
                    }}
                    autoComplete="off"
                    clearButton
                    onClearButtonClick={() => {
                      setQuery("");
                      setFilter("query", "");
                    }}
                  />
                </div>
                <Select
                  label={t("protection.registrations.status")}
                  labelInline
                  options={[
                    { label: t("protection.registrations.all"), value: "" },
                    ...REGISTRATION_STATUSES.map((status) => ({ label: t(`protection.registrations.statuses.${status}`), value: status })),
                  ]}
                  value={filters.status ?? ""}
                  onChange={(value) => setFilter("status", value)}
                />
              </InlineStack>
            </div>
            <IndexTable
              resourceName={{ singular: t("protection.registrations.columns.order"), plural: t("protection.registrations.title") }}
              itemCount={registrations.length}
              selectable={false}
              loading={navigation.state === "loading"}
              emptyState={
                <Text as="p" alignment="center" tone="subdued">
                  {t("protection.registrations.noMatch")}
                </Text>
              }
              headings={[
                { title: t("protection.registrations.columns.order") },
                { title: t("protection.registrations.columns.item") },
                { title: t("protection.registrations.columns.customer") },
                { title: t("protection.registrations.columns.term") },
                { title: t("protection.registrations.columns.price"), alignment: "end" },
                { title: t("protection.registrations.columns.expires") },
                { title: t("protection.registrations.columns.status") },
              ]}
            >
              {registrations.map((r, index) => (
                <IndexTable.Row id={r.id} key={r.id} position={index}>
                  <IndexTable.Cell>
                    <Link to={`/app/protection/registrations/${r.id}`}>
                      {r.orderName} · {t("protection.registrations.unit", { unit: r.unit })}
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{r.protectedTitle ?? t("protection.registrations.unlinked")}</IndexTable.Cell>
                  <IndexTable.Cell>{r.customer}</IndexTable.Cell>
                  <IndexTable.Cell>{t(...termMessage(r.termMonths))}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {formatMoneyMinor(r.priceMinor, r.currencyCode, locale)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{date.format(new Date(r.expiresAt))}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={statusTone[r.status]}>{t(`protection.registrations.statuses.${r.status}`)}</Badge>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
            {pages > 1 && (
              <div style={{ padding: "12px", display: "flex", justifyContent: "center" }}>
                <Pagination
                  label={t("protection.registrations.page", { page, pages })}
                  hasPrevious={page > 1}
                  previousTooltip={t("protection.registrations.previous")}
                  onPrevious={() => setFilter("page", String(page - 1))}
                  hasNext={page < pages}
                  nextTooltip={t("protection.registrations.next")}
                  onNext={() => setFilter("page", String(page + 1))}
                />
              </div>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
