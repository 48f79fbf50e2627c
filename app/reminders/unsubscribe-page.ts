import { escapeHtml } from "../html";
import { messagesByLocale, resolveLocale, translate, type MessageKey } from "../i18n/i18n";

/**
 * The page an unsubscribe link opens, in the customer's language. A plain page outside the admin
 * and the theme: it must work for anyone holding the link, without login or scripts. Opening the
 * link only asks (mail scanners open links); the button, or a mail client's one-click POST,
 * unsubscribes.
 */
export type UnsubscribePageState = "confirm" | "done" | "invalid";

export function unsubscribePage(state: UnsubscribePageState, localeTag: string, shopName: string): string {
  const locale = resolveLocale(localeTag);
  const t = (key: MessageKey) => translate(messagesByLocale[locale], key, { shop: shopName });
  const heading = t(`reminders.unsubscribePage.${state}Heading`);
  const body = t(`reminders.unsubscribePage.${state}Body`);
  const form =
    state === "confirm"
      ? `<form method="post"><button type="submit" style="padding: 10px 16px; font: inherit;">${escapeHtml(t("reminders.unsubscribePage.button"))}</button></form>`
      : "";
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">
<main><h1 style="font-size: 22px;">${escapeHtml(heading)}</h1><p>${escapeHtml(body)}</p>${form}</main>
</body></html>`;
}
