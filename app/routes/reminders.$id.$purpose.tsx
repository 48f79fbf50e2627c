import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { followReminderLink, unsubscribe, unsubscribeTarget } from "../reminders/links.server";
import { LINK_PURPOSES } from "../reminders/links";
import { unsubscribePage, type UnsubscribePageState } from "../reminders/unsubscribe-page";
import { backgroundAdmin } from "../shopify/background.server";

/**
 * The links in a reminder email, opened by the customer without logging in: reorder and subscribe
 * redirect to the store, unsubscribe asks and then unsubscribes (a button, or RFC 8058's one-click
 * POST from the mail client). Every link is signed for its reminder and purpose.
 */
function parse({ params, request }: LoaderFunctionArgs) {
  const purpose = LINK_PURPOSES.find((p) => p === params.purpose);
  const signature = new URL(request.url).searchParams.get("sig") ?? "";
  return purpose && params.id ? { id: params.id, purpose, signature } : null;
}

const page = (state: UnsubscribePageState, locale: string, shopName: string, status = 200) =>
  new Response(unsubscribePage(state, locale, shopName), {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });

const invalid = () => page("invalid", "en", "", 404);

export const loader = async (args: LoaderFunctionArgs) => {
  const link = parse(args);
  if (!link) return invalid();
  if (link.purpose === "unsubscribe") {
    const target = await unsubscribeTarget(link.id, link.signature);
    return target ? page("confirm", target.locale, target.shopName) : invalid();
  }
  const destination = await followReminderLink(link.id, link.purpose, link.signature, backgroundAdmin);
  return destination ? redirect(destination) : invalid();
};

export const action = async (args: ActionFunctionArgs) => {
  const link = parse(args);
  if (!link || link.purpose !== "unsubscribe") return invalid();
  const target = await unsubscribe(link.id, link.signature);
  return target ? page("done", target.locale, target.shopName) : invalid();
};
