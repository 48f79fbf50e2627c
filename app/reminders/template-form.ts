import { messagesByLocale, type Locale } from "../i18n/i18n";
import { TEMPLATE_FIELDS, validateTemplate, type ReminderEmailData, type ReminderTemplate, type TemplateErrors } from "./email";

/** The template editor's post: which language, which action, and the four fields, checked. */
export type TemplateIntent = "save" | "reset" | "test";

export function parseTemplateForm(
  form: FormData,
): { intent: TemplateIntent; locale: Locale; template: ReminderTemplate; errors: TemplateErrors; testTo: string } | null {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = (["save", "reset", "test"] as const).find((i) => i === text("intent"));
  const locale = (Object.keys(messagesByLocale) as Locale[]).find((l) => l === text("locale"));
  if (!intent || !locale) return null;
  const template = Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, text(field).trim()])) as unknown as ReminderTemplate;
  return { intent, locale, template, errors: intent === "reset" ? {} : validateTemplate(template), testTo: text("testTo").trim() };
}

/** A believable reminder for the preview and the test send. */
export function sampleReminder(locale: string, template: ReminderTemplate, shopName: string): ReminderEmailData {
  return {
    locale,
    template,
    shopName,
    customerName: "Alex",
    productTitle: "House Blend Coffee Beans – 250 g",
    quantity: 2,
    discountCode: "WELCOMEBACK",
    reorderUrl: "https://example.com/reorder",
    subscribe: { url: "https://example.com/subscribe", percentOff: 10 },
    unsubscribeUrl: "https://example.com/unsubscribe",
  };
}
