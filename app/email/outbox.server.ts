import { clock } from "../clock";
import { db, type Db, type Transaction } from "../db.server";
import { exceptShops, uninstalledShops } from "../shops/shops.server";
import { mailer, type Mailer } from "./mailer.server";
import { leaseExpiry, oldestFirst, workClaimed } from "../work-queue.server";
import type { EmailTemplates } from "./email-template";

/**
 * The email outbox. An email is written down in the same transaction as the event that causes it,
 * under a key naming that event (so a replayed webhook or a second worker adds nothing), and sent
 * afterwards by the worker: a crash between the event and the send loses no email. It renders each
 * message through the template its sender supplied for the kind (email-template.ts).
 */

const MAX_SEND_ATTEMPTS = 5;

/** One email to send: what to render (kind and data), for whom, and the key of the event it is about. */
export interface OutboxMessage {
  shop: string;
  kind: string;
  dedupeKey: string;
  recipient: string;
  locale: string;
  data: unknown;
}

/** Writes the email down unless one with the same key exists; returns whether it was new. */
export async function enqueueEmail(tx: Transaction | Db, message: OutboxMessage & { contractId?: string }): Promise<boolean> {
  const existing = await tx.emailMessage.findUnique({ where: { dedupeKey: message.dedupeKey }, select: { id: true } });
  if (existing) return false;
  const { contractId, ...rest } = message;
  await tx.emailMessage.create({ data: { ...outboxMessage(rest), contractId } });
  return true;
}

/** The outbox row of a message, for writing many at once. */
export function outboxMessage(message: OutboxMessage) {
  return { ...message, data: JSON.stringify(message.data), createdAt: clock().now() };
}

/** How many emails a worker claims at once: one statement for them all, few enough that several workers share a backlog. */
const CLAIM_CHUNK = 10;

/**
 * The kinds of email a shop's merchant leaves to another service (Klaviyo sends them from Orchard's
 * events): such a message is marked skipped, not sent.
 */
export type EmailKindsLeftOut = (shop: string) => Promise<ReadonlySet<string>>;

/**
 * Sends pending emails, oldest first. A worker claims them a chunk at a time with one conditional
 * update, so two workers never send one twice and the loser of a race moves on to the next chunk.
 */
export async function sendPendingEmails(
  templates: EmailTemplates,
  { leftOut = async () => new Set(), limit = 100 }: { leftOut?: EmailKindsLeftOut; limit?: number } = {},
): Promise<number> {
  const transport = mailer();
  if (!transport) return 0;
  const leaseExpired = leaseExpiry();
  // A message left "sending" by a worker that died is taken up again after a lease (on wall time,
  // like updatedAt): it may then go out twice, which for an email, unlike a charge, is tolerable.
  // An uninstalled shop's emails wait: to be sent if it comes back, deleted with its data if not.
  const except = exceptShops(await uninstalledShops());
  const waiting = { status: "pending", ...except };
  const abandoned = { status: "sending", updatedAt: { lt: leaseExpired }, ...except };
  const oldest = (where: typeof waiting | typeof abandoned) =>
    db().emailMessage.findMany({ where, orderBy: { createdAt: "asc" }, take: limit, select: { id: true, createdAt: true } });
  const pending = await oldestFirst([oldest(waiting), oldest(abandoned)], (m) => m.createdAt, limit);
  return workClaimed(
    pending.map((m) => m.id),
    {
      chunk: CLAIM_CHUNK,
      claim: (ids) =>
        db().emailMessage.updateManyAndReturn({
          where: { id: { in: ids }, OR: [waiting, abandoned] },
          data: { status: "sending", attempts: { increment: 1 } },
        }),
      at: (m) => m.createdAt,
      work: (message) => sendClaimed(transport, templates, leftOut, message),
    },
  );
}

type ClaimedMessage = Awaited<ReturnType<ReturnType<typeof db>["emailMessage"]["updateManyAndReturn"]>>[number];

async function sendClaimed(
  transport: Mailer,
  templates: EmailTemplates,
  leftOut: EmailKindsLeftOut,
  message: ClaimedMessage,
): Promise<boolean> {
  try {
    if ((await leftOut(message.shop)).has(message.kind)) {
      await db().emailMessage.update({ where: { id: message.id }, data: { status: "skipped", lastError: "left to another service" } });
      return false;
    }
    const template = templates[message.kind];
    if (!template) throw new Error(`no template for emails of kind ${message.kind}`);
    // Every kind's data names the shop it is sent for: the sender's name.
    const data = JSON.parse(message.data) as { shopName: string };
    const { headers, ...rendered } = template(message.locale, data);
    // A customer who answers writes to the shop, not to Orchard's sending address.
    const shop = await db().shop.findUnique({ where: { domain: message.shop }, select: { contactEmail: true } });
    await transport.send({
      to: message.recipient,
      fromName: data.shopName,
      replyTo: shop?.contactEmail,
      ...rendered,
      headers: { ...headers, "X-Orchard-Email": message.kind },
    });
    await db().emailMessage.update({ where: { id: message.id }, data: { status: "sent", sentAt: clock().now(), lastError: null } });
    return true;
  } catch (error) {
    await db().emailMessage.update({
      where: { id: message.id },
      data: { status: message.attempts >= MAX_SEND_ATTEMPTS ? "failed" : "pending", lastError: (error as Error).message.slice(0, 2000) },
    });
    return false;
  }
}
