import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineError, Layout, Page, PageActions, Text } from "@shopify/polaris";
import { FormSelect, FormTextField } from "./FormControls";
import { FormSaveBar, useFormChanges } from "./FormSaveBar";
import { PageTitle } from "./PageTitle";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { MAX_TIERS, MEMBERSHIP_INTERVALS, MIN_TIERS, type MembershipDraft, type TierDraft } from "../memberships/membership";

export const blankTier = (): TierDraft => ({
  name: "",
  price: "",
  interval: "MONTH",
  discount: "",
  subscriptionDiscount: "",
  customerTag: "",
});

/**
 * A membership's form: its name and its tiers, lowest first, each with a price, how often it
 * bills and its perks. A new membership may add and remove tiers; an existing one keeps its tiers
 * and their billing intervals (its members' contracts are on them) and changes the rest.
 */
export function MembershipForm({
  initial,
  saved,
  errors,
  shopifyErrors,
  title,
}: {
  initial: MembershipDraft;
  /** The membership as it is kept, when editing one; null for a new one. */
  saved: MembershipDraft | null;
  errors: Record<string, string>;
  shopifyErrors: string[];
  title: string;
}) {
  const { t, locale } = useTranslation();
  const saving = useNavigation().state === "submitting";
  const [rows, setRows] = useState(() => initial.tiers.map((tier, index) => ({ key: index, tier })));
  const form = useFormChanges(null);
  const start = saved ?? { name: "", tiers: [blankTier(), blankTier()] };
  const changed = form.changed || JSON.stringify(initial) !== JSON.stringify(start);
  const error = (path: string) => (errors[path] ? t(`memberships.errors.${errors[path]}` as MessageKey) : undefined);
  return (
    <Page>
      <PageTitle title={title} back={{ url: "/app/memberships", content: t("memberships.title") }} />
      <FormSaveBar
        changed={changed}
        saving={saving}
        onSave={form.save}
        onDiscard={() => {
          setRows(start.tiers.map((tier, index) => ({ key: index, tier })));
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
                  {t(saved ? "memberships.tiersEditHelp" : "memberships.tiersHelp")}
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
                          // Members' contracts bill on the tier's interval: it is chosen once.
                          disabled={Boolean(saved)}
                          error={error(`tiers.${index}.interval`)}
                        />
                        {saved && <input type="hidden" name="tierInterval" value={tier.interval} />}
                      </FormLayout.Group>
                      <FormLayout.Group condensed>
                        <FormTextField
                          name="tierDiscount"
                          label={t("memberships.tierDiscount", { number })}
                          inputMode="decimal"
                          autoComplete="off"
                          initialValue={tier.discount}
                          error={error(`tiers.${index}.discount`)}
                        />
                        <FormTextField
                          name="tierSubscriptionDiscount"
                          label={t("memberships.tierSubscriptionDiscount", { number })}
                          helpText={t("memberships.tierSubscriptionDiscountHelp")}
                          inputMode="numeric"
                          autoComplete="off"
                          initialValue={tier.subscriptionDiscount}
                          error={error(`tiers.${index}.subscriptionDiscount`)}
                        />
                        <FormTextField
                          name="tierTag"
                          label={t("memberships.tierTag", { number })}
                          helpText={t("memberships.tierTagHelp")}
                          autoComplete="off"
                          initialValue={tier.customerTag}
                          error={error(`tiers.${index}.customerTag`)}
                        />
                      </FormLayout.Group>
                      {!saved && rows.length > MIN_TIERS && (
                        <Button variant="plain" tone="critical" onClick={() => setRows(rows.filter((row) => row.key !== key))}>
                          {t("memberships.removeTier", { number })}
                        </Button>
                      )}
                    </FormLayout>
                  );
                })}
                {!saved && rows.length < MAX_TIERS && (
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
