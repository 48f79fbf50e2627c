import { plainEmailHtml } from "../email/plain-email";
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
  const html = plainEmailHtml(
    resolveLocale(localeTag),
    t("subject"),
    [{ paragraph: t("body") }, { button: { label: t("action"), url: data.url } }, { paragraph: t("ignore") }],
    data.shopName,
  );
  return { subject: t("subject"), text, html };
}

export const signInEmailTemplates: EmailTemplates = {
  signInLink: (locale, data) => renderSignInEmail(locale, data as SignInEmailData),
};
