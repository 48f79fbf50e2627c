import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, FormLayout, InlineStack, InlineError, Layout, Page, Select, Text } from "@shopify/polaris";
import { FormTextField } from "./FormControls";
import { useTranslation } from "../i18n/use-translation";
import type { RuleErrors, RuleFormFields, RuleScope } from "../reminders/rules";

interface Props {
  title: string;
  initial: RuleFormFields;
  collections: { id: string; title: string }[];
  errors: RuleErrors;
  /** Shown on an existing rule: delete it. */
  onDelete?: () => void;
}

/**
 * A reminder rule: what it applies to (a product or one of its variants through Shopify's resource
 * picker, or a collection), how long a unit lasts, how early to remind, and a discount code.
 */
export function RuleForm({ title, initial, collections, errors, onDelete }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [target, setTarget] = useState({ scope: initial.scope, targetId: initial.targetId, title: initial.title });
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
    <Page
      title={title}
      backAction={{ url: "/app/reminders", content: t("reminders.title") }}
      secondaryActions={onDelete ? [{ content: t("reminders.ruleForm.delete"), destructive: true, onAction: onDelete }] : []}
    >
      <Form method="post">
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
                  initialValue={initial.intervalDays}
                  error={error("intervalDays")}
                />
                <FormTextField
                  name="leadDays"
                  label={t("reminders.ruleForm.leadDays")}
                  helpText={t("reminders.ruleForm.leadHelp")}
                  type="number"
                  min={0}
                  autoComplete="off"
                  initialValue={initial.leadDays}
                  error={error("leadDays")}
                />
                <FormTextField
                  name="discountCode"
                  label={t("reminders.ruleForm.discountCode")}
                  helpText={t("reminders.ruleForm.discountHelp")}
                  autoComplete="off"
                  initialValue={initial.discountCode}
                  error={error("discountCode")}
                />
              </FormLayout>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                {t("reminders.ruleForm.save")}
              </Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
