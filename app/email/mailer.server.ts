import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../config.server";
import type { RenderedEmail } from "./email-template";

/**
 * The one way Orchard's email leaves the process: SMTP, to the server named by SMTP_URL
 * (smtp://user:pass@host:587, or smtps:// for implicit TLS). Tests and the demo point it at a local
 * sink; production at the merchant-facing provider.
 */
export interface Mailer {
  /** From the shop's name at Orchard's sending address; replies go to the shop's own address when it has one. */
  send(message: RenderedEmail & { to: string; fromName: string; replyTo?: string | null }): Promise<void>;
}

declare global {
  var orchardMailer: Mailer | undefined;
}

export function smtpMailer(url: string, fromAddress: string): Mailer {
  // Pooled: a worker sends its emails over a few open connections instead of one handshake each.
  const transport: Transporter = nodemailer.createTransport({ url, pool: true });
  return {
    async send({ to, fromName, replyTo, subject, text, html, headers }) {
      await transport.sendMail({
        from: { name: fromName, address: fromAddress },
        ...(replyTo ? { replyTo: { name: fromName, address: replyTo } } : {}),
        to,
        subject,
        text,
        html,
        headers,
      });
    },
  };
}

/** The configured mailer, or null when SMTP_URL is not set (outside production): mail waits in the outbox. */
export function mailer(): Mailer | null {
  const { SMTP_URL, MAIL_FROM } = config();
  if (!SMTP_URL) return null;
  globalThis.orchardMailer ??= smtpMailer(SMTP_URL, MAIL_FROM);
  return globalThis.orchardMailer;
}
