import { useMemo } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { FormCheckbox, FormTextField } from "../components/FormControls";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { TitledCard } from "../components/TitledCard";
import { useRedirectToast } from "../components/use-redirect-toast";
import { flowTriggersInUse } from "../flow/flow-triggers.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { ticked } from "../http/form-fields";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { disconnectKlaviyo, klaviyoOverview, saveKlaviyoSettings, type KlaviyoKeyError } from "../klaviyo/klaviyo.server";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [klaviyo, flowTriggers] = await Promise.all([klaviyoOverview(shop), flowTriggersInUse(shop)]);
  return { klaviyo: klaviyo && { ...klaviyo, connectedAt: klaviyo.connectedAt.toISOString() }, flowTriggers };
};

export type KlaviyoAnswer = { error: KlaviyoKeyError };

export const action = async ({ request }: ActionFunctionArgs): Promise<KlaviyoAnswer> => {
  const { shop } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  if (form.get("intent") === "disconnect") {
    await disconnectKlaviyo(shop);
    throw redirect("/app/integrations?disconnected=1");
  }
  const key = form.get("key");
  const saved = await saveKlaviyoSettings(shop, {
    key: typeof key === "string" ? key : "",
    leaveSubscriptionEmails: ticked(form, "leaveSubscriptionEmails"),
    leaveReminderEmails: ticked(form, "leaveReminderEmails"),
  });
  if (!saved.ok) return { error: saved.error };
  throw redirect("/app/integrations?saved=1");
};

const STATUS_TONES = { connected: "success", revoked: "critical", forbidden: "warning" } as const;

/** The merchant's other tools: Klaviyo (connected with a private key) and Shopify Flow (what its workflows use). */
export default function Integrations() {
  const { klaviyo, flowTriggers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  useRedirectToast(useMemo(() => ({ saved: t("integrations.klaviyo.saved"), disconnected: t("integrations.klaviyo.disconnected") }), [t]));
  return (
    <Page>
      <PageTitle title={t("integrations.title")} />
      <Layout>
        <Layout.AnnotatedSection title={t("integrations.klaviyo.title")} description={t("integrations.klaviyo.description")}>
          <KlaviyoCard klaviyo={klaviyo} />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title={t("integrations.flow.title")} description={t("integrations.flow.description")}>
          <Card padding="0">
            <LabelledDataTable
              label={t("integrations.flow.triggers")}
              columnContentTypes={["text", "text"]}
              headings={[t("integrations.flow.trigger"), t("integrations.flow.workflows")]}
              rows={flowTriggers.map((trigger) => [
                t(`integrations.flow.triggerNames.${trigger.handle}`),
                trigger.inUse ? (
                  <Badge key={trigger.handle} tone="success">
                    {t("integrations.flow.inUse")}
                  </Badge>
                ) : (
                  t("integrations.flow.notUsed")
                ),
              ])}
            />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

function KlaviyoCard({ klaviyo }: { klaviyo: ReturnType<typeof useLoaderData<typeof loader>>["klaviyo"] }) {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <TitledCard title={klaviyo?.accountName ?? t("integrations.klaviyo.title")}>
      {klaviyo && (
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Badge tone={STATUS_TONES[klaviyo.status as keyof typeof STATUS_TONES] ?? "warning"}>
              {t(`integrations.klaviyo.statuses.${klaviyo.status}` as MessageKey)}
            </Badge>
            <Text as="span" tone="subdued">
              {t("integrations.klaviyo.keyHint", { hint: klaviyo.keyHint })}
            </Text>
          </InlineStack>
          {klaviyo.status !== "connected" && (
            <Banner tone="critical" title={t(`integrations.klaviyo.problems.${klaviyo.status}` as MessageKey)}>
              <p>{t("integrations.klaviyo.problemHelp")}</p>
            </Banner>
          )}
          <Text as="p" tone="subdued">
            {t("integrations.klaviyo.queue", { pending: klaviyo.pending, failed: klaviyo.failed })}
          </Text>
        </BlockStack>
      )}
      <Form method="post">
        <FormLayout>
          <FormTextField
            name="key"
            type="password"
            autoComplete="off"
            label={t(klaviyo ? "integrations.klaviyo.replaceKey" : "integrations.klaviyo.key")}
            helpText={t("integrations.klaviyo.keyHelp")}
            error={answer?.error ? t(`integrations.klaviyo.errors.${answer.error}`) : undefined}
          />
          <FormCheckbox
            name="leaveSubscriptionEmails"
            label={t("integrations.klaviyo.leaveSubscriptionEmails")}
            helpText={t("integrations.klaviyo.leaveSubscriptionEmailsHelp")}
            initialChecked={klaviyo?.leaveSubscriptionEmails}
          />
          <FormCheckbox
            name="leaveReminderEmails"
            label={t("integrations.klaviyo.leaveReminderEmails")}
            helpText={t("integrations.klaviyo.leaveReminderEmailsHelp")}
            initialChecked={klaviyo?.leaveReminderEmails}
          />
          <InlineStack gap="200">
            <Button submit variant="primary" loading={busy && navigation.formData?.get("intent") !== "disconnect"}>
              {t(klaviyo ? "integrations.klaviyo.save" : "integrations.klaviyo.connect")}
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
      {klaviyo && (
        <Form method="post">
          <input type="hidden" name="intent" value="disconnect" />
          <Button submit tone="critical" variant="plain" loading={busy && navigation.formData?.get("intent") === "disconnect"}>
            {t("integrations.klaviyo.disconnect")}
          </Button>
        </Form>
      )}
    </TitledCard>
  );
}
