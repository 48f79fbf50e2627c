import { describe, expect, it } from "vitest";
import { parseSendingSettings } from "../../../app/reminders/sending-settings";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the sending settings", () => {
  it("take an hour of the day and a window of 1 to 90 days", () => {
    expect(parseSendingSettings(form({ sendHour: "9", conversionWindowDays: "30" }))).toEqual({
      ok: true,
      settings: { sendHour: 9, conversionWindowDays: 30 },
    });
  });

  it("refuse anything else, field by field", () => {
    expect(parseSendingSettings(form({ sendHour: "24", conversionWindowDays: "0" }))).toEqual({
      ok: false,
      errors: { sendHour: "hour", conversionWindowDays: "windowRange" },
    });
    expect(parseSendingSettings(form({ sendHour: "nine", conversionWindowDays: "7.5" }))).toEqual({
      ok: false,
      errors: { sendHour: "hour", conversionWindowDays: "windowRange" },
    });
  });
});
