import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Card, Checkbox, FormLayout, Layout, Page, PageActions, Text } from "@shopify/polaris";
import { FormSelect, FormTextField } from "./FormControls";
import { FormSaveBar, useFormChanges } from "./FormSaveBar";
import { PageTitle } from "./PageTitle";
import { messagesByLocale, type Locale, type MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import type { PartnerDraft, PartnerErrors } from "../protection/partner";

interface Props {
  title: string;
  /** The partner as saved (blank for a new one). */
  saved: PartnerDraft;
  /** What the form shows first: what the merchant posted when it was refused, or the saved partner. */
  initial: PartnerDraft;
  errors: PartnerErrors;
  /** On an existing partner: its statement. */
  secondaryActions?: { content: string; url: string }[];
}

/** A partner: its name, its share of what its add-ons sell, where its statements and claims go. */
export function PartnerForm({ title, saved, initial, errors, secondaryActions }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const [routeClaims, setRouteClaims] = useState(initial.routeClaims);
  const form = useFormChanges(null);
  // A refused partner's fields are changes not yet saved, though the form started from them.
  const changed = form.changed || JSON.stringify(initial) !== JSON.stringify(saved);
  const discard = () => {
    setRouteClaims(saved.routeClaims);
    form.resetFields();
  };
  const error = (field: keyof PartnerErrors) => (errors[field] ? t(`partners.errors.${errors[field]}` as MessageKey) : undefined);
  return (
    <Page secondaryActions={secondaryActions}>
      <PageTitle title={title} back={{ url: "/app/protection/partners", content: t("partners.title") }} />
      <FormSaveBar changed={changed} saving={saving} onSave={form.save} onDiscard={discard} />
      <Form method="post" ref={form.formRef} key={form.formKey}>
        <Layout>
          <Layout.Section>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  {t("partners.details")}
                </Text>
                <FormTextField
                  name="name"
                  label={t("partners.name")}
                  autoComplete="organization"
                  initialValue={initial.name}
                  error={error("name")}
                />
                <FormTextField
                  name="revenueShare"
                  label={t("partners.revenueShare")}
                  helpText={t("partners.revenueShareHelp")}
                  inputMode="decimal"
                  autoComplete="off"
                  initialValue={initial.revenueShare}
                  error={error("revenueShare")}
                />
                <FormTextField
                  name="statementEmail"
                  type="email"
                  label={t("partners.statementEmail")}
                  helpText={t("partners.statementEmailHelp")}
                  autoComplete="email"
                  initialValue={initial.statementEmail}
                  error={error("statementEmail")}
                />
                <FormTextField
                  name="claimsEmail"
                  type="email"
                  label={t("partners.claimsEmail")}
                  autoComplete="email"
                  initialValue={initial.claimsEmail}
                  error={error("claimsEmail")}
                />
                <input type="hidden" name="routeClaims" value={routeClaims ? "on" : ""} />
                <Checkbox
                  label={t("partners.routeClaims")}
                  helpText={t("partners.routeClaimsHelp")}
                  checked={routeClaims}
                  onChange={setRouteClaims}
                />
                <FormSelect
                  name="locale"
                  label={t("partners.locale")}
                  options={(Object.keys(messagesByLocale) as Locale[]).map((locale) => ({
                    value: locale,
                    label: t(`partners.locales.${locale}`),
                  }))}
                  initialValue={initial.locale}
                  error={error("locale")}
                />
              </FormLayout>
            </Card>
          </Layout.Section>
        </Layout>
      </Form>
      <PageActions primaryAction={{ content: t("protection.save"), onAction: form.save, loading: saving }} />
    </Page>
  );
}
