import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The shoppers' mailboxes: a real SMTP server on 127.0.0.1 that keeps every message it receives.
 * Orchard sends its emails here in tests and in the demo exactly as it would to a provider; the
 * tests then read what a customer would read.
 */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: Date;
}

export class Mailbox {
  readonly messages: ReceivedEmail[] = [];
  private server: SMTPServer | null = null;
  url = "";

  async start(port = 0): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // On stop, a conversation in flight gets a moment, then the connections close: Orchard's
      // mailer keeps its connection open between emails, and the default grace (30 s) held every
      // test file's teardown for that long.
      closeTimeout: 250,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: mail.from?.text ?? "",
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              headers: Object.fromEntries([...mail.headers].map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
              receivedAt: new Date(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    const { port: bound } = this.server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${bound}`;
    return this.url;
  }

  /** Messages to one address, oldest first. */
  to(address: string): ReceivedEmail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
