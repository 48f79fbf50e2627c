import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, DropZone, Layout, List, Page, Text } from "@shopify/polaris";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { TitledCard } from "../components/TitledCard";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { useTranslation } from "../i18n/use-translation";
import { REQUIRED_COLUMNS } from "../migration/import-file";
import { checkImport, listImports } from "../migration/migration.server";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const imports = await listImports(shop);
  return {
    imports: imports.map(({ id, fileName, status, createdAt }) => ({ id, fileName, status, createdAt: createdAt.toISOString() })),
    // From the loader: the file reader (and its CSV parser) stays on the server.
    columns: [...REQUIRED_COLUMNS],
  };
};

/** A file sent to be checked: its report page once kept, or why it cannot be read (nothing kept). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const file = (await formWithin(request, BODY_LIMITS.importFile)).get("file");
  if (!(file instanceof File) || file.size === 0) return { problem: { problem: "noFile" as const } };
  const checked = await checkImport(admin, file.name, new Uint8Array(await file.arrayBuffer()));
  if (!checked.ok) return { problem: checked.problem };
  throw redirect(`/app/imports/${checked.id}`);
};

/** Moving subscribers in from another app: the file's layout, the upload, and the imports so far. */
export default function Imports() {
  const { imports, columns } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const submit = useSubmit();
  const checking = useNavigation().state === "submitting";
  const [file, setFile] = useState<File | null>(null);
  const problem = answer?.problem;
  return (
    <Page>
      <PageTitle title={t("imports.title")} back={{ url: "/app/subscriptions", content: t("subscriptions.title") }} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {problem && (
              <Banner tone="critical" title={t("imports.unreadable")}>
                <p>
                  {problem.problem === "missingColumns"
                    ? t("imports.problems.missingColumns", { columns: problem.columns.join(", ") })
                    : problem.problem === "malformed"
                      ? t("imports.problems.malformed", { line: problem.line })
                      : problem.problem === "tooManyRows"
                        ? t("imports.problems.tooManyRows", { max: problem.max })
                        : t(`imports.problems.${problem.problem}`)}
                </p>
              </Banner>
            )}
            <TitledCard title={t("imports.uploadHeading")}>
              <Text as="p">{t("imports.intro")}</Text>
              <DropZone
                label={t("imports.file")}
                accept=".csv,text/csv"
                type="file"
                allowMultiple={false}
                onDrop={(_all, accepted) => setFile(accepted[0] ?? null)}
              >
                {file ? (
                  <Text as="p" alignment="center">
                    {file.name}
                  </Text>
                ) : (
                  <DropZone.FileUpload actionTitle={t("imports.choose")} actionHint={t("imports.hint")} />
                )}
              </DropZone>
              <Button
                variant="primary"
                disabled={!file}
                loading={checking}
                onClick={() => {
                  const form = new FormData();
                  form.set("file", file!);
                  submit(form, { method: "post", encType: "multipart/form-data" });
                }}
              >
                {t("imports.check")}
              </Button>
            </TitledCard>
            {imports.length > 0 && (
              <TitledCard title={t("imports.earlier")}>
                <LabelledDataTable
                  label={t("imports.earlier")}
                  columnContentTypes={["text", "text", "text"]}
                  headings={[t("imports.columns.file"), t("imports.columns.checked"), t("imports.columns.status")]}
                  rows={imports.map((job) => [
                    <Button key={job.id} variant="plain" url={`/app/imports/${job.id}`}>
                      {job.fileName}
                    </Button>,
                    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(job.createdAt)),
                    t(`imports.statuses.${job.status as "checked" | "importing" | "done"}`),
                  ])}
                />
              </TitledCard>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TitledCard title={t("imports.layoutHeading")}>
            <Text as="p">{t("imports.layout")}</Text>
            <List>
              {columns.map((column) => (
                <List.Item key={column}>
                  <code>{column}</code>
                </List.Item>
              ))}
            </List>
          </TitledCard>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
