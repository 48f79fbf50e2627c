import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Box, Button, Card, DescriptionList, FormLayout, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { FormSaveBar, useFormChanges } from "../components/FormSaveBar";
import { CancellationFlowEditor } from "../components/CancellationFlowEditor";
import { DataRequestsCard } from "../components/DataRequestsCard";
import { OneTimeProductsPicker } from "../components/OneTimeProductsPicker";
import { TitledCard } from "../components/TitledCard";
import { FormSelect, FormTextField } from "../components/FormControls";
import { listDataRequests } from "../privacy/customer-privacy.server";
import { useTranslation } from "../i18n/use-translation";
import {
  PAUSED_SUBSCRIBER_RULES,
  parseSettingsForm,
  saveOfferSettings,
  SETTINGS_LIMITS,
  wholeNumber,
  type SettingsErrors,
  type SettingsField,
} from "../subscriptions/settings-form";
import { loadSettings, saveSettings } from "../subscriptions/settings.server";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { INVENTORY_FINAL_ACTIONS, PAYMENT_FINAL_ACTIONS } from "../subscriptions/dunning";
import { MISSED_CYCLES_POLICIES } from "../subscriptions/missed-cycles";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { SAVE_OFFER_KINDS, SAVE_OFFER_PERIOD_LIMITS, type SaveOfferSettings } from "../subscriptions/retention";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [record, settings, dataRequests] = await Promise.all([findShop(shop), loadSettings(shop), listDataRequests(shop)]);
  if (!record) throw new Response("Not Found", { status: 404 });
  return {
    store: {
      name: record.name ?? shop,
      timezone: record.ianaTimezone,
      currency: record.currencyCode,
      installedAt: record.installedAt.toISOString(),
      scopes: record.scopes ?? "",
    },
    settings,
    dataRequests: dataRequests.map((request) => ({ ...request, receivedAt: request.receivedAt.toISOString() })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = parseSettingsForm(await formWithin(request, BODY_LIMITS.adminForm));
  if (!parsed.ok) return { saved: false as const, errors: parsed.errors };
  await saveSettings(shop, parsed.settings);
  return { saved: true as const, errors: {} };
};

type OfferSettings = Omit<SaveOfferSettings, "cancellationFlow">;

/**
 * The offers' settings as the form shows them now, so that the flow's preview reads as the customer
 * would with what the merchant has typed or picked, saved or not; a number not yet valid keeps the
 * last one.
 */
function offerSettingsOnScreen(form: HTMLFormElement, last: OfferSettings): OfferSettings {
  const onScreen = (name: keyof typeof SETTINGS_LIMITS, fallback: number) =>
    wholeNumber(
      (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? null,
      SETTINGS_LIMITS[name].min,
      SETTINGS_LIMITS[name].max,
    ) ?? fallback;
  const free = form.elements.namedItem("freeOfferProductId") as HTMLSelectElement | null;
  const chosen = free?.value ? free.selectedOptions[0] : undefined;
  return {
    saveOfferPercent: onScreen("saveOfferPercent", last.saveOfferPercent),
    pauseOfferMonths: onScreen("pauseOfferMonths", last.pauseOfferMonths),
    freeOfferProduct: free?.value && chosen ? { id: free.value, title: chosen.text } : null,
  };
}

export default function Settings() {
  const { store, settings, dataRequests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const installed = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: store.timezone }).format(new Date(store.installedAt));
  const errors: SettingsErrors = result?.errors ?? {};
  const [offerSettings, setOfferSettings] = useState<OfferSettings>(() => saveOfferSettings(settings));
  const saving = navigation.state === "submitting";
  const form = useFormChanges(result?.saved ? result : null);
  const discard = () => {
    form.resetFields();
    setOfferSettings(saveOfferSettings(settings));
  };
  const error = (field: SettingsField) => (errors[field] ? t(`settings.errors.${errors[field]}`) : undefined);
  // A whole-number setting: its label, its limits and its saved value all follow from its name.
  const numberSetting = (name: keyof typeof SETTINGS_LIMITS, extra: { suffix?: string; helpText?: string } = {}) => (
    <FormTextField
      name={name}
      label={t(`settings.${name}`)}
      type="number"
      min={SETTINGS_LIMITS[name].min}
      max={SETTINGS_LIMITS[name].max}
      autoComplete="off"
      initialValue={String(settings[name])}
      error={error(name)}
      {...extra}
    />
  );

  useEffect(() => {
    if (result?.saved) window.shopify?.toast.show(t("settings.saved"));
  }, [result, t]);

  const finalActions = (actions: readonly string[]) =>
    actions.map((a) => ({ value: a, label: t(`settings.finalActions.${a as "pause"}`) }));

  return (
    <Page>
      <PageTitle title={t("settings.title")} />
      <FormSaveBar changed={form.changed} saving={saving} onSave={form.save} onDiscard={discard} />
      <Form
        method="post"
        ref={form.formRef}
        key={form.formKey}
        onChange={(event) => setOfferSettings(offerSettingsOnScreen(event.currentTarget, offerSettings))}
      >
        <Layout>
          <Layout.AnnotatedSection title={t("settings.dunningHeading")} description={t("settings.dunningDescription")}>
            <Card>
              <FormLayout>
                <FormTextField
                  name="paymentRetryDays"
                  label={t("settings.paymentRetryDays")}
                  helpText={t("settings.retryDaysHelp")}
                  autoComplete="off"
                  initialValue={settings.paymentRetryDays.join(", ")}
                  error={error("paymentRetryDays")}
                />
                <FormSelect
                  name="paymentFinalAction"
                  label={t("settings.paymentFinalAction")}
                  options={finalActions(PAYMENT_FINAL_ACTIONS)}
                  initialValue={settings.paymentFinalAction}
                  error={error("paymentFinalAction")}
                />
                <FormTextField
                  name="inventoryRetryDays"
                  label={t("settings.inventoryRetryDays")}
                  helpText={t("settings.inventoryHelp")}
                  autoComplete="off"
                  initialValue={settings.inventoryRetryDays.join(", ")}
                  error={error("inventoryRetryDays")}
                />
                <FormSelect
                  name="inventoryFinalAction"
                  label={t("settings.inventoryFinalAction")}
                  options={finalActions(INVENTORY_FINAL_ACTIONS)}
                  initialValue={settings.inventoryFinalAction}
                  error={error("inventoryFinalAction")}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.retentionHeading")} description={t("settings.retentionDescription")}>
            <Card>
              <FormLayout>
                {numberSetting("saveOfferPercent", { suffix: "%", helpText: t("settings.saveOfferHelp") })}
                {numberSetting("pauseOfferMonths")}
              </FormLayout>
            </Card>
            <Box paddingBlockStart="400">
              <TitledCard title={t("settings.offerPeriods.heading")}>
                <Text as="p" tone="subdued">
                  {t("settings.offerPeriods.help")}
                </Text>
                <InlineGrid columns={{ xs: 1, sm: 3 }} gap="300">
                  {SAVE_OFFER_KINDS.map((kind) => (
                    <FormTextField
                      key={kind}
                      name={`offerPeriod.${kind}`}
                      label={t(`settings.flow.offers.${kind}`)}
                      type="number"
                      min={SAVE_OFFER_PERIOD_LIMITS.min}
                      max={SAVE_OFFER_PERIOD_LIMITS.max}
                      suffix={t("settings.offerPeriods.days")}
                      autoComplete="off"
                      initialValue={String(settings.saveOfferPeriods[kind])}
                      error={errors[`offerPeriod.${kind}`] ? t("settings.errors.offerPeriod", SAVE_OFFER_PERIOD_LIMITS) : undefined}
                    />
                  ))}
                </InlineGrid>
              </TitledCard>
            </Box>
            <Box paddingBlockStart="400">
              <TitledCard title={t("settings.flow.heading")}>
                <CancellationFlowEditor saved={settings.cancellationFlow} offerSettings={offerSettings} errors={errors} />
              </TitledCard>
            </Box>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.oneTimeProducts.heading")} description={t("settings.oneTimeProducts.description")}>
            <Card>
              <OneTimeProductsPicker
                saved={settings.oneTimeProducts}
                savedFreeOffer={settings.freeOfferProductId}
                error={error("oneTimeProducts")}
                freeOfferError={error("freeOfferProductId")}
              />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.billingHeading")} description={t("settings.billingDescription")}>
            <Card>
              <FormSelect
                name="missedCycles"
                label={t("settings.missedCycles")}
                options={MISSED_CYCLES_POLICIES.map((policy) => ({ value: policy, label: t(`settings.missedCyclesPolicies.${policy}`) }))}
                initialValue={settings.missedCycles}
                error={error("missedCycles")}
              />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.dashboardHeading")} description={t("settings.dashboardDescription")}>
            <Card>
              <FormSelect
                name="pausedSubscribers"
                label={t("settings.pausedSubscribers")}
                options={PAUSED_SUBSCRIBER_RULES.map((rule) => ({ value: rule, label: t(`settings.pausedSubscriberRules.${rule}`) }))}
                initialValue={settings.pausedSubscribers}
                error={error("pausedSubscribers")}
              />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.emailsHeading")} description={t("settings.emailsDescription")}>
            <Card>
              <BlockStack gap="300">
                {numberSetting("upcomingOrderDays", { helpText: t("settings.upcomingOrderHelp") })}
                <InlineStack>
                  <Button url="/app/settings/emails">{t("settings.emailEditor.edit")}</Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.dataRequests.heading")} description={t("settings.dataRequests.description")}>
            <DataRequestsCard requests={dataRequests} timeZone={store.timezone} />
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title={t("settings.storeHeading")}>
            <Card>
              <DescriptionList
                items={[
                  { term: t("settings.timezone"), description: store.timezone },
                  { term: t("settings.currency"), description: store.currency },
                  { term: t("settings.installed"), description: installed },
                  { term: t("settings.scopes"), description: store.scopes.split(",").join(", ") },
                ]}
              />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>
                {t("settings.save")}
              </Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
