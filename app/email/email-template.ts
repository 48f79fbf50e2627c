/** An email as it goes out: its subject, both bodies, and headers of its own (List-Unsubscribe). */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * How one kind of email is rendered, when it is sent, from the data the outbox stored with it, in
 * the recipient's language. Each capability that sends email supplies the templates of its kinds;
 * the outbox knows none of them.
 */
export type EmailTemplate = (locale: string, data: unknown) => RenderedEmail;
export type EmailTemplates = Readonly<Record<string, EmailTemplate>>;
