import { messagesByLocale, resolveLocale, translate, type Locale } from "../i18n/i18n";
import { escapeHtml } from "../html";
import type { EmailTemplates } from "../email/email-template";

/**
 * The reorder reminder email, pure: the merchant's wording (or the translation files' default)
 * for the customer's language, filled with the customer's product and links. The outbox renders
 * it when it sends, and the template editor previews it.
 */
/** The outbox kind of a reminder email. */
export const REMINDER_EMAIL_KIND = "reminder";

export interface ReminderTemplate {
  subject: string;
  heading: string;
  body: string;
  button: string;
}
export const TEMPLATE_FIELDS = ["subject", "heading", "body", "button"] as const satisfies readonly (keyof ReminderTemplate)[];
export const TEMPLATE_VARIABLES = ["name", "product", "shop", "discount_code"] as const;
const MAX_LENGTH: Record<keyof ReminderTemplate, number> = { subject: 150, heading: 150, body: 2000, button: 40 };

export type TemplateErrorCode = "required" | "tooLong" | "unknownVariable";
export type TemplateErrors = Partial<Record<keyof ReminderTemplate, TemplateErrorCode>>;

export function defaultTemplate(locale: Locale): ReminderTemplate {
  // Read raw, not formatted as messages: the {variables} stay for the merchant to see and for
  // renderReminderEmail to fill.
  const { subject, heading, body, button } = messagesByLocale[locale].reminders.email;
  return { subject, heading, body, button };
}

/** The merchant's templates by locale, falling back to the default wording of that language. */
export function templateFor(stored: Partial<Record<string, ReminderTemplate>>, localeTag: string): ReminderTemplate {
  const locale = resolveLocale(localeTag);
  return stored[locale] ?? defaultTemplate(locale);
}

export function validateTemplate(fields: Record<keyof ReminderTemplate, string>): TemplateErrors {
  const errors: TemplateErrors = {};
  for (const field of TEMPLATE_FIELDS) {
    const value = fields[field].trim();
    const variables = [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (!value) errors[field] = "required";
    else if (value.length > MAX_LENGTH[field]) errors[field] = "tooLong";
    else if (variables.some((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v))) errors[field] = "unknownVariable";
  }
  return errors;
}

export interface ReminderEmailData {
  locale: string;
  template: ReminderTemplate;
  shopName: string;
  customerName: string | null;
  productTitle: string;
  quantity: number;
  discountCode: string | null;
  reorderUrl: string;
  /** The subscribe-instead offer, where the product has a selling plan. */
  subscribe: { url: string; percentOff: number | null } | null;
  unsubscribeUrl: string;
}

export interface RenderedReminder {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export function renderReminderEmail(data: ReminderEmailData): RenderedReminder {
  const locale = resolveLocale(data.locale);
  const messages = messagesByLocale[locale];
  const values = {
    name: data.customerName || translate(messages, "emails.customerFallback"),
    product: data.productTitle,
    shop: data.shopName,
    discount_code: data.discountCode ?? "",
  };
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? values[name as keyof typeof values] : match));
  const subject = fill(data.template.subject);
  const heading = fill(data.template.heading);
  const paragraphs = fill(data.template.body)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const button = fill(data.template.button);
  const discount = data.discountCode ? translate(messages, "reminders.email.discountLine", { code: data.discountCode }) : null;
  const subscribe = data.subscribe
    ? data.subscribe.percentOff
      ? translate(messages, "reminders.email.subscribeSave", { percent: data.subscribe.percentOff })
      : translate(messages, "reminders.email.subscribe")
    : null;
  const unsubscribe = translate(messages, "reminders.email.unsubscribe");
  const item = translate(messages, "emails.item", { title: data.productTitle, quantity: data.quantity });

  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    `- ${item}`,
    ...(discount ? ["", discount] : []),
    "",
    `${button}: ${data.reorderUrl}`,
    ...(subscribe && data.subscribe ? ["", `${subscribe}: ${data.subscribe.url}`] : []),
    "",
    data.shopName,
    `${unsubscribe}: ${data.unsubscribeUrl}`,
  ].join("\n");
  const link = (href: string, label: string, style: string) => `<a href="${escapeHtml(href)}" style="${style}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">
<h1 style="font-size: 20px;">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<ul><li>${escapeHtml(item)}</li></ul>
${discount ? `<p>${escapeHtml(discount)}</p>` : ""}
<p>${link(data.reorderUrl, button, "display: inline-block; padding: 10px 16px; background: #1a1a1a; color: #fff; text-decoration: none; border-radius: 6px;")}</p>
${subscribe && data.subscribe ? `<p>${link(data.subscribe.url, subscribe, "color: #1a1a1a;")}</p>` : ""}
<p style="color: #616161;">${escapeHtml(data.shopName)}</p>
<p style="color: #616161; font-size: 12px;">${link(data.unsubscribeUrl, unsubscribe, "color: #616161;")}</p>
</body></html>`;
  // RFC 8058: mail clients offer "unsubscribe" and POST to the link without opening it.
  const headers = { "List-Unsubscribe": `<${data.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  return { subject, text, html, headers };
}

/** The outbox's template for reminder emails (their data names its own language). */
export const reminderEmailTemplates: EmailTemplates = {
  [REMINDER_EMAIL_KIND]: (_locale, data) => renderReminderEmail(data as ReminderEmailData),
};
