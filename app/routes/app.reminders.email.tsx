import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Button, Card, FormLayout, InlineStack, Layout, Page, Select, TextField } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { FormSaveBar } from "../components/FormSaveBar";
import { EmailPreviewCard } from "../components/EmailPreviewCard";
import { mailer } from "../email/mailer.server";
import { messagesByLocale, type Locale } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import {
  renderReminderEmail,
  TEMPLATE_FIELDS,
  TEMPLATE_VARIABLES,
  templateFor,
  type ReminderTemplate,
  type TemplateErrors,
} from "../reminders/email";
import { reminderSettings, saveReminderSettings } from "../reminders/settings.server";
import { parseTemplateForm, sampleReminder } from "../reminders/template-form";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopInfo } from "../shops/shop-info.query";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

const LOCALES = Object.keys(messagesByLocale) as Locale[];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const [settings, { shop: info }] = await Promise.all([reminderSettings(shop), admin.request(ShopInfo)]);
  return {
    shopName: info.name,
    shopEmail: info.email,
    templates: Object.fromEntries(LOCALES.map((l) => [l, templateFor(settings.templates, l)])) as Record<Locale, ReminderTemplate>,
    edited: LOCALES.filter((l) => settings.templates[l]),
  };
};

type ActionResult = { done: "saved" | "reset" | "tested" | null; errors: TemplateErrors; testError?: string; testTo?: string };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { admin, shop } = await requireAdmin(request);
  const parsed = parseTemplateForm(await formWithin(request, BODY_LIMITS.adminForm));
  if (!parsed) return { done: null, errors: {} };
  if (Object.keys(parsed.errors).length > 0) return { done: null, errors: parsed.errors };
  if (parsed.intent === "reset") {
    await saveReminderSettings(shop, { template: { locale: parsed.locale, template: null } });
    return { done: "reset", errors: {} };
  }
  if (parsed.intent === "save") {
    await saveReminderSettings(shop, { template: { locale: parsed.locale, template: parsed.template } });
    return { done: "saved", errors: {} };
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(parsed.testTo)) return { done: null, errors: {}, testError: "email" };
  const transport = mailer();
  const { shop: info } = await admin.request(ShopInfo);
  try {
    if (!transport) throw new Error("SMTP_URL is not set");
    const { headers: _listHeaders, ...email } = renderReminderEmail(sampleReminder(parsed.locale, parsed.template, info.name));
    await transport.send({ to: parsed.testTo, fromName: info.name, ...email, headers: { "X-Orchard-Email": "reminder-test" } });
  } catch (error) {
    return { done: null, errors: {}, testError: (error as Error).message };
  }
  return { done: "tested", errors: {}, testTo: parsed.testTo };
};

export default function ReminderEmail() {
  const { shopName, shopEmail, templates, edited } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale: adminLocale } = useTranslation();
  const [locale, setLocale] = useState<Locale>(LOCALES.includes(adminLocale as Locale) ? (adminLocale as Locale) : "en");
  const [drafts, setDrafts] = useState(templates);
  const [testTo, setTestTo] = useState(shopEmail);
  const draft = drafts[locale];
  const preview = renderReminderEmail(sampleReminder(locale, draft, shopName));
  const errors: TemplateErrors = result?.errors ?? {};
  const busy = navigation.state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const send = (intent: "save" | "reset" | "test") => {
    const data = new FormData(form.current!);
    data.set("intent", intent);
    submit(data, { method: "post" });
  };

  // A reset brings back Orchard's wording for that language, as the loader now reads it.
  useEffect(() => setDrafts(templates), [templates]);
  useEffect(() => {
    if (result?.done === "saved") window.shopify?.toast.show(t("reminders.template.saved"));
    if (result?.done === "reset") window.shopify?.toast.show(t("reminders.template.resetDone"));
    if (result?.done === "tested") window.shopify?.toast.show(t("reminders.template.testSent", { email: result.testTo ?? "" }));
    if (result?.testError && result.testError !== "email") {
      window.shopify?.toast.show(t("reminders.template.testFailed", { error: result.testError }), { isError: true });
    }
  }, [result, t]);

  const setField = (field: keyof ReminderTemplate, value: string) =>
    setDrafts((all) => ({ ...all, [locale]: { ...all[locale], [field]: value } }));
  const variables = TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(", ");

  return (
    <Page>
      <PageTitle title={t("reminders.template.title")} back={{ url: "/app/reminders", content: t("reminders.title") }} />
      <FormSaveBar
        changed={JSON.stringify(draft) !== JSON.stringify(templates[locale])}
        saving={busy}
        onSave={() => send("save")}
        onDiscard={() => setDrafts((all) => ({ ...all, [locale]: templates[locale] }))}
      />
      <Form method="post" ref={form}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="intent" value="save" />
        <Layout>
          <Layout.Section variant="oneHalf">
            <Card>
              <FormLayout>
                <Select
                  label={t("reminders.template.locale")}
                  helpText={t("reminders.template.help")}
                  options={LOCALES.map((l) => ({ value: l, label: `${t(`settings.languages.${l}`)}${edited.includes(l) ? " ✎" : ""}` }))}
                  value={locale}
                  onChange={(value) => setLocale(value as Locale)}
                />
                {TEMPLATE_FIELDS.map((field) => (
                  <TextField
                    key={field}
                    name={field}
                    label={t(`reminders.template.${field}`)}
                    value={draft[field]}
                    onChange={(value) => setField(field, value)}
                    multiline={field === "body" ? 5 : undefined}
                    helpText={field === "body" ? t("reminders.template.bodyHelp", { variables }) : undefined}
                    autoComplete="off"
                    error={errors[field] ? t(`reminders.template.errors.${errors[field]}`) : undefined}
                  />
                ))}
                <InlineStack gap="200" align="end">
                  <Button onClick={() => send("reset")} disabled={!edited.includes(locale)} loading={busy}>
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
            <EmailPreviewCard email={preview}>
              <InlineStack gap="200" blockAlign="end">
                <div style={{ flexGrow: 1 }}>
                  <TextField
                    name="testTo"
                    type="email"
                    label={t("reminders.template.testTo")}
                    value={testTo}
                    onChange={setTestTo}
                    autoComplete="email"
                    error={result?.testError === "email" ? t("reminders.template.errors.email") : undefined}
                  />
                </div>
                <Button onClick={() => send("test")} loading={busy}>
                  {t("reminders.template.sendTest")}
                </Button>
              </InlineStack>
            </EmailPreviewCard>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
