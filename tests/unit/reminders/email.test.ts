import { describe, expect, it } from "vitest";
import { defaultTemplate, renderReminderEmail, templateFor, validateTemplate } from "../../../app/reminders/email";
import { sampleReminder } from "../../../app/reminders/template-form";

describe("the reminder email", () => {
  it("fills the merchant's variables, escapes them in HTML, and offers one-click unsubscribe", () => {
    const data = { ...sampleReminder("en", defaultTemplate("en"), "Bean & Leaf"), productTitle: "<Beans>" };
    const email = renderReminderEmail(data);
    expect(email.subject).toBe("Running low on <Beans>?");
    expect(email.html).toContain("&lt;Beans&gt;");
    expect(email.html).not.toContain("<Beans>");
    expect(email.text).toContain("Reorder now: https://example.com/reorder");
    expect(email.text).toContain("Subscribe instead and save 10 %: https://example.com/subscribe");
    expect(email.text).toContain("WELCOMEBACK");
    expect(email.headers).toEqual({
      "List-Unsubscribe": "<https://example.com/unsubscribe>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("speaks the customer's language, with the merchant's wording where they wrote one", () => {
    const custom = {
      subject: "Encore du {product} ?",
      heading: "Bonjour {name}",
      body: "Votre {product} arrive à sa fin.",
      button: "Commander",
    };
    expect(renderReminderEmail(sampleReminder("fr-CA", templateFor({}, "fr-CA"), "Shop")).subject).toBe(
      "Bientôt à court de House Blend Coffee Beans – 250 g ?",
    );
    expect(renderReminderEmail(sampleReminder("fr", templateFor({ fr: custom }, "fr"), "Shop")).text).toContain(
      "Commander: https://example.com/reorder",
    );
    expect(templateFor({ fr: custom }, "de")).toEqual(defaultTemplate("en"));
  });

  it("refuses empty fields, long fields and unknown variables", () => {
    expect(validateTemplate({ subject: "", heading: "x".repeat(151), body: "Hi {nme}", button: "Go" })).toEqual({
      subject: "required",
      heading: "tooLong",
      body: "unknownVariable",
    });
    expect(validateTemplate(defaultTemplate("fr"))).toEqual({});
  });
});
