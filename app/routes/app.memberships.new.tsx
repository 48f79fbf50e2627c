import { useState } from "react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineError, Layout, Page, PageActions, Text } from "@shopify/polaris";
import { FormSelect, FormTextField } from "../components/FormControls";
import { FormSaveBar, useFormChanges } from "../components/FormSaveBar";
import { PageTitle } from "../components/PageTitle";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { resolveLocale, type MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { MAX_TIERS, MEMBERSHIP_INTERVALS, MIN_TIERS, type MembershipDraft } from "../memberships/membership";
import { membershipFormFields } from "../memberships/membership-form-data";
import { createMembership } from "../memberships/memberships.server";
import { requireAdmin } from "../requests/admin-context.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const fields = membershipFormFields(form);
  const result = await createMembership(admin, fields, resolveLocale(String(form.get("locale") ?? "")));
  if (result.ok) throw redirect("/app/memberships?created=1");
  return { errors: result.errors, shopifyErrors: result.shopifyErrors, fields };
};

const blankTier = () => ({ name: "", price: "", interval: "MONTH", discount: "" });
const BLANK: MembershipDraft = { name: "", tiers: [blankTier(), blankTier()] };

/** A new membership: its name and its tiers, lowest first, each with a price, how often it bills and its discount. */
export default function NewMembership() {
  const result = useActionData<typeof action>();
  const initial = result?.fields ?? BLANK;
  return (
    <MembershipForm
      key={JSON.stringify(initial)}
      initial={initial}
      errors={result?.errors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
    />
  );
}

function MembershipForm({
  initial,
  errors,
  shopifyErrors,
}: {
  initial: MembershipDraft;
  errors: Record<string, string>;
  shopifyErrors: string[];
}) {
  const { t, locale } = useTranslation();
  const saving = useNavigation().state === "submitting";
  const [rows, setRows] = useState(() => initial.tiers.map((tier, index) => ({ key: index, tier })));
  const form = useFormChanges(null);
  const changed = form.changed || JSON.stringify(initial) !== JSON.stringify(BLANK);
  const error = (path: string) => (errors[path] ? t(`memberships.errors.${errors[path]}` as MessageKey) : undefined);
  return (
    <Page>
      <PageTitle title={t("memberships.newTitle")} back={{ url: "/app/memberships", content: t("memberships.title") }} />
      <FormSaveBar
        changed={changed}
        saving={saving}
        onSave={form.save}
        onDiscard={() => {
          setRows(BLANK.tiers.map((tier, index) => ({ key: index, tier })));
          form.resetFields();
        }}
      />
      <Form method="post" ref={form.formRef} key={form.formKey}>
        <input type="hidden" name="locale" value={locale} />
        <Layout>
          {shopifyErrors.length > 0 && (
            <Layout.Section>
              <Banner tone="critical">
                {shopifyErrors.map((message) => (
                  <p key={message}>{t("memberships.errors.shopify", { message })}</p>
                ))}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <FormTextField
                name="name"
                label={t("memberships.name")}
                helpText={t("memberships.nameHelp")}
                autoComplete="off"
                initialValue={initial.name}
                error={error("name")}
              />
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <Text as="h2" variant="headingMd">
                  {t("memberships.tiers")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("memberships.tiersHelp")}
                </Text>
                {error("tiers") && <InlineError message={error("tiers")!} fieldID="tiers" />}
                {rows.map(({ key, tier }, index) => {
                  const number = index + 1;
                  return (
                    <FormLayout key={key}>
                      <FormLayout.Group condensed>
                        <FormTextField
                          name="tierName"
                          label={t("memberships.tierName", { number })}
                          autoComplete="off"
                          initialValue={tier.name}
                          error={error(`tiers.${index}.name`)}
                        />
                        <FormTextField
                          name="tierPrice"
                          label={t("memberships.tierPrice", { number })}
                          inputMode="decimal"
                          autoComplete="off"
                          initialValue={tier.price}
                          error={error(`tiers.${index}.price`)}
                        />
                        <FormSelect
                          name="tierInterval"
                          label={t("memberships.tierInterval", { number })}
                          options={MEMBERSHIP_INTERVALS.map((interval) => ({
                            value: interval,
                            label: t(`memberships.intervals.${interval}`),
                          }))}
                          initialValue={tier.interval}
                          error={error(`tiers.${index}.interval`)}
                        />
                        <FormTextField
                          name="tierDiscount"
                          label={t("memberships.tierDiscount", { number })}
                          inputMode="decimal"
                          autoComplete="off"
                          initialValue={tier.discount}
                          error={error(`tiers.${index}.discount`)}
                        />
                      </FormLayout.Group>
                      {rows.length > MIN_TIERS && (
                        <Button variant="plain" tone="critical" onClick={() => setRows(rows.filter((row) => row.key !== key))}>
                          {t("memberships.removeTier", { number })}
                        </Button>
                      )}
                    </FormLayout>
                  );
                })}
                {rows.length < MAX_TIERS && (
                  <Button onClick={() => setRows([...rows, { key: Math.max(...rows.map((row) => row.key)) + 1, tier: blankTier() }])}>
                    {t("memberships.addTier")}
                  </Button>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Form>
      <PageActions primaryAction={{ content: t("protection.save"), onAction: form.save, loading: saving }} />
    </Page>
  );
}
