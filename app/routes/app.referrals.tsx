import { useMemo, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Card, Checkbox, EmptyState, FormLayout, InlineGrid, Layout, Page, PageActions, Text } from "@shopify/polaris";
import { FigureCard } from "../components/FigureCard";
import { FormTextField } from "../components/FormControls";
import { FormSaveBar, useFormChanges } from "../components/FormSaveBar";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { useRedirectToast } from "../components/use-redirect-toast";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import type { ProgramDraft, ProgramErrors } from "../referrals/program";
import { draftFromProgram, programFormFields } from "../referrals/program-form-data";
import type { ReferralOutcome } from "../referrals/referrals";
import { referralsOverview, saveProgram } from "../referrals/referrals.server";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { program, figures, recent } = await referralsOverview(shop);
  return {
    currencyCode: program.currencyCode,
    fields: draftFromProgram(program, program.currencyCode),
    figures,
    referrals: recent.map((r) => ({
      id: r.id,
      orderName: r.orderName,
      referrer: r.code.contract.customerDisplayName ?? r.code.contract.customerEmail ?? r.code.code,
      referrerContractId: r.code.contract.id,
      outcome: r.outcome as ReferralOutcome,
      revenueMinor: r.revenueMinor,
      currencyCode: r.currencyCode,
      credit: r.credit ? { amountMinor: r.credit.amountMinor, status: r.credit.status } : null,
      orderedAt: r.orderedAt.toISOString(),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const fields = programFormFields(await formWithin(request, BODY_LIMITS.adminForm));
  const saved = await saveProgram(shop, fields);
  if (!saved.ok) return { errors: saved.errors, fields };
  throw redirect("/app/referrals?saved=1");
};

/** The referral program: its terms, what it brought in the last 30 days, and the latest friends' orders. */
export default function Referrals() {
  const { currencyCode, fields, figures, referrals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  useRedirectToast(useMemo(() => ({ saved: t("referrals.saved") }), [t]));
  const money = (minor: number, currency = currencyCode) => formatMoneyMinor(minor, currency, locale);
  const percent = (rate: number | null) =>
    rate === null ? t("referrals.none") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });

  return (
    <Page>
      <PageTitle title={t("referrals.title")} />
      <Layout>
        <Layout.Section>
          <ProgramForm
            key={JSON.stringify(result?.fields ?? fields)}
            saved={fields}
            initial={result?.fields ?? fields}
            errors={result?.errors ?? {}}
          />
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("referrals.figures")}
            </Text>
            <InlineGrid columns={{ xs: 2, md: 5 }} gap="400">
              {(
                [
                  ["invited", String(figures.invited)],
                  ["referrals", String(figures.referrals)],
                  ["converted", String(figures.converted)],
                  ["revenue", money(figures.revenueMinor)],
                  ["newMrrShare", percent(figures.newMrrShare)],
                ] as const
              ).map(([key, value]) => (
                <FigureCard key={key} label={t(`referrals.${key}`)} value={value} />
              ))}
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <Card padding={referrals.length ? "0" : undefined}>
            {referrals.length === 0 ? (
              <EmptyState heading={t("referrals.list")} image="/empty-state.svg">
                <p>{t("referrals.empty")}</p>
              </EmptyState>
            ) : (
              <LabelledDataTable
                label={t("referrals.list")}
                columnContentTypes={["text", "text", "text", "text", "numeric", "text"]}
                headings={(["date", "order", "referrer", "outcome", "revenue", "credit"] as const).map((column) =>
                  t(`referrals.columns.${column}`),
                )}
                rows={referrals.map((r) => [
                  date.format(new Date(r.orderedAt)),
                  r.orderName,
                  r.referrer,
                  t(`referrals.outcomes.${r.outcome}`),
                  money(r.revenueMinor, r.currencyCode),
                  r.credit ? `${money(r.credit.amountMinor)} · ${t(`referrals.creditStatus.${r.credit.status}` as MessageKey)}` : "",
                ])}
              />
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ProgramForm({ saved, initial, errors }: { saved: ProgramDraft; initial: ProgramDraft; errors: ProgramErrors }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const [enabled, setEnabled] = useState(initial.enabled);
  const form = useFormChanges(null);
  // A refused program's fields are changes not yet saved, though the form started from them.
  const changed = form.changed || JSON.stringify(initial) !== JSON.stringify(saved);
  const error = (field: keyof ProgramErrors) => (errors[field] ? t(`referrals.errors.${errors[field]}` as MessageKey) : undefined);
  return (
    <>
      <FormSaveBar
        changed={changed}
        saving={saving}
        onSave={form.save}
        onDiscard={() => {
          setEnabled(saved.enabled);
          form.resetFields();
        }}
      />
      <Form method="post" ref={form.formRef} key={form.formKey}>
        <Card>
          <FormLayout>
            <Text as="h2" variant="headingMd">
              {t("referrals.program")}
            </Text>
            <Text as="p" tone="subdued">
              {t("referrals.programHelp")}
            </Text>
            <input type="hidden" name="enabled" value={enabled ? "on" : ""} />
            <Checkbox label={t("referrals.enabled")} checked={enabled} onChange={setEnabled} />
            <FormLayout.Group>
              <FormTextField
                name="renewalsBeforeInvite"
                label={t("referrals.renewalsBeforeInvite")}
                type="number"
                min={1}
                max={24}
                autoComplete="off"
                initialValue={initial.renewalsBeforeInvite}
                error={error("renewalsBeforeInvite")}
              />
              <FormTextField
                name="friendDiscount"
                label={t("referrals.friendDiscount")}
                inputMode="decimal"
                autoComplete="off"
                initialValue={initial.friendDiscount}
                error={error("friendDiscount")}
              />
            </FormLayout.Group>
            <FormLayout.Group>
              <FormTextField
                name="credit"
                label={t("referrals.credit")}
                inputMode="decimal"
                autoComplete="off"
                initialValue={initial.credit}
                error={error("credit")}
              />
              <FormTextField
                name="maxCreditsPerRenewal"
                label={t("referrals.maxCreditsPerRenewal")}
                helpText={t("referrals.maxCreditsHelp")}
                type="number"
                min={1}
                max={12}
                autoComplete="off"
                initialValue={initial.maxCreditsPerRenewal}
                error={error("maxCreditsPerRenewal")}
              />
            </FormLayout.Group>
          </FormLayout>
        </Card>
      </Form>
      <PageActions primaryAction={{ content: t("protection.save"), onAction: form.save, loading: saving }} />
    </>
  );
}
