import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Button, Card, FormLayout, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { FormSaveBar } from "../components/FormSaveBar";
import { clock } from "../clock";
import { EmailPreviewCard } from "../components/EmailPreviewCard";
import { messagesByLocale, type Locale } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { loadEmailTemplates, saveEmailTemplate } from "../subscriptions/settings.server";
import {
  defaultSubscriberTemplate,
  EDITABLE_EMAIL_KINDS,
  renderSubscriberEmail,
  sampleSubscriberEmailData,
  templateVariables,
  validateSubscriberTemplate,
  type EditableEmailKind,
  type SubscriberEmailTemplate,
  type SubscriberTemplateErrors,
} from "../subscriptions/subscriber-emails";

const LOCALES = Object.keys(messagesByLocale) as Locale[];

/** Every editable email in every language: the merchant's wording where they changed it, Orchard's elsewhere. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const [record, stored] = await Promise.all([findShop(shop), loadEmailTemplates(shop)]);
  const templates = Object.fromEntries(
    EDITABLE_EMAIL_KINDS.map((kind) => [
      kind,
      Object.fromEntries(LOCALES.map((l) => [l, stored[kind]?.[l] ?? defaultSubscriberTemplate(kind, l)])),
    ]),
  ) as Record<EditableEmailKind, Record<Locale, SubscriberEmailTemplate>>;
  const edited = EDITABLE_EMAIL_KINDS.flatMap((kind) => LOCALES.filter((l) => stored[kind]?.[l]).map((l) => `${kind}:${l}`));
  return { templates, edited, sample: sampleSubscriberEmailData(record?.name ?? shop, record?.ianaTimezone ?? "UTC", clock().now()) };
};

type ActionResult = { done: "saved" | "reset" | null; errors: SubscriberTemplateErrors };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { shop } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const kind = EDITABLE_EMAIL_KINDS.find((k) => k === text("kind"));
  const locale = LOCALES.find((l) => l === text("locale"));
  const intent = text("intent");
  if (!kind || !locale || (intent !== "save" && intent !== "reset")) return { done: null, errors: {} };
  if (intent === "reset") {
    await saveEmailTemplate(shop, kind, locale, null);
    return { done: "reset", errors: {} };
  }
  const template = { subject: text("subject"), body: text("body") };
  const errors = validateSubscriberTemplate(kind, template);
  if (Object.keys(errors).length) return { done: null, errors };
  await saveEmailTemplate(shop, kind, locale, template);
  return { done: "saved", errors: {} };
};

export default function SubscriberEmails() {
  const { templates, edited, sample } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale: adminLocale } = useTranslation();
  const [kind, setKind] = useState<EditableEmailKind>("upcoming");
  const [locale, setLocale] = useState<Locale>(LOCALES.includes(adminLocale as Locale) ? (adminLocale as Locale) : "en");
  const [drafts, setDrafts] = useState(templates);
  const draft = drafts[kind][locale];
  const preview = renderSubscriberEmail(kind, locale, { ...sample, template: draft });
  const errors = result?.errors ?? {};
  const busy = navigation.state === "submitting";
  const isEdited = edited.includes(`${kind}:${locale}`);
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit();

  // After a save or a reset, the page shows the wording as the loader now reads it.
  useEffect(() => setDrafts(templates), [templates]);
  useEffect(() => {
    if (result?.done === "saved") window.shopify?.toast.show(t("reminders.template.saved"));
    if (result?.done === "reset") window.shopify?.toast.show(t("reminders.template.resetDone"));
  }, [result, t]);

  const setField = (field: keyof SubscriberEmailTemplate, value: string) =>
    setDrafts((all) => ({ ...all, [kind]: { ...all[kind], [locale]: { ...all[kind][locale], [field]: value } } }));
  const reset = () => {
    const data = new FormData(form.current!);
    data.set("intent", "reset");
    submit(data, { method: "post" });
  };
  const fieldError = (field: keyof SubscriberEmailTemplate) =>
    errors[field] ? t(`reminders.template.errors.${errors[field]}`) : undefined;

  return (
    <Page>
      <PageTitle title={t("settings.emailEditor.title")} back={{ url: "/app/settings", content: t("settings.title") }} />
      <FormSaveBar
        changed={JSON.stringify(draft) !== JSON.stringify(templates[kind][locale])}
        saving={busy}
        onSave={() => form.current?.requestSubmit()}
        onDiscard={() => setDrafts((all) => ({ ...all, [kind]: { ...all[kind], [locale]: templates[kind][locale] } }))}
      />
      <Form method="post" ref={form}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="intent" value="save" />
        <Layout>
          <Layout.Section variant="oneHalf">
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <Select
                    label={t("settings.previewKind")}
                    options={EDITABLE_EMAIL_KINDS.map((k) => ({
                      value: k,
                      label: `${t(`settings.emailKinds.${k}`)}${LOCALES.some((l) => edited.includes(`${k}:${l}`)) ? " ✎" : ""}`,
                    }))}
                    value={kind}
                    onChange={(value) => setKind(value as EditableEmailKind)}
                  />
                  <Select
                    label={t("reminders.template.locale")}
                    options={LOCALES.map((l) => ({
                      value: l,
                      label: `${t(`settings.languages.${l}`)}${edited.includes(`${kind}:${l}`) ? " ✎" : ""}`,
                    }))}
                    value={locale}
                    onChange={(value) => setLocale(value as Locale)}
                  />
                </FormLayout.Group>
                <Text as="p" tone="subdued">
                  {t("settings.emailEditor.help")}
                </Text>
                <TextField
                  name="subject"
                  label={t("reminders.template.subject")}
                  value={draft.subject}
                  onChange={(value) => setField("subject", value)}
                  autoComplete="off"
                  error={fieldError("subject")}
                />
                <TextField
                  name="body"
                  label={t("reminders.template.body")}
                  value={draft.body}
                  onChange={(value) => setField("body", value)}
                  multiline={4}
                  helpText={t("settings.emailEditor.bodyHelp", {
                    variables: templateVariables(kind)
                      .map((v) => `{${v}}`)
                      .join(", "),
                  })}
                  autoComplete="off"
                  error={fieldError("body")}
                />
                <InlineStack gap="200" align="end">
                  <Button onClick={reset} disabled={!isEdited} loading={busy}>
                    {t("reminders.template.reset")}
                  </Button>
                  <Button submit variant="primary" loading={busy}>
                    {t("reminders.template.save")}
                  </Button>
                </InlineStack>
              </FormLayout>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <EmailPreviewCard email={preview} />
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
