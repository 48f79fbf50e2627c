import { plainEmailHtml } from "../email/plain-email";
import { messagesByLocale, resolveLocale, translate, type MessageKey, type Messages } from "../i18n/i18n";
import { formatMoneyMinor } from "../money";
import type { EmailTemplates, RenderedEmail } from "../email/email-template";
import type { StatementTotal } from "./partner-statement";

/**
 * The emails a partner receives, pure, in the partner's language: the monthly statement (the
 * month's totals; the lines are in the merchant's CSV export) and a claim routed to it.
 */
export const PARTNER_STATEMENT_EMAIL = "partnerStatement";
export const PARTNER_CLAIM_EMAIL = "partnerClaim";

export interface PartnerStatementEmailData {
  shopName: string;
  partnerName: string;
  month: string;
  totals: StatementTotal[];
  claims: number;
}

export interface PartnerClaimEmailData {
  shopName: string;
  partnerName: string;
  offerName: string | null;
  orderName: string;
  item: string | null;
  customerName: string | null;
  customerEmail: string | null;
  reason: string;
  notes: string;
  photosUrl: string | null;
  coverEnds: string;
}

/** An introduction and rows of label and value, as text and as HTML. */
function render(locale: string, subject: string, intro: string, rows: [string, string][], shopName: string): RenderedEmail {
  const text = [intro, "", ...rows.map(([label, value]) => `${label}: ${value}`), "", shopName].join("\n");
  return { subject, text, html: plainEmailHtml(locale, subject, [{ paragraph: intro }, { rows }], shopName) };
}

function monthName(month: string, locale: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, monthNumber - 1, 15)),
  );
}

export function renderPartnerStatementEmail(localeTag: string, data: PartnerStatementEmailData): RenderedEmail {
  const locale = resolveLocale(localeTag);
  const messages = messagesByLocale[locale];
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(messages, `partners.emails.statement.${key}` as MessageKey, {
      shop: data.shopName,
      month: monthName(data.month, locale),
      ...values,
    });
  const money = (minor: number, currencyCode: string) => formatMoneyMinor(minor, currencyCode, locale);
  const rows: [string, string][] = data.totals.flatMap((total) => [
    [
      t("sold"),
      translate(messages, "partners.emails.statement.soldCount", {
        count: total.sold,
        amount: money(total.salesMinor, total.currencyCode),
      }),
    ],
    [
      t("reversed"),
      translate(messages, "partners.emails.statement.reversedCount", {
        count: total.reversed,
        amount: money(-total.reversalsMinor, total.currencyCode),
      }),
    ],
    [t("net"), money(total.netMinor, total.currencyCode)],
    [t("share"), money(total.shareMinor, total.currencyCode)],
  ]);
  rows.push([t("claims"), String(data.claims)]);
  return render(locale, t("subject"), t("intro", { partner: data.partnerName }), rows, data.shopName);
}

export function renderPartnerClaimEmail(localeTag: string, data: PartnerClaimEmailData): RenderedEmail {
  const locale = resolveLocale(localeTag);
  const messages: Messages = messagesByLocale[locale];
  const t = (key: string) =>
    translate(messages, `partners.emails.claim.${key}` as MessageKey, { shop: data.shopName, order: data.orderName });
  const reason = translate(messages, `protection.claims.reasons.${data.reason}` as MessageKey);
  const coverEnds = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(data.coverEnds));
  const rows: [string, string][] = [
    [t("offer"), data.offerName ?? ""],
    [t("order"), data.orderName],
    [t("item"), data.item ?? ""],
    [t("customer"), [data.customerName, data.customerEmail].filter(Boolean).join(", ")],
    [t("reason"), reason],
    [t("notes"), data.notes],
    [t("photos"), data.photosUrl ?? ""],
    [t("coverEnds"), coverEnds],
  ];
  return render(
    locale,
    t("subject"),
    t("intro"),
    rows.filter(([, value]) => value !== ""),
    data.shopName,
  );
}

export const partnerEmailTemplates: EmailTemplates = {
  [PARTNER_STATEMENT_EMAIL]: (locale, data) => renderPartnerStatementEmail(locale, data as PartnerStatementEmailData),
  [PARTNER_CLAIM_EMAIL]: (locale, data) => renderPartnerClaimEmail(locale, data as PartnerClaimEmailData),
};
