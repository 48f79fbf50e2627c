import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Modal,
  Page,
  Pagination,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { downloadFile } from "../components/download-file";
import { CancellationReasonFields } from "../components/CancellationReasonFields";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { shopTimeZone } from "../shops/shops.server";
import { listSubscriptions, recentlyMissedOrders, sellingPlansInUse } from "../subscriptions/contracts.server";
import { CONTRACT_STATUSES, type ContractStatus } from "../subscriptions/contract-status";
import { parseSubscriptionFilters, type SubscriptionFilters } from "../subscriptions/subscription-list";
import { bulkActionInput, type BulkAction } from "../subscriptions/contract-actions";
import { performBulkAction } from "../subscriptions/contract-actions.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { filters, page } = parseSubscriptionFilters(new URL(request.url).searchParams);
  const timeZone = await shopTimeZone(shop);
  const [{ contracts, counts, matching, pages }, plans, missedOrders] = await Promise.all([
    listSubscriptions(shop, filters, page, timeZone),
    sellingPlansInUse(shop),
    recentlyMissedOrders(shop),
  ]);
  return {
    filters,
    page,
    pages,
    matching,
    plans,
    missedOrders,
    counts,
    total: Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0),
    timeZone,
    contracts: contracts.map((c) => ({
      id: c.id,
      customer: c.customerDisplayName || c.customerEmail || "",
      // Shopify's display name is the email when the customer gave no name: it is not shown twice.
      email: c.customerDisplayName && c.customerDisplayName !== c.customerEmail ? c.customerEmail : null,
      status: c.status as ContractStatus,
      inDunning: c.dunningCycle !== null,
      firstItem: c.lines[0]?.title ?? "",
      otherItems: Math.max(0, c.lines.length - 1),
      plan: c.lines.find((l) => l.sellingPlanName)?.sellingPlanName ?? "",
      nextBillingAt: c.nextBillingAt?.toISOString() ?? null,
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const parsed = bulkActionInput.safeParse({
    action: form.get("action"),
    ids: form.getAll("ids"),
    reason: form.get("reason") ?? undefined,
    reasonText: form.get("reasonText") || undefined,
  });
  if (!parsed.success) return { ok: false as const };
  return { ok: true as const, result: await performBulkAction(admin, shop, parsed.data) };
};

const tone = { ACTIVE: "success", PAUSED: "attention", CANCELLED: undefined, EXPIRED: undefined, FAILED: "critical" } as const;

/** The filtered subscriptions, as CSV in the merchant's language. */
function downloadSubscriptions(search: URLSearchParams, locale: string) {
  const query = new URLSearchParams(search);
  query.delete("page");
  query.set("locale", locale);
  return downloadFile(`/app/subscriptions/export?${query}`, "subscriptions.csv");
}

export default function Subscriptions() {
  const { contracts, filters, page, pages, matching, total, counts, plans, timeZone, missedOrders } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params, setParams] = useSearchParams();
  const { t, locale } = useTranslation();
  const [query, setQuery] = useState(filters.query);
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(contracts);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const busy = navigation.state !== "idle";

  useEffect(() => {
    if (!outcome) return;
    if (outcome.ok) {
      const { action: done, done: count } = outcome.result;
      window.shopify?.toast.show(t(`subscriptions.bulk.done.${done}`, { count }));
    }
    setConfirming(null);
    clearSelection();
  }, [outcome, t, locale, clearSelection]);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // A new filter starts again from the first page.
    if (name !== "page") next.delete("page");
    setParams(next, { replace: true });
  };

  if (total === 0) {
    return (
      <Page>
        <PageTitle title={t("subscriptions.title")} />
        <Card>
          <EmptyState
            heading={t("subscriptions.emptyHeading")}
            image="/empty-state.svg"
            secondaryAction={{ content: t("subscriptions.importAction"), url: "/app/imports" }}
          >
            <p>{t("subscriptions.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const applied = appliedFilters(filters, plans, t, (name) => setFilter(name, null));
  const selectedCount = allResourcesSelected ? contracts.length : selectedResources.length;
  const bulk = (action: BulkAction) => ({ content: t(`subscriptions.bulk.${action}`), onAction: () => setConfirming(action) });

  return (
    <Page
      secondaryActions={[
        { content: t("subscriptions.export"), onAction: () => downloadSubscriptions(params, locale) },
        { content: t("subscriptions.importAction"), url: "/app/imports" },
      ]}
    >
      <PageTitle title={t("subscriptions.title")} />
      <BlockStack gap="400">
        {missedOrders > 0 ? (
          <Banner
            tone="warning"
            title={t("subscriptions.missedBanner.title", { count: missedOrders })}
            action={{ content: t("subscriptions.missedBanner.action"), url: "/app/settings" }}
          >
            <p>{t("subscriptions.missedBanner.body")}</p>
          </Banner>
        ) : null}
        {outcome && !outcome.ok ? <Banner tone="critical">{t("subscriptions.bulk.unreadable")}</Banner> : null}
        {outcome?.ok && (outcome.result.notAllowed > 0 || outcome.result.failed > 0) ? (
          <Banner tone="warning" title={t("subscriptions.bulk.partialTitle")}>
            <p>
              {outcome.result.notAllowed > 0 && t("subscriptions.bulk.notAllowed", { count: outcome.result.notAllowed })}{" "}
              {outcome.result.failed > 0 && t("subscriptions.bulk.failed", { count: outcome.result.failed })}
            </p>
          </Banner>
        ) : null}
        <Card padding="0">
          <Filters
            queryValue={query}
            queryPlaceholder={t("subscriptions.search")}
            onQueryChange={(value) => {
              setQuery(value);
              setFilter("query", value);
            }}
            onQueryClear={() => {
              setQuery("");
              setFilter("query", null);
            }}
            onClearAll={() => {
              setQuery("");
              setParams({}, { replace: true });
            }}
            loading={navigation.state === "loading"}
            appliedFilters={applied}
            filters={[
              {
                key: "status",
                label: t("subscriptions.columns.status"),
                shortcut: true,
                filter: (
                  <ChoiceList
                    title={t("subscriptions.columns.status")}
                    titleHidden
                    choices={CONTRACT_STATUSES.map((s) => ({ label: `${t(`subscriptions.status.${s}`)} (${counts[s] ?? 0})`, value: s }))}
                    selected={filters.status ? [filters.status] : []}
                    onChange={([value]) => setFilter("status", value ?? null)}
                  />
                ),
              },
              {
                key: "plan",
                label: t("subscriptions.columns.plan"),
                shortcut: true,
                filter: (
                  <ChoiceList
                    title={t("subscriptions.columns.plan")}
                    titleHidden
                    choices={plans.map((p) => ({ label: p.name, value: p.id }))}
                    selected={filters.sellingPlanId ? [filters.sellingPlanId] : []}
                    onChange={([value]) => setFilter("plan", value ?? null)}
                  />
                ),
              },
              {
                key: "next",
                label: t("subscriptions.columns.nextBilling"),
                filter: (
                  <BlockStack gap="200">
                    {(["nextFrom", "nextTo"] as const).map((bound) => (
                      <TextField
                        key={bound}
                        label={t(`subscriptions.filters.${bound}`)}
                        type="date"
                        autoComplete="off"
                        value={filters[bound] ?? ""}
                        onChange={(value) => setFilter(bound, value)}
                      />
                    ))}
                  </BlockStack>
                ),
              },
              {
                key: "dunning",
                label: t("subscriptions.filters.dunning"),
                filter: (
                  <ChoiceList
                    title={t("subscriptions.filters.dunning")}
                    titleHidden
                    choices={[{ label: t("subscriptions.filters.dunningOnly"), value: "1" }]}
                    selected={filters.dunning ? ["1"] : []}
                    onChange={([value]) => setFilter("dunning", value ?? null)}
                  />
                ),
              },
            ]}
          />
          <IndexTable
            resourceName={{ singular: t("subscriptions.singular"), plural: t("subscriptions.plural") }}
            itemCount={contracts.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[bulk("pause"), bulk("resume"), bulk("cancel")]}
            loading={navigation.state === "loading"}
            emptyState={
              <Text as="p" alignment="center" tone="subdued">
                {t("subscriptions.noMatch")}
              </Text>
            }
            headings={[
              { title: t("subscriptions.columns.customer") },
              { title: t("subscriptions.columns.items") },
              { title: t("subscriptions.columns.plan") },
              { title: t("subscriptions.columns.status") },
              { title: t("subscriptions.columns.nextBilling") },
            ]}
          >
            {contracts.map((contract, index) => (
              <IndexTable.Row
                id={contract.id}
                key={contract.id}
                position={index}
                selected={allResourcesSelected || selectedResources.includes(contract.id)}
              >
                <IndexTable.Cell>
                  {/* The row would replay this click as a second, untrusted one; stopping it here leaves the
                    navigation to Remix's router, which keeps the session token. */}
                  <Link to={`/app/subscriptions/${contract.id}`} onClick={(event) => event.stopPropagation()}>
                    <Text as="span" fontWeight="semibold">
                      {contract.customer}
                    </Text>
                  </Link>
                  {contract.email && (
                    <Text as="p" tone="subdued">
                      {contract.email}
                    </Text>
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {contract.otherItems
                    ? t("subscriptions.moreItems", { title: contract.firstItem, count: contract.otherItems })
                    : contract.firstItem}
                </IndexTable.Cell>
                <IndexTable.Cell>{contract.plan}</IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    <Badge tone={tone[contract.status]}>{t(`subscriptions.status.${contract.status}`)}</Badge>
                    {contract.inDunning && <Badge tone="critical">{t("subscriptions.filters.dunning")}</Badge>}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {contract.nextBillingAt ? date.format(new Date(contract.nextBillingAt)) : t("subscriptions.noNextBilling")}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
          <InlineStack align="center" blockAlign="center" gap="300">
            <Text as="p" tone="subdued">
              {t("subscriptions.matching", { count: matching })}
            </Text>
            {pages > 1 && (
              <Pagination
                label={t("subscriptions.page", { page, pages })}
                hasPrevious={page > 1}
                previousTooltip={t("subscriptions.previous")}
                accessibilityLabels={{ previous: t("subscriptions.previous"), next: t("subscriptions.next") }}
                onPrevious={() => setFilter("page", String(page - 1))}
                hasNext={page < pages}
                nextTooltip={t("subscriptions.next")}
                onNext={() => setFilter("page", String(page + 1))}
              />
            )}
          </InlineStack>
        </Card>
      </BlockStack>
      <BulkConfirmation
        action={confirming}
        ids={allResourcesSelected ? contracts.map((c) => c.id) : selectedResources}
        count={selectedCount}
        busy={busy}
        onClose={() => setConfirming(null)}
      />
    </Page>
  );
}

/** The filters in force, as removable pills. */
function appliedFilters(
  filters: SubscriptionFilters,
  plans: { id: string; name: string }[],
  t: ReturnType<typeof useTranslation>["t"],
  remove: (name: string) => void,
) {
  const pill = (key: string, label: string, names: string[] = [key]) => ({ key, label, onRemove: () => names.forEach(remove) });
  return [
    ...(filters.status ? [pill("status", t(`subscriptions.status.${filters.status}`))] : []),
    ...(filters.sellingPlanId ? [pill("plan", plans.find((p) => p.id === filters.sellingPlanId)?.name ?? "")] : []),
    ...(filters.nextFrom || filters.nextTo
      ? [
          pill("next", t("subscriptions.filters.nextRange", { from: filters.nextFrom ?? "…", to: filters.nextTo ?? "…" }), [
            "nextFrom",
            "nextTo",
          ]),
        ]
      : []),
    ...(filters.dunning ? [pill("dunning", t("subscriptions.filters.dunningOnly"))] : []),
  ];
}

/** Asks before a bulk change, which emails every customer concerned; a cancellation asks why. */
function BulkConfirmation({
  action,
  ids,
  count,
  busy,
  onClose,
}: {
  action: BulkAction | null;
  ids: string[];
  count: number;
  busy: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open={action !== null} onClose={onClose} title={action ? t(`subscriptions.bulk.confirmTitle.${action}`, { count }) : ""}>
      <Form method="post">
        <input type="hidden" name="action" value={action ?? ""} />
        {ids.map((id) => (
          <input key={id} type="hidden" name="ids" value={id} />
        ))}
        <Modal.Section>
          <BlockStack gap="300">
            <Text as="p">{action ? t(`subscriptions.bulk.confirmBody.${action}`) : ""}</Text>
            {action === "cancel" && <CancellationReasonFields />}
            <InlineStack gap="200" align="end">
              <Button onClick={onClose}>{t("subscriptions.bulk.back")}</Button>
              <Button submit variant="primary" tone={action === "cancel" ? "critical" : undefined} loading={busy}>
                {action ? t(`subscriptions.bulk.confirm.${action}`, { count }) : ""}
              </Button>
            </InlineStack>
          </BlockStack>
        </Modal.Section>
      </Form>
    </Modal>
  );
}
