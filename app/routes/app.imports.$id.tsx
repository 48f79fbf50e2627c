import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineGrid, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { FigureCard } from "../components/FigureCard";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { TitledCard } from "../components/TitledCard";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import type { Reason } from "../migration/import-row";
import { importReport, startImport } from "../migration/migration.server";
import { requireAdmin } from "../requests/admin-context.server";

const notFound = () => new Response("Not Found", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const report = await importReport(shop, params.id ?? "");
  if (!report) throw notFound();
  return { report };
};

/** "Import": the worker makes the ready rows into subscriptions from now on. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  await formWithin(request, BODY_LIMITS.adminForm);
  if (!(await startImport(shop, params.id ?? ""))) throw notFound();
  throw redirect(`/app/imports/${params.id}`);
};

const POLL_MS = 2_000;

/** An import's report: what will be (or was) created, what is refused and why, and its progress. */
export default function ImportReport() {
  const { report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const starting = useNavigation().state === "submitting";
  const importing = report.status === "importing";
  useEffect(() => {
    if (!importing) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), POLL_MS);
    return () => clearInterval(timer);
  }, [importing, revalidator]);
  const { counts } = report;
  const handled = counts.created + counts.failed;
  const progress = handled + counts.ready > 0 ? Math.round((100 * handled) / (handled + counts.ready)) : 100;
  const reasonText = (reason: Reason & { message?: string }) =>
    t(`imports.reasons.${reason.reason}` as MessageKey, reason as unknown as Record<string, string | number>);
  return (
    <Page>
      <PageTitle title={report.fileName} back={{ url: "/app/imports", content: t("imports.title") }} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {report.status === "checked" && (
              <Banner tone={counts.ready > 0 ? "info" : "warning"} title={t("imports.checkedTitle", { count: counts.ready })}>
                <BlockStack gap="200">
                  <p>{t("imports.checkedBody")}</p>
                  {counts.ready > 0 && (
                    <Form method="post">
                      <Button submit variant="primary" loading={starting}>
                        {t("imports.start", { count: counts.ready })}
                      </Button>
                    </Form>
                  )}
                </BlockStack>
              </Banner>
            )}
            {importing && (
              <TitledCard title={t("imports.importing")}>
                <ProgressBar progress={progress} size="small" ariaLabelledBy="import-progress" />
                <Text as="p" id="import-progress" tone="subdued">
                  {t("imports.progress", { done: handled, total: handled + counts.ready })}
                </Text>
              </TitledCard>
            )}
            {report.status === "done" && (
              <Banner tone={counts.failed > 0 ? "warning" : "success"} title={t("imports.doneTitle", { count: counts.created })} />
            )}
            <InlineGrid columns={{ xs: 2, md: 5 }} gap="400">
              {(["total", "ready", "created", "refused", "alreadyImported"] as const).map((key) => (
                <FigureCard key={key} label={t(`imports.counts.${key}`)} value={String(counts[key])} />
              ))}
            </InlineGrid>
            <TitledCard title={t("imports.problemsHeading")}>
              {report.problems.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("imports.noProblems")}
                </Text>
              ) : (
                <LabelledDataTable
                  label={t("imports.problemsHeading")}
                  columnContentTypes={["numeric", "text", "text", "text"]}
                  headings={[
                    t("imports.columns.line"),
                    t("imports.columns.customer"),
                    t("imports.columns.status"),
                    t("imports.columns.reasons"),
                  ]}
                  rows={report.problems.map((row) => [
                    row.line,
                    row.email ?? "—",
                    t(`imports.rowStatuses.${row.status as "refused" | "failed" | "alreadyImported"}`),
                    row.reasons.map(reasonText).join(" "),
                  ])}
                />
              )}
            </TitledCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
