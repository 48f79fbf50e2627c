import { messagesByLocale, resolveLocale, translate, type Locale, type MessageKey } from "../i18n/i18n";
import { escapeHtml } from "../html";
import { formatMoneyMinor } from "../money";
import type { EmailTemplates, RenderedEmail } from "../email/email-template";

/**
 * The emails Orchard sends a subscriber, rendered from the translation files in the customer's
 * language. Pure: the outbox renders with it when it sends (subscriberEmailTemplates), and Settings
 * previews with it.
 */
export const SUBSCRIBER_EMAIL_KINDS = [
  "confirmation",
  "upcoming",
  "paymentFailed",
  "paymentChallenge",
  "paused",
  "resumed",
  "reactivated",
  "cancelled",
  "ended",
  "missedCharged",
  "missedSkipped",
  "orderSkipped",
  "changed",
] as const;
export type SubscriberEmailKind = (typeof SUBSCRIBER_EMAIL_KINDS)[number];

/**
 * The merchant's own wording of an email's subject and opening paragraph, in one language. The
 * "changed" email is not among them: its sentence is the change's own.
 */
export interface SubscriberEmailTemplate {
  subject: string;
  body: string;
}
export const EDITABLE_EMAIL_KINDS = SUBSCRIBER_EMAIL_KINDS.filter(
  (kind): kind is Exclude<SubscriberEmailKind, "changed"> => kind !== "changed",
);
export type EditableEmailKind = (typeof EDITABLE_EMAIL_KINDS)[number];
/** By kind, then language: what the merchant changed; the rest reads as the translation files say. */
export type SubscriberEmailTemplates = Partial<Record<EditableEmailKind, Partial<Record<Locale, SubscriberEmailTemplate>>>>;

/** The variables a template may use, as `{name}`; `{missed}` only where orders were missed. */
export function templateVariables(kind: EditableEmailKind): string[] {
  return ["shop", "name", "date", ...(kind === "missedCharged" || kind === "missedSkipped" ? ["missed"] : [])];
}

const TEMPLATE_LIMITS: Record<keyof SubscriberEmailTemplate, number> = { subject: 150, body: 2000 };
export type SubscriberTemplateErrors = Partial<Record<keyof SubscriberEmailTemplate, "required" | "tooLong" | "unknownVariable">>;

export function validateSubscriberTemplate(kind: EditableEmailKind, template: SubscriberEmailTemplate): SubscriberTemplateErrors {
  const errors: SubscriberTemplateErrors = {};
  const allowed = templateVariables(kind);
  for (const field of ["subject", "body"] as const) {
    const value = template[field].trim();
    const variables = [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (!value) errors[field] = "required";
    else if (value.length > TEMPLATE_LIMITS[field]) errors[field] = "tooLong";
    else if (variables.some((v) => !allowed.includes(v))) errors[field] = "unknownVariable";
  }
  return errors;
}

/** The wording Orchard ships for a kind in a language: what the editor starts from and a reset returns to. */
export function defaultSubscriberTemplate(kind: EditableEmailKind, locale: Locale): SubscriberEmailTemplate {
  const email = messagesByLocale[locale].emails[kind] as { subject: string; body: string };
  return { subject: email.subject, body: email.body };
}

/** The stored templates (JSON), keeping only well-formed entries of editable kinds and known languages. */
export function storedEmailTemplates(column: string): SubscriberEmailTemplates {
  let parsed: unknown;
  try {
    parsed = JSON.parse(column);
  } catch {
    return {};
  }
  const templates: SubscriberEmailTemplates = {};
  if (typeof parsed !== "object" || parsed === null) return templates;
  for (const kind of EDITABLE_EMAIL_KINDS) {
    const byLocale = (parsed as Record<string, unknown>)[kind];
    if (typeof byLocale !== "object" || byLocale === null) continue;
    for (const locale of Object.keys(messagesByLocale) as Locale[]) {
      const entry = (byLocale as Record<string, unknown>)[locale] as Partial<SubscriberEmailTemplate> | undefined;
      if (typeof entry?.subject === "string" && typeof entry.body === "string")
        templates[kind] = { ...templates[kind], [locale]: { subject: entry.subject, body: entry.body } };
    }
  }
  return templates;
}

/** A template's `{variable}`s replaced by their values (a value is plain text: never read as a variable again). */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface SubscriberEmailData {
  shopName: string;
  customerName: string;
  items: { title: string; quantity: number }[];
  /** The date the email is about (next order, resume date), and the shop's zone to show it in. */
  date: string | null;
  timeZone: string;
  /** Where the customer manages the subscription (the store's account pages). */
  manageUrl: string;
  /** Where the customer confirms a payment their bank holds (paymentChallenge): the email's one action. */
  challengeUrl?: string;
  /** How many orders fell due while the shop could not bill and were not charged (missedCharged, missedSkipped). */
  missedOrders?: number;
  /** The next order's day and what it will charge, discounts taken off: a line under the items. */
  nextOrder?: { date: string; amountMinor: number; currencyCode: string } | null;
  /** What the customer or merchant changed (kind changed); `date` is the day it concerns. */
  change?: SubscriptionChange;
  /** The merchant's wording of this kind in the customer's language, when they changed it. */
  template?: SubscriberEmailTemplate | null;
}

/** The changes a "changed" email confirms, each with its own sentence. */
export const SUBSCRIPTION_CHANGES = [
  "skipAhead",
  "unskip",
  "reschedule",
  "changeFrequency",
  "changeQuantity",
  "swapVariant",
  "addOneTime",
  "updateAddress",
] as const;
export type SubscriptionChange = (typeof SUBSCRIPTION_CHANGES)[number];

export function renderSubscriberEmail(kind: SubscriberEmailKind, localeTag: string, data: SubscriberEmailData): RenderedEmail {
  const locale = resolveLocale(localeTag);
  const messages = messagesByLocale[locale];
  const dayOf = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: data.timeZone }).format(new Date(iso));
  const date = data.date ? dayOf(data.date) : "";
  const missed = data.missedOrders ?? 0;
  const values = {
    shop: data.shopName,
    name: data.customerName || translate(messages, "emails.customerFallback"),
    date,
    missed: translate(messages, "emails.missedOrders", { count: missed }),
  };
  const t = (key: MessageKey) => translate(messages, key, values);
  const subject = data.template ? fill(data.template.subject, values) : t(`emails.${kind}.subject`);
  const body = [
    data.template
      ? fill(data.template.body, values)
      : kind === "changed"
        ? t(`emails.changed.body.${data.change ?? "reschedule"}`)
        : t(`emails.${kind}.body`),
    ...(kind === "paused" && date ? [t("emails.pausedUntil")] : []),
    ...((kind === "missedCharged" || kind === "missedSkipped" || kind === "orderSkipped") && date ? [t("emails.nextOrderOn")] : []),
  ].join(" ");
  const items = data.items.map((item) => translate(messages, "emails.item", { title: item.title, quantity: item.quantity }));
  const nextOrder = data.nextOrder
    ? translate(messages, "emails.nextOrderTotal", {
        date: dayOf(data.nextOrder.date),
        amount: formatMoneyMinor(data.nextOrder.amountMinor, data.nextOrder.currencyCode, locale),
      })
    : null;
  const greeting = t("emails.greeting");
  const [action, actionUrl] =
    kind === "paymentChallenge" && data.challengeUrl
      ? [t("emails.paymentChallenge.action"), data.challengeUrl]
      : [t("emails.manage"), data.manageUrl];
  const text = [
    greeting,
    "",
    body,
    "",
    ...items.map((i) => `- ${i}`),
    ...(nextOrder ? ["", nextOrder] : []),
    "",
    `${action}: ${actionUrl}`,
    "",
    data.shopName,
  ].join("\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">
<h1 style="font-size: 20px;">${escapeHtml(subject)}</h1>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(body)}</p>
<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>
${nextOrder ? `<p><strong>${escapeHtml(nextOrder)}</strong></p>\n` : ""}<p><a href="${escapeHtml(actionUrl)}" style="display: inline-block; padding: 10px 16px; background: #1a1a1a; color: #fff; text-decoration: none; border-radius: 6px;">${escapeHtml(action)}</a></p>
<p style="color: #616161;">${escapeHtml(data.shopName)}</p>
</body></html>`;
  return { subject, text, html };
}

/** A believable email of each kind for the merchant to preview in Settings. */
export function sampleSubscriberEmailData(shopName: string, timeZone: string, now: Date): SubscriberEmailData {
  return {
    shopName,
    customerName: "Alex",
    items: [{ title: "House Blend Coffee Beans – 250 g", quantity: 2 }],
    date: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
    timeZone,
    manageUrl: "https://example.myshopify.com/apps/orchard/subscriptions",
    challengeUrl: "https://example.myshopify.com/payments/challenge",
    missedOrders: 2,
    nextOrder: { date: new Date(now.getTime() + 3 * 86_400_000).toISOString(), amountMinor: 2_398, currencyCode: "USD" },
    change: "swapVariant",
  };
}

/** The outbox's templates for the subscriber's emails, one a kind. */
export const subscriberEmailTemplates: EmailTemplates = Object.fromEntries(
  SUBSCRIBER_EMAIL_KINDS.map((kind) => [
    kind,
    (locale: string, data: unknown) => renderSubscriberEmail(kind, locale, data as SubscriberEmailData),
  ]),
);
