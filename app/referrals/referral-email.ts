import { plainEmailHtml } from "../email/plain-email";
import { messagesByLocale, resolveLocale, translate } from "../i18n/i18n";
import type { EmailTemplates, RenderedEmail } from "../email/email-template";

/** The invitation a happy subscriber gets: their link to share, what a friend gets and what they get. Pure. */
export const REFERRAL_INVITE_EMAIL = "referralInvite";

export interface ReferralInviteData {
  shopName: string;
  customerName: string;
  code: string;
  link: string;
  /** "20 %" and "$10.00", formatted when the invitation was written. */
  friendDiscount: string;
  credit: string;
}

export function renderReferralInvite(localeTag: string, data: ReferralInviteData): RenderedEmail {
  const locale = resolveLocale(localeTag);
  const messages = messagesByLocale[locale];
  const t = (key: "subject" | "greeting" | "greetingNoName" | "body" | "code" | "action", values: Record<string, string> = {}) =>
    translate(messages, `referrals.email.${key}`, { shop: data.shopName, discount: data.friendDiscount, credit: data.credit, ...values });
  const greeting = data.customerName ? t("greeting", { name: data.customerName }) : t("greetingNoName");
  const text = [greeting, "", t("body"), "", `${t("action")}: ${data.link}`, `${t("code", { code: data.code })}`, "", data.shopName].join(
    "\n",
  );
  const html = plainEmailHtml(
    locale,
    t("subject"),
    [
      { paragraph: greeting },
      { paragraph: t("body") },
      { button: { label: t("action"), url: data.link } },
      { paragraph: t("code", { code: data.code }) },
    ],
    data.shopName,
  );
  return { subject: t("subject"), text, html };
}

export const referralEmailTemplates: EmailTemplates = {
  [REFERRAL_INVITE_EMAIL]: (locale, data) => renderReferralInvite(locale, data as ReferralInviteData),
};
