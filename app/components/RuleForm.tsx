import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  InlineError,
  Layout,
  Page,
  PageActions,
  Select,
  Text,
} from "@shopify/polaris";
import { FormTextField } from "./FormControls";
import { FormSaveBar, useFormChanges } from "./FormSaveBar";
import { PageTitle } from "./PageTitle";
import { useTranslation } from "../i18n/use-translation";
import type { RuleErrors, RuleFormFields, RuleScope } from "../reminders/rules";

interface Props {
  title: string;
  /** The rule as saved (blank for a new one). */
  saved: RuleFormFields;
  /** What the form shows first: what the merchant posted when it was refused, or the saved rule. */
  initial: RuleFormFields;
  collections: { id: string; title: string }[];
  errors: RuleErrors;
  /** Shown on an existing rule: delete it. */
  onDelete?: () => void;
  /** Offered on a new rule: whether to remind customers who bought before it, as first shown. */
  pastBuyers?: boolean;
}

/**
 * A reminder rule: what it applies to (a product or one of its variants through Shopify's resource
 * picker, or a collection), how long a unit lasts, how early to remind, and a discount code.
 */
export function RuleForm({ title, saved, initial, collections, errors, onDelete, pastBuyers }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const [shown, setShown] = useState(initial);
  const [target, setTarget] = useState({ scope: initial.scope, targetId: initial.targetId, title: initial.title });
  const [includePastBuyers, setIncludePastBuyers] = useState(pastBuyers ?? false);
  const form = useFormChanges(null);
  // A refused rule's fields are changes not yet saved, though the form started from them.
  const changed = form.changed || JSON.stringify(shown) !== JSON.stringify(saved);
  const discard = () => {
    setShown(saved);
    setIncludePastBuyers(false);
    setTarget({ scope: saved.scope, targetId: saved.targetId, title: saved.title });
    form.resetFields();
  };
  const error = (field: keyof RuleErrors) => {
    const code = errors[field];
    if (!code) return undefined;
    return t(field === "intervalDays" && code === "required" ? "reminders.errors.intervalRequired" : `reminders.errors.${code}`);
  };

  const pickProduct = async () => {
    if (typeof window.shopify?.resourcePicker !== "function") return;
    const selection = await window.shopify.resourcePicker({
      type: "product",
      multiple: false,
      selectionIds: target.scope === "product" ? [{ id: target.targetId }] : [],
    });
    const product = selection?.[0];
    if (!product) return;
    // Some variants of a product chosen: the rule is the first variant's; the whole product otherwise.
    const variant = product.variants.length < (product.totalVariants ?? product.variants.length) ? product.variants[0] : undefined;
    setTarget(
      variant?.id
        ? { scope: "variant", targetId: variant.id, title: `${product.title} – ${variant.title ?? ""}` }
        : { scope: "product", targetId: product.id, title: product.title },
    );
  };

  const chosenCollection = target.scope === "collection" ? target.targetId : "";
  return (
    <Page>
      <PageTitle title={title} back={{ url: "/app/reminders", content: t("reminders.title") }} />
      <FormSaveBar changed={changed} saving={saving} onSave={form.save} onDiscard={discard} />
      <Form method="post" ref={form.formRef} key={form.formKey}>
        <input type="hidden" name="scope" value={target.scope} />
        <input type="hidden" name="targetId" value={target.targetId} />
        <input type="hidden" name="title" value={target.title} />
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("reminders.ruleForm.target")}
                </Text>
                <Text as="p" tone={target.targetId ? undefined : "subdued"}>
                  {target.targetId
                    ? t("reminders.ruleForm.chosen", {
                        scope: t(`reminders.rules.scope.${target.scope as RuleScope}`),
                        title: target.title,
                      })
                    : t("reminders.ruleForm.nothingChosen")}
                </Text>
                <InlineStack gap="300" blockAlign="end">
                  <Button onClick={() => void pickProduct()}>{t("reminders.ruleForm.chooseProduct")}</Button>
                  <Select
                    label={t("reminders.ruleForm.chooseCollection")}
                    options={[{ value: "", label: "—" }, ...collections.map((c) => ({ value: c.id, label: c.title }))]}
                    value={chosenCollection}
                    onChange={(id) => {
                      const collection = collections.find((c) => c.id === id);
                      if (collection) setTarget({ scope: "collection", targetId: collection.id, title: collection.title });
                    }}
                  />
                </InlineStack>
                {error("target") && <InlineError message={error("target")!} fieldID="targetId" />}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <FormLayout>
                <FormTextField
                  name="intervalDays"
                  label={t("reminders.ruleForm.intervalDays")}
                  helpText={t("reminders.ruleForm.intervalHelp")}
                  type="number"
                  min={1}
                  max={365}
                  autoComplete="off"
                  initialValue={shown.intervalDays}
                  error={error("intervalDays")}
                />
                <FormTextField
                  name="leadDays"
                  label={t("reminders.ruleForm.leadDays")}
                  helpText={t("reminders.ruleForm.leadHelp")}
                  type="number"
                  min={0}
                  autoComplete="off"
                  initialValue={shown.leadDays}
                  error={error("leadDays")}
                />
                <FormTextField
                  name="discountCode"
                  label={t("reminders.ruleForm.discountCode")}
                  helpText={t("reminders.ruleForm.discountHelp")}
                  autoComplete="off"
                  initialValue={shown.discountCode}
                  error={error("discountCode")}
                />
                {pastBuyers !== undefined && (
                  <>
                    <input type="hidden" name="pastBuyers" value={includePastBuyers ? "on" : ""} />
                    <Checkbox
                      label={t("reminders.ruleForm.pastBuyers")}
                      helpText={t("reminders.ruleForm.pastBuyersHelp")}
                      checked={includePastBuyers}
                      onChange={setIncludePastBuyers}
                    />
                  </>
                )}
              </FormLayout>
            </Card>
          </Layout.Section>
        </Layout>
      </Form>
      <PageActions
        primaryAction={{ content: t("reminders.ruleForm.save"), onAction: form.save, loading: saving }}
        secondaryActions={onDelete ? [{ content: t("reminders.ruleForm.delete"), destructive: true, onAction: onDelete }] : []}
      />
    </Page>
  );
}
