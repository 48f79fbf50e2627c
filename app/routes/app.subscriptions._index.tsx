import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { listContracts, recentlyMissedOrders } from "../subscriptions/contracts.server";
import { pluralCategory } from "../i18n/i18n";
import { CONTRACT_STATUSES, type ContractStatus } from "../subscriptions/contract-status";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const requested = new URL(request.url).searchParams.get("status");
  const status = CONTRACT_STATUSES.find((s) => s === requested) ?? null;
  const [{ contracts, counts }, record, missedOrders] = await Promise.all([
    listContracts(shop, status),
    findShop(shop),
    recentlyMissedOrders(shop),
  ]);
  return {
    status,
    missedOrders,
    counts,
    timeZone: record?.ianaTimezone ?? "UTC",
    contracts: contracts.map((c) => ({
      id: c.id,
      customer: c.customerEmail ?? "",
      status: c.status as ContractStatus,
      firstItem: c.lines[0]?.title ?? "",
      otherItems: Math.max(0, c.lines.length - 1),
      plan: c.lines[0]?.sellingPlanName ?? "",
      nextBillingAt: c.nextBillingAt?.toISOString() ?? null,
    })),
  };
};

const tone = { ACTIVE: "success", PAUSED: "attention", CANCELLED: undefined, EXPIRED: undefined, FAILED: "critical" } as const;

export default function Subscriptions() {
  const { contracts, counts, status, timeZone, missedOrders } = useLoaderData<typeof loader>();
  const [, setParams] = useSearchParams();
  const { t, locale } = useTranslation();
  const total = Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });

  if (total === 0) {
    return (
      <Page>
        <TitleBar title={t("subscriptions.title")} />
        <Card>
          <EmptyState heading={t("subscriptions.emptyHeading")} image="/empty-state.svg">
            <p>{t("subscriptions.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  // Status filters with their counts; the pressed one is the list shown.
  const filters = [
    { value: null, label: `${t("subscriptions.all")} (${total})` },
    ...CONTRACT_STATUSES.map((s) => ({ value: s, label: `${t(`subscriptions.status.${s}`)} (${counts[s] ?? 0})` })),
  ];

  return (
    <Page>
      <TitleBar title={t("subscriptions.title")} />
      <BlockStack gap="400">
        {missedOrders > 0 ? (
          <Banner
            tone="warning"
            title={t(`subscriptions.missedBanner.title.${pluralCategory(locale, missedOrders)}`, { count: missedOrders })}
            action={{ content: t("subscriptions.missedBanner.action"), url: "/app/settings" }}
          >
            <p>{t("subscriptions.missedBanner.body")}</p>
          </Banner>
        ) : null}
        <Card padding="0">
          <Box padding="300">
            <ButtonGroup variant="segmented">
              {filters.map((filter) => (
                <Button
                  key={filter.label}
                  pressed={filter.value === status}
                  onClick={() => setParams(filter.value ? { status: filter.value } : {})}
                >
                  {filter.label}
                </Button>
              ))}
            </ButtonGroup>
          </Box>
          <IndexTable
            resourceName={{ singular: t("subscriptions.title"), plural: t("subscriptions.title") }}
            itemCount={contracts.length}
            selectable={false}
            headings={[
              { title: t("subscriptions.columns.customer") },
              { title: t("subscriptions.columns.items") },
              { title: t("subscriptions.columns.plan") },
              { title: t("subscriptions.columns.status") },
              { title: t("subscriptions.columns.nextBilling") },
            ]}
          >
            {contracts.map((contract, index) => (
              <IndexTable.Row id={contract.id} key={contract.id} position={index}>
                <IndexTable.Cell>
                  {/* The row would replay this click as a second, untrusted one; stopping it here leaves the
                    navigation to Remix's router, which keeps the session token. */}
                  <Link to={`/app/subscriptions/${contract.id}`} onClick={(event) => event.stopPropagation()}>
                    <Text as="span" fontWeight="semibold">
                      {contract.customer}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {contract.otherItems
                    ? t("subscriptions.moreItems", { title: contract.firstItem, count: contract.otherItems })
                    : contract.firstItem}
                </IndexTable.Cell>
                <IndexTable.Cell>{contract.plan}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={tone[contract.status]}>{t(`subscriptions.status.${contract.status}`)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {contract.nextBillingAt ? date.format(new Date(contract.nextBillingAt)) : t("subscriptions.noNextBilling")}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
