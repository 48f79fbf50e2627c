import { useEffect, useMemo, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Layout, Modal, Page, Text, TextField, useIndexResourceState } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { z } from "zod";
import { useRedirectToast } from "../components/use-redirect-toast";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { themePlacement } from "../onboarding/onboarding.server";
import { ThemePlacementCard } from "../components/ThemePlacementCard";
import { deletePlans, listPlans, syncPlans } from "../subscriptions/plans.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAdmin(request);
  const search = (new URL(request.url).searchParams.get("query") ?? "").slice(0, 100);
  const plans = await listPlans(shop, search);
  return {
    placements: plans.some((plan) => plan.status === "active" && plan.productCount > 0)
      ? await themePlacement(admin, ["subscribe-and-save"])
      : [],
    search,
    plans: plans.map(({ id, name, frequencyCount, productCount, status }) => ({ id, name, frequencyCount, productCount, status })),
  };
};

const actionInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete"), ids: z.array(z.string().max(64)).min(1).max(250) }),
  z.object({ intent: z.literal("sync") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const parsed = actionInput.safeParse({ intent: form.get("intent"), ids: form.getAll("id") });
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  if (parsed.data.intent === "sync") {
    await syncPlans(admin);
    return { synced: true };
  }
  return { deleted: await deletePlans(admin, parsed.data.ids) };
};

export default function Plans() {
  const { plans, search, placements } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [, setParams] = useSearchParams();
  const { t } = useTranslation();
  const [query, setQuery] = useState(search);
  const [confirming, setConfirming] = useState(false);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(plans);

  useRedirectToast(useMemo(() => ({ saved: t("plans.saved") }), [t]));

  useEffect(() => {
    if (result && "deleted" in result) {
      window.shopify?.toast.show(t("plans.deleted"));
      clearSelection();
    }
    if (result && "synced" in result) window.shopify?.toast.show(t("plans.synced"));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per result
  }, [result]);

  const remove = () => {
    const form = new FormData();
    form.set("intent", "delete");
    selectedResources.forEach((id) => form.append("id", id));
    submit(form, { method: "post" });
    setConfirming(false);
  };

  if (plans.length === 0 && !search) {
    return (
      <Page>
        <PageTitle title={t("plans.title")} />
        <Card>
          <EmptyState
            heading={t("plans.emptyHeading")}
            action={{ content: t("plans.create"), url: "/app/plans/new" }}
            image="/empty-state.svg"
          >
            <p>{t("plans.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page
      primaryAction={{ content: t("plans.create"), url: "/app/plans/new" }}
      secondaryActions={[
        {
          content: t("plans.sync"),
          loading: navigation.formData?.get("intent") === "sync",
          onAction: () => submit({ intent: "sync" }, { method: "post" }),
        },
      ]}
    >
      <PageTitle title={t("plans.title")} />
      <Layout>
        {placements.length > 0 && (
          <Layout.Section>
            <ThemePlacementCard placements={placements} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <div style={{ padding: "12px" }}>
              <TextField
                label={t("plans.searchLabel")}
                labelHidden
                placeholder={t("plans.searchLabel")}
                value={query}
                onChange={(value) => {
                  setQuery(value);
                  setParams(value ? { query: value } : {}, { replace: true });
                }}
                autoComplete="off"
                clearButton
                onClearButtonClick={() => {
                  setQuery("");
                  setParams({}, { replace: true });
                }}
              />
            </div>
            <IndexTable
              resourceName={{ singular: t("plans.columns.name"), plural: t("plans.title") }}
              itemCount={plans.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              loading={navigation.state !== "idle"}
              promotedBulkActions={[{ content: t("plans.deleteSelected"), onAction: () => setConfirming(true) }]}
              headings={[
                { title: t("plans.columns.name") },
                { title: t("plans.columns.frequencies") },
                { title: t("plans.columns.products") },
                { title: t("plans.columns.status") },
              ]}
            >
              {plans.map((plan, index) => (
                <IndexTable.Row id={plan.id} key={plan.id} position={index} selected={selectedResources.includes(plan.id)}>
                  <IndexTable.Cell>
                    <Link to={`/app/plans/${plan.id}`} onClick={(event) => event.stopPropagation()}>
                      <Text as="span" fontWeight="semibold">
                        {plan.name}
                      </Text>
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{plan.frequencyCount}</IndexTable.Cell>
                  <IndexTable.Cell>{plan.productCount}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={plan.status === "active" ? "success" : "critical"}>
                      {t(plan.status === "active" ? "plans.status.active" : "plans.status.deleted")}
                    </Badge>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("plans.deleteTitle", { count: selectedResources.length })}
        primaryAction={{ content: t("plans.deleteSelected"), destructive: true, onAction: remove }}
        secondaryActions={[{ content: t("plans.cancel"), onAction: () => setConfirming(false) }]}
      >
        <Modal.Section>
          <p>{t("plans.deleteBody")}</p>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
