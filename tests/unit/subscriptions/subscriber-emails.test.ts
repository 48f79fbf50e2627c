import { describe, expect, it } from "vitest";
import { SUBSCRIBER_EMAIL_KINDS, renderSubscriberEmail, type SubscriberEmailData } from "../../../app/subscriptions/subscriber-emails";

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
});
