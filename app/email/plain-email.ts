import { escapeHtml } from "../html";

/**
 * The HTML of Orchard's plain emails (a sign-in link, an invitation, a partner's statement): one
 * narrow column, the shop's name at the foot. The parts are text, escaped here; a button is a link.
 */
export type EmailPart = { paragraph: string } | { button: { label: string; url: string } } | { rows: [string, string][] };

const BUTTON = "display: inline-block; padding: 10px 16px; background: #1a1a1a; color: #fff; text-decoration: none; border-radius: 6px;";

function partHtml(part: EmailPart): string {
  if ("paragraph" in part) return `<p>${escapeHtml(part.paragraph)}</p>`;
  if ("button" in part) return `<p><a href="${escapeHtml(part.button.url)}" style="${BUTTON}">${escapeHtml(part.button.label)}</a></p>`;
  const rows = part.rows.map(
    ([label, value]) =>
      `<tr><th scope="row" style="text-align: left; padding: 4px 16px 4px 0;">${escapeHtml(label)}</th><td style="padding: 4px 0;">${escapeHtml(value)}</td></tr>`,
  );
  return `<table style="border-collapse: collapse;">${rows.join("")}</table>`;
}

export function plainEmailHtml(locale: string, subject: string, parts: EmailPart[], footer: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">
<h1 style="font-size: 20px;">${escapeHtml(subject)}</h1>
${parts.map(partHtml).join("\n")}
<p style="color: #616161;">${escapeHtml(footer)}</p>
</body></html>`;
}
