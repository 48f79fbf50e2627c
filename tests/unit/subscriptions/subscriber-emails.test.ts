import { describe, expect, it } from "vitest";
import {
  defaultSubscriberTemplate,
  EDITABLE_EMAIL_KINDS,
  storedEmailTemplates,
  SUBSCRIBER_EMAIL_KINDS,
  validateSubscriberTemplate,
  SUBSCRIPTION_CHANGES,
  renderSubscriberEmail,
  type SubscriberEmailData,
} from "../../../app/subscriptions/subscriber-emails";

const data: SubscriberEmailData = {
  shopName: "Bean & Leaf <Co>",
  customerName: "Alex",
  items: [{ title: "House Blend – 250 g", quantity: 2 }],
  date: "2026-12-01T14:00:00.000Z",
  timeZone: "America/New_York",
  manageUrl: "https://bean.myshopify.com/apps/orchard/subscriptions",
};

describe("subscriber emails", () => {
  it.each(SUBSCRIBER_EMAIL_KINDS)("%s renders in English with the items, the date in the shop's zone and a link to manage", (kind) => {
    const email = renderSubscriberEmail(kind, "en-US", data);
    expect(email.subject).toContain("Bean & Leaf <Co>");
    expect(email.text).toContain("Hi Alex,");
    expect(email.text).toContain("House Blend – 250 g × 2");
    expect(email.text).toContain(data.manageUrl);
    expect(email.html).toContain('href="https://bean.myshopify.com/apps/orchard/subscriptions"');
  });

  it("escapes what the shop and its products are called", () => {
    const email = renderSubscriberEmail("confirmation", "en", data);
    expect(email.html).toContain("Bean &amp; Leaf &lt;Co&gt;");
    expect(email.html).not.toContain("<Co>");
  });

  it("speaks the customer's language, and English when Orchard does not speak theirs", () => {
    expect(renderSubscriberEmail("upcoming", "fr-CA", data).subject).toBe(
      "Votre prochaine commande Bean & Leaf <Co> aura lieu le 1 décembre 2026",
    );
    expect(renderSubscriberEmail("upcoming", "tlh", data).subject).toBe("Your next Bean & Leaf <Co> order is on December 1, 2026");
  });

  it("says when a pause ends, if it does", () => {
    expect(renderSubscriberEmail("paused", "en", data).text).toContain("It will resume by itself on December 1, 2026.");
    expect(renderSubscriberEmail("paused", "en", { ...data, date: null }).text).not.toContain("resume by itself");
  });

  it("counts the orders missed with the language's plural rules, and gives the next date", () => {
    const one = renderSubscriberEmail("missedSkipped", "en", { ...data, missedOrders: 1 }).text;
    expect(one).toContain("the order due on your subscription during that time was not sent, and you were not charged for it.");
    expect(one).toContain("None of them was charged. Your next order is on December 1, 2026.");
    expect(renderSubscriberEmail("missedCharged", "en", { ...data, missedOrders: 3 }).text).toContain(
      "3 orders due on your subscription during that time were not sent, and you were not charged for them. Of those orders, only the latest has been charged",
    );
    expect(renderSubscriberEmail("missedCharged", "fr", { ...data, missedOrders: 1 }).text).toContain(
      "la commande prévue pendant cette période",
    );
    expect(renderSubscriberEmail("missedCharged", "fr", { ...data, missedOrders: 2 }).text).toContain(
      "2 commandes prévues pendant cette période",
    );
  });

  it("gives the next order's day and amount, in the customer's language and the shop's currency", () => {
    const withNext = { ...data, nextOrder: { date: "2026-12-15T14:00:00.000Z", amountMinor: 2_398, currencyCode: "EUR" } };
    const english = renderSubscriberEmail("upcoming", "en", withNext);
    expect(english.text).toContain("Next order: December 15, 2026 · €23.98");
    expect(english.html).toContain("<strong>Next order: December 15, 2026 · €23.98</strong>");
    expect(renderSubscriberEmail("upcoming", "fr", withNext).text).toContain("Prochaine commande : 15 décembre 2026 · 23,98\u00a0€");
    expect(renderSubscriberEmail("upcoming", "en", data).text).not.toContain("Next order:");
  });

  it.each(SUBSCRIPTION_CHANGES)("confirms a change (%s) in a sentence of its own, in English and French", (change) => {
    const english = renderSubscriberEmail("changed", "en", { ...data, change });
    const french = renderSubscriberEmail("changed", "fr", { ...data, change });
    expect(english.subject).toBe("Your Bean & Leaf <Co> subscription is updated");
    expect(french.subject).toBe("Votre abonnement Bean & Leaf <Co> est modifié");
    const sentence = (text: string) => text.split("\n")[2]!;
    expect(sentence(english.text)).not.toBe(
      sentence(renderSubscriberEmail("changed", "en", { ...data, change: change === "unskip" ? "skipAhead" : "unskip" }).text),
    );
    if (change === "skipAhead") expect(english.text).toContain("The order of December 1, 2026 is skipped");
    expect(sentence(french.text)).not.toMatch(/emails\./);
  });

  it("says what the merchant wrote, with its variables filled and escaped, and Orchard's items and link after", () => {
    const template = { subject: "{name}, {shop} ships on {date}", body: "See you on {date}! <b>{unknown}</b>" };
    const email = renderSubscriberEmail("upcoming", "en", { ...data, template });
    expect(email.subject).toBe("Alex, Bean & Leaf <Co> ships on December 1, 2026");
    expect(email.text).toContain("See you on December 1, 2026! <b>{unknown}</b>");
    expect(email.html).toContain("See you on December 1, 2026! &lt;b&gt;");
    expect(email.text).toContain("House Blend – 250 g × 2");
    expect(email.text).toContain(data.manageUrl);
  });

  it("checks a template: both fields, not too long, only the kind's variables", () => {
    expect(validateSubscriberTemplate("upcoming", { subject: "On {date}", body: "Hi {name} from {shop}" })).toEqual({});
    expect(validateSubscriberTemplate("upcoming", { subject: " ", body: "x".repeat(2001) })).toEqual({
      subject: "required",
      body: "tooLong",
    });
    expect(validateSubscriberTemplate("upcoming", { subject: "{missed}", body: "{price}" })).toEqual({
      subject: "unknownVariable",
      body: "unknownVariable",
    });
    expect(validateSubscriberTemplate("missedSkipped", { subject: "Missed", body: "{missed}" })).toEqual({});
  });

  it.each(EDITABLE_EMAIL_KINDS)("starts %s's editor from Orchard's wording, which passes its own check", (kind) => {
    for (const locale of ["en", "fr"] as const)
      expect(validateSubscriberTemplate(kind, defaultSubscriberTemplate(kind, locale))).toEqual({});
  });

  it("reads stored templates defensively", () => {
    expect(storedEmailTemplates("nonsense")).toEqual({});
    expect(
      storedEmailTemplates(
        JSON.stringify({ upcoming: { en: { subject: "S", body: "B" }, xx: { subject: "S", body: "B" }, fr: { subject: 1 } }, changed: {} }),
      ),
    ).toEqual({ upcoming: { en: { subject: "S", body: "B" } } });
  });
});
