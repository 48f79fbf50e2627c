import { translate, type Messages } from "../i18n/i18n";
import { formatMoneyMinor } from "../money";
import { parseMoney, parsePercentage, type Adjustment, type FrequencyDraft, type Interval } from "./plan-draft";

/**
 * What shoppers read about a frequency ("Deliver every 2 weeks · Save 10%"), in one language.
 * Used for the selling plan names sent to Shopify, their translations, and the admin's preview.
 */
export function intervalText(messages: Messages, interval: Interval, count: number): string {
  return translate(messages, "planText.interval", { unit: interval, count });
}

function adjustmentText(adjustment: Adjustment, currencyCode: string, locale: string): string {
  if (adjustment.type === "PERCENTAGE") {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
      (parsePercentage(adjustment.value) ?? 0) / 10_000,
    );
  }
  return formatMoneyMinor(parseMoney(adjustment.value) ?? 0, currencyCode, locale);
}

function priceText(messages: Messages, adjustment: Adjustment, currencyCode: string, locale: string): string | null {
  if (adjustment.type === "PRICE")
    return translate(messages, "planText.fixedPrice", { price: adjustmentText(adjustment, currencyCode, locale) });
  const zero = adjustment.type === "PERCENTAGE" ? parsePercentage(adjustment.value) === 0 : parseMoney(adjustment.value) === 0;
  return zero ? null : translate(messages, "planText.save", { discount: adjustmentText(adjustment, currencyCode, locale) });
}

/** "on Monday" for a weekly anchor, "on day 15" for a monthly one. */
export function anchorText(messages: Messages, frequency: FrequencyDraft, locale: string): string {
  if (frequency.interval === "WEEK") {
    // 2024-01-01 was a Monday: ISO weekday n falls n - 1 days later.
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, frequency.anchorDay ?? 1)),
    );
    return translate(messages, "planText.onWeekday", { weekday });
  }
  return translate(messages, "planText.onMonthDay", { day: frequency.anchorDay ?? 1 });
}

export function frequencyName(messages: Messages, frequency: FrequencyDraft, currencyCode: string, locale: string): string {
  const every = translate(messages, "planText.deliverEvery", { unit: frequency.interval, count: frequency.intervalCount });
  const parts = [frequency.anchorDay === null ? every : `${every} ${anchorText(messages, frequency, locale)}`];
  if (frequency.deliveriesPerBilling > 1)
    parts.push(translate(messages, "planText.prepaid", { deliveries: frequency.deliveriesPerBilling }));
  if (frequency.intro) {
    const discount = adjustmentText(frequency.intro.discount, currencyCode, locale);
    parts.push(translate(messages, "planText.intro", { discount, orders: frequency.intro.orders }));
  }
  const price = priceText(messages, frequency.discount, currencyCode, locale);
  if (price) parts.push(price);
  return parts.join(" · ");
}

/** The frequency's value of the plan's option ("2 weeks", "month ×3"): unique within a plan. */
export function frequencyOption(messages: Messages, frequency: FrequencyDraft): string {
  const interval = intervalText(messages, frequency.interval, frequency.intervalCount);
  return frequency.deliveriesPerBilling > 1 ? `${interval} ×${frequency.deliveriesPerBilling}` : interval;
}
