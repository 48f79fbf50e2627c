import { messagesByLocale, resolveLocale, translate, type MessageKey } from "../i18n/i18n";
import { MAX_PAUSED_ORDERS } from "../subscriptions/contract-actions";
import { addressLines, countryOptions } from "../../extensions/shared/addresses";
import { formatMoneyMinor } from "../money";
import type { SaveOffer } from "../subscriptions/retention";
import type { PortalSubscription } from "./self-service.server";
import { percentText } from "../percent";

/**
 * The customer's subscriptions page on the storefront (served through the app proxy, inside the
 * shop's theme as Liquid). Plain HTML forms: it works without JavaScript, with a keyboard and a
 * screen reader. Pure: a view model and a language in, markup out.
 *
 * Every text from outside (product and plan names) is HTML-escaped and has its braces encoded, so
 * nothing a merchant or shopper typed can become Liquid.
 */
export const escapeText = (text: string) => text.replace(/[&<>"'{}%]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PortalContext {
  locale: string;
  /** Where the proxy is mounted on the shop's domain, as Shopify says (path_prefix), e.g. /apps/orchard. */
  prefix: string;
  /** A path of the page under the prefix, carrying the customer's sign-in session when they came by emailed link. */
  link: (path: string) => string;
  token: string;
}

function translator(localeTag: string) {
  const locale = resolveLocale(localeTag);
  const messages = messagesByLocale[locale];
  return { locale, t: (key: MessageKey, values?: Record<string, string | number>) => escapeText(translate(messages, key, values)) };
}

const styles = `<style>
.orchard-portal { max-width: 720px; margin: 0 auto; display: grid; gap: 24px; }
.orchard-portal section { border: 1px solid rgba(0,0,0,.15); border-radius: 12px; padding: 20px; display: grid; gap: 12px; }
.orchard-portal form { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 0; }
.orchard-portal label { display: grid; gap: 4px; }
.orchard-portal fieldset { border: 0; padding: 0; display: grid; gap: 6px; }
.orchard-portal fieldset label { display: flex; gap: 8px; align-items: center; }
.orchard-portal [role=status], .orchard-portal [role=alert] { padding: 12px; border-radius: 8px; background: rgba(0,0,0,.05); }
.orchard-portal .orchard-actions { display: grid; gap: 12px; }
.orchard-portal .orchard-fields { display: grid; gap: 6px; width: 100%; }
.orchard-portal .orchard-error, .orchard-portal .orchard-warning { color: #8e1f0b; }
.orchard-portal h3 { margin: 8px 0 0; font-size: 1.05em; }
.orchard-portal table { width: 100%; border-collapse: collapse; }
.orchard-portal th, .orchard-portal td { text-align: start; padding: 4px 8px 4px 0; }
.orchard-portal .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>`;

function shell(t: ReturnType<typeof translator>["t"], heading: string, body: string): string {
  return `${styles}<div class="orchard-portal"><h1>${heading}</h1>${body}</div>`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeText(value)}">`;

function actionForm(context: PortalContext, id: string, action: string, button: string, fields = ""): string {
  return `<form method="post" action="${context.link(`/subscriptions/${escapeText(id)}`)}">${hidden("token", context.token)}${hidden("action", action)}${fields}<button type="submit">${button}</button></form>`;
}

/**
 * For a visitor Shopify does not know as logged in: the store's login, and for a customer with no
 * password (classic accounts), a sign-in link by email. `notice` says a link was sent (the same
 * words whether the address has subscriptions or not) or that the one followed no longer works.
 */
export function loginRequiredPage(
  context: Pick<PortalContext, "locale" | "prefix">,
  loginUrl: string,
  notice: { sentTo?: string; linkInvalid?: boolean; emailInvalid?: boolean } = {},
): string {
  const { t } = translator(context.locale);
  const flash = notice.sentTo
    ? `<p role="status">${t("portal.linkSent", { email: notice.sentTo })}</p>`
    : notice.linkInvalid
      ? `<p role="alert">${t("portal.linkInvalid")}</p>`
      : "";
  const emailError = notice.emailInvalid ? `<span id="email-error" class="orchard-error">${t("portal.emailInvalid")}</span>` : "";
  return shell(
    t,
    t("portal.title"),
    `${flash}<p>${t("portal.loginRequired")}</p><p><a href="${escapeText(loginUrl)}">${t("portal.logIn")}</a></p>
<form method="post" action="${context.prefix}/subscriptions/sign-in"><p>${t("portal.emailLinkIntro")}</p>
<div class="orchard-fields"><label for="sign-in-email">${t("portal.emailLabel")}</label><input id="sign-in-email" type="email" name="email" autocomplete="email" required maxlength="254"${notice.emailInvalid ? ' aria-invalid="true" aria-describedby="email-error"' : ""}>${emailError}</div>
<button type="submit">${t("portal.sendLink")}</button></form>`,
  );
}

/** A form the customer sent that was refused field by field: shown again with their values and a message per field. */
export interface RefusedForm {
  contractId: string;
  action: string;
  fields: string[];
  values: Record<string, string>;
}

const ADDRESS_FIELDS = ["firstName", "lastName", "address1", "address2", "city", "province", "zip", "countryCode"] as const;
const OPTIONAL_ADDRESS_FIELDS = new Set(["firstName", "address2", "province"]);

export function subscriptionsPage(
  context: PortalContext,
  subscriptions: PortalSubscription[],
  notice: { done?: string | null; error?: string | null },
  refused?: RefusedForm,
): string {
  const { t, locale } = translator(context.locale);
  const dateOf = (iso: string, timeZone: string) =>
    escapeText(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(new Date(iso)));
  const flash = [
    notice.done && (messagesByLocale.en.portal.done as Record<string, string>)[notice.done]
      ? `<p role="status">${t(`portal.done.${notice.done as "pause"}`)}</p>`
      : "",
    notice.error && (messagesByLocale.en.portal.errors as Record<string, string>)[notice.error]
      ? `<p role="alert">${t(`portal.errors.${notice.error as "notAllowed"}`)}</p>`
      : "",
  ].join("");
  const sections = subscriptions.map((s) => {
    const money = (minor: number) => escapeText(formatMoneyMinor(minor, s.currencyCode, locale));
    const can = (action: string) => s.actions.includes(action as never);
    const items = s.items
      .map(
        (item) =>
          `<li>${escapeText(item.title)} × ${item.quantity} · ${money(item.unitPriceMinor)}${item.oneTime ? ` (${t("portal.oneTime")})` : ""}</li>`,
      )
      .join("");
    const when =
      s.status === "CANCELLED"
        ? `<p>${t("portal.cancelledOn", { date: dateOf(s.cancelledAt ?? s.startedAt, s.timeZone) })} ${t("portal.restartTerms", { amount: money(s.nextOrderAmountMinor ?? 0) })}</p>`
        : s.status === "PAUSED"
          ? `<p>${s.firstOrderAfterPause ? t("portal.pausedNextOrder", { date: dateOf(s.firstOrderAfterPause, s.timeZone) }) : t("portal.pausedUntilResumed")}</p>`
          : s.nextOrderAt
            ? `<p>${t("portal.nextOrder", { date: dateOf(s.nextOrderAt, s.timeZone), amount: money(s.nextOrderAmountMinor ?? 0) })}</p>`
            : "";
    const commitment = s.ordersOwed > 0 ? `<p>${t("portal.commitment", { count: s.ordersOwed })}</p>` : "";
    const recurring = s.items.filter((i) => !i.oneTime);
    const heading = (key: "items" | "upcoming" | "delivery" | "payment" | "changes" | "history") =>
      `<h3 id="${key}-${escapeText(s.id)}">${t(`portal.headings.${key}`)}</h3>`;
    const refusedHere = refused?.contractId === s.id ? refused : undefined;

    const address = s.deliveryAddress
      ? `<address>${addressLines(s.deliveryAddress, locale).map(escapeText).join("<br>")}</address>`
      : `<p>${t("portal.noAddress")}</p>`;
    const addressForm = can("updateAddress") && s.deliveryAddress ? addressEditor(context, t, locale, s, refusedHere) : "";

    const payment = s.paymentMethod
      ? `<p>${
          s.paymentMethod.kind === "card"
            ? t("portal.card", {
                brand: s.paymentMethod.brand,
                digits: s.paymentMethod.lastDigits,
                expiry: `${String(s.paymentMethod.expiryMonth).padStart(2, "0")}/${s.paymentMethod.expiryYear}`,
              })
            : t("portal.paypal", { email: s.paymentMethod.email })
        }</p>${s.cardExpiresBeforeNextOrder ? `<p class="orchard-warning">${t("portal.cardExpires")}</p>` : ""}`
      : `<p>${t("portal.noPayment")}</p>`;
    const paymentForm = can("sendPaymentUpdate") ? actionForm(context, s.id, "sendPaymentUpdate", t("portal.sendPaymentUpdate")) : "";

    const forms = [
      can("reactivate")
        ? actionForm(
            context,
            s.id,
            "reactivate",
            t("portal.reactivate"),
            `<label>${t("portal.restartDate")}<input type="date" name="date" required></label>`,
          )
        : "",
      can("resume") ? actionForm(context, s.id, "resume", t("portal.resume")) : "",
      can("pause")
        ? actionForm(
            context,
            s.id,
            "pause",
            t("portal.pause"),
            `<label>${t("portal.pauseFor")}<select name="orders">${Array.from({ length: MAX_PAUSED_ORDERS }, (_, i) => i + 1)
              .map((n) => `<option value="${n}">${t("portal.pauseOrders", { count: n })}</option>`)
              .join("")}</select></label>`,
          ) +
          actionForm(
            context,
            s.id,
            "pause",
            t("portal.pauseUntilButton"),
            `<label>${t("portal.pauseUntil")}<input type="date" name="until" required></label>`,
          )
        : "",
      can("reschedule")
        ? actionForm(
            context,
            s.id,
            "reschedule",
            t("portal.reschedule"),
            `<label>${t("portal.dateLabel")}<input type="date" name="date" required></label>`,
          )
        : "",
      can("changeFrequency") && s.plans.length > 1
        ? actionForm(
            context,
            s.id,
            "changeFrequency",
            t(s.membership ? "portal.changeTier" : "portal.changeFrequency"),
            `<label>${t(s.membership ? "portal.tierLabel" : "portal.frequencyLabel")}<select name="sellingPlanId">${s.plans
              .map((p) => `<option value="${escapeText(p.id)}"${p.current ? " selected" : ""}>${escapeText(p.name)}</option>`)
              .join("")}</select></label>`,
          )
        : "",
      ...(can("changeQuantity")
        ? recurring.map((item) =>
            actionForm(
              context,
              s.id,
              "changeQuantity",
              t("portal.changeQuantity"),
              `${hidden("lineId", item.id)}<label>${t("portal.quantityLabel", { title: item.title })}<input type="number" name="quantity" min="1" max="100" value="${item.quantity}" required></label>`,
            ),
          )
        : []),
      ...(can("swapVariant") && s.swapVariants.length > 1
        ? recurring.map((item) =>
            actionForm(
              context,
              s.id,
              "swapVariant",
              t("portal.swapVariant"),
              `${hidden("lineId", item.id)}<label>${t("portal.swapLabel", { title: item.title })}<select name="variantId">${s.swapVariants
                .map(
                  (v) => `<option value="${escapeText(v.id)}"${v.title === item.title ? " selected" : ""}>${escapeText(v.title)}</option>`,
                )
                .join("")}</select></label>`,
            ),
          )
        : []),
      can("addOneTime") && s.variants.length
        ? actionForm(
            context,
            s.id,
            "addOneTime",
            t("portal.addOneTime"),
            `${hidden("quantity", "1")}<label>${t("portal.oneTimeLabel")}<select name="variantId">${s.variants
              .map((v) => `<option value="${escapeText(v.id)}">${escapeText(v.title)} · ${money(v.priceMinor)}</option>`)
              .join("")}</select></label>`,
          )
        : "",
      can("cancel") ? `<p><a href="${context.link(`/subscriptions/${escapeText(s.id)}/cancel`)}">${t("portal.cancel")}</a></p>` : "",
    ].join("");

    // Each order can be skipped (the next one at once, a later one when it falls due), and a skip
    // taken back while its date is still to come.
    const upcoming = s.upcomingOrders.length
      ? `${heading("upcoming")}<table><thead><tr><th scope="col">${t("portal.historyColumns.date")}</th><th scope="col">${t("portal.historyColumns.amount")}</th><th scope="col"><span class="visually-hidden">${t("portal.historyColumns.change")}</span></th></tr></thead><tbody>${s.upcomingOrders
          .map((order) => {
            const date = dateOf(order.date, s.timeZone);
            const [action, button, label] = order.skipped
              ? ["unskip", t("portal.unskipOrder"), t("portal.unskipOrderLabel", { date })]
              : ["skip", t("portal.skipOrder"), t("portal.skipOrderLabel", { date })];
            const form = can(action)
              ? `<form method="post" action="${context.link(`/subscriptions/${escapeText(s.id)}`)}">${hidden("token", context.token)}${hidden("action", action)}${hidden("cycle", String(order.cycle))}<button type="submit" aria-label="${label}">${button}</button></form>`
              : "";
            return `<tr><td>${date}</td><td>${order.skipped ? t("portal.orderStatus.skipped") : money(order.amountMinor)}</td><td>${form}</td></tr>`;
          })
          .join("")}</tbody></table>`
      : "";

    const history = s.pastOrders.length
      ? `<table><thead><tr><th scope="col">${t("portal.historyColumns.date")}</th><th scope="col">${t("portal.historyColumns.status")}</th><th scope="col">${t("portal.historyColumns.amount")}</th></tr></thead><tbody>${s.pastOrders
          .map(
            (order) =>
              `<tr><td>${dateOf(order.date, s.timeZone)}</td><td>${t(`portal.orderStatus.${order.status}`)}</td><td>${order.amountMinor === null ? "" : money(order.amountMinor)}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : "";

    return `<section aria-labelledby="subscription-${escapeText(s.id)}">
<h2 id="subscription-${escapeText(s.id)}">${escapeText(s.planName || t("portal.subscription"))}</h2>
${when}${commitment}
${heading("items")}<ul>${items}</ul>
${upcoming}
${heading("delivery")}${address}${addressForm}
${heading("payment")}${payment}${paymentForm}
${forms ? `${heading("changes")}<div class="orchard-actions">${forms}</div>` : ""}
${heading("history")}<p>${t("portal.startedOn", { date: dateOf(s.startedAt, s.timeZone) })}</p>${history}
${referralPart(t, locale, s)}
</section>`;
  });
  return shell(t, t("portal.title"), flash + (sections.join("") || `<p>${t("portal.empty")}</p>`));
}

/** The subscriber's link to share and how many friends it brought, once they are invited. */
function referralPart(t: ReturnType<typeof translator>["t"], locale: string, s: PortalSubscription): string {
  const referral = s.referral;
  if (!referral) return "";
  const values = {
    discount: `${percentText(referral.friendDiscountBasisPoints)} %`,
    credit: escapeText(formatMoneyMinor(referral.creditMinor, referral.currencyCode, locale)),
  };
  return `<h3>${t("referrals.portal.heading")}</h3>
<p>${t("referrals.portal.body", values)}</p>
<p>${t("referrals.portal.link")}: <a href="${escapeText(referral.link)}">${escapeText(referral.link)}</a></p>
<p>${t("referrals.portal.friends", { count: referral.friends })}</p>`;
}

/**
 * The delivery address form, folded under "Change address" until opened (or shown open with the
 * customer's values and a message under each field to correct, after a refusal).
 */
function addressEditor(
  context: PortalContext,
  t: ReturnType<typeof translator>["t"],
  locale: string,
  s: PortalSubscription,
  refused: RefusedForm | undefined,
): string {
  const shown = refused?.action === "updateAddress" ? refused : undefined;
  const value = (field: (typeof ADDRESS_FIELDS)[number]) => shown?.values[field] ?? s.deliveryAddress?.[field] ?? "";
  const fieldId = (field: string) => `${field}-${escapeText(s.id)}`;
  const controls = ADDRESS_FIELDS.map((field) => {
    const invalid = shown?.fields.includes(field);
    const describedBy = invalid ? ` aria-invalid="true" aria-describedby="${fieldId(field)}-error"` : "";
    const required = OPTIONAL_ADDRESS_FIELDS.has(field) ? "" : " required";
    const control =
      field === "countryCode"
        ? `<select id="${fieldId(field)}" name="${field}" autocomplete="country"${required}${describedBy}>${countryOptions(locale)
            .map((c) => `<option value="${c.code}"${c.code === value(field) ? " selected" : ""}>${escapeText(c.name)}</option>`)
            .join("")}</select>`
        : `<input id="${fieldId(field)}" name="${field}" value="${escapeText(value(field))}" autocomplete="${ADDRESS_AUTOCOMPLETE[field]}"${required}${describedBy}>`;
    const error = invalid ? `<span id="${fieldId(field)}-error" class="orchard-error">${t(`portal.addressErrors.${field}`)}</span>` : "";
    return `<label for="${fieldId(field)}">${t(`portal.address.${field}`)}</label>${control}${error}`;
  }).join("");
  return `<details${shown ? " open" : ""}><summary>${t("portal.changeAddress")}</summary>${actionForm(
    context,
    s.id,
    "updateAddress",
    t("portal.saveAddress"),
    `<div class="orchard-fields">${controls}</div>`,
  )}</details>`;
}

const ADDRESS_AUTOCOMPLETE: Record<(typeof ADDRESS_FIELDS)[number], string> = {
  firstName: "given-name",
  lastName: "family-name",
  address1: "address-line1",
  address2: "address-line2",
  city: "address-level2",
  province: "address-level1",
  zip: "postal-code",
  countryCode: "country",
};

export function cancelReasonPage(context: PortalContext, subscription: PortalSubscription): string {
  const { t } = translator(context.locale);
  const reasons = subscription.cancellationReasons
    .map(
      (reason, index) =>
        `<label><input type="radio" name="reason" value="${reason}"${index === 0 ? " required" : ""}>${t(`subscriptions.reasons.${reason}`)}</label>`,
    )
    .join("");
  return shell(
    t,
    t("portal.cancelTitle"),
    `<p>${t("portal.cancelIntro", { plan: subscription.planName })}</p>
<form method="post" action="${context.link(`/subscriptions/${escapeText(subscription.id)}/cancel`)}">${hidden("token", context.token)}${hidden("step", "reason")}
<fieldset><legend>${t("portal.reasonLegend")}</legend>${reasons}</fieldset>
<label>${t("portal.reasonText")}<textarea name="reasonText" maxlength="500" rows="3"></textarea></label>
<button type="submit">${t("portal.continue")}</button></form>
<p><a href="${context.link("/subscriptions")}">${t("portal.keep")}</a></p>`,
  );
}

export function cancelOffersPage(
  context: PortalContext,
  subscription: PortalSubscription,
  offers: SaveOffer[],
  reason: string,
  reasonText: string,
): string {
  const { t } = translator(context.locale);
  const base = `${hidden("token", context.token)}${hidden("reason", reason)}${hidden("reasonText", reasonText)}`;
  const action = context.link(`/subscriptions/${escapeText(subscription.id)}/cancel`);
  const offerForm = (offer: SaveOffer): string => {
    const fields = `${base}${hidden("step", "accept")}${hidden("offer", offer.kind)}`;
    switch (offer.kind) {
      case "pause":
        return `<form method="post" action="${action}">${fields}<button type="submit">${t("portal.offers.pause", { count: offer.months })}</button></form>`;
      case "skip":
        return `<form method="post" action="${action}">${fields}<button type="submit">${t("portal.offers.skip")}</button></form>`;
      case "discount":
        return `<form method="post" action="${action}">${fields}<button type="submit">${t("portal.offers.discount", { percent: offer.percent })}</button></form>`;
      case "freeProduct":
        return `<form method="post" action="${action}">${fields}<button type="submit">${t("portal.offers.freeProduct", { title: offer.title })}</button></form>`;
      case "swap": {
        const current = subscription.items.find((i) => !i.oneTime)?.title;
        return `<form method="post" action="${action}">${fields}<label>${t("portal.swapOfferLabel")}<select name="variantId">${subscription.swapVariants
          .filter((v) => v.title !== current)
          .map((v) => `<option value="${escapeText(v.id)}">${escapeText(v.title)}</option>`)
          .join("")}</select></label><button type="submit">${t("portal.offers.swap")}</button></form>`;
      }
      case "frequency":
        return subscription.plans.length > 1
          ? `<form method="post" action="${action}">${fields}<label>${t("portal.frequencyLabel")}<select name="sellingPlanId">${subscription.plans
              .filter((p) => !p.current)
              .map((p) => `<option value="${escapeText(p.id)}">${escapeText(p.name)}</option>`)
              .join("")}</select></label><button type="submit">${t("portal.offers.frequency")}</button></form>`
          : "";
    }
  };
  const shown = offers.map(offerForm).filter(Boolean);
  return shell(
    t,
    t("portal.offersTitle"),
    `${shown.length ? `<p>${t("portal.offersIntro")}</p><div class="orchard-actions">${shown.join("")}</div>` : ""}
<form method="post" action="${action}">${base}${hidden("step", "decline")}<button type="submit">${t("portal.confirmCancel")}</button></form>`,
  );
}
