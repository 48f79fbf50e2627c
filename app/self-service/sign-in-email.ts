import { escapeHtml } from "../html";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import type { EmailTemplates, RenderedEmail } from "../email/email-template";

/** The sign-in link's email, in the customer's language. Pure: rendered by the outbox when it sends. */
export interface SignInEmailData {
  shopName: string;
  url: string;
  minutes: number;
}

export function renderSignInEmail(localeTag: string, data: SignInEmailData): RenderedEmail {
  const messages = messagesByLocale[resolveLocale(localeTag)];
  const t = (key: "subject" | "body" | "action" | "ignore") =>
    translate(messages, `emails.signInLink.${key}`, { shop: data.shopName, minutes: data.minutes });
  const text = [t("body"), "", `${t("action")}: ${data.url}`, "", t("ignore"), "", data.shopName].join("\n");
  const html = `<!doctype html>
<html lang="${resolveLocale(localeTag)}"><head><meta charset="utf-8"><title>${escapeHtml(t("subject"))}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">
<h1 style="font-size: 20px;">${escapeHtml(t("subject"))}</h1>
<p>${escapeHtml(t("body"))}</p>
<p><a href="${escapeHtml(data.url)}" style="display: inline-block; padding: 10px 16px; background: #1a1a1a; color: #fff; text-decoration: none; border-radius: 6px;">${escapeHtml(t("action"))}</a></p>
<p style="color: #616161;">${escapeHtml(t("ignore"))}</p>
<p style="color: #616161;">${escapeHtml(data.shopName)}</p>
</body></html>`;
  return { subject: t("subject"), text, html };
}

export const signInEmailTemplates: EmailTemplates = {
  signInLink: (locale, data) => renderSignInEmail(locale, data as SignInEmailData),
};
