import { z } from "zod";
import { db } from "../db.server";
import type { ReminderTemplate } from "./email";

/** A shop's reminder settings; a shop that never saved any has the defaults. */
export interface ReminderSettings {
  paused: boolean;
  sendHour: number;
  conversionWindowDays: number;
  templates: Partial<Record<string, ReminderTemplate>>;
}

const storedTemplates = z.record(z.object({ subject: z.string(), heading: z.string(), body: z.string(), button: z.string() }));

export async function reminderSettings(shop: string): Promise<ReminderSettings> {
  const row = await db().reminderSettings.findUnique({ where: { shop } });
  const templates = storedTemplates.safeParse(JSON.parse(row?.templates ?? "{}"));
  return {
    paused: row?.paused ?? false,
    sendHour: row?.sendHour ?? 10,
    conversionWindowDays: row?.conversionWindowDays ?? 14,
    templates: templates.success ? templates.data : {},
  };
}

export async function saveReminderSettings(
  shop: string,
  changes: Partial<Omit<ReminderSettings, "templates">> & { template?: { locale: string; template: ReminderTemplate | null } },
): Promise<void> {
  const { template, ...fields } = changes;
  await db().$transaction(async (tx) => {
    const current = await tx.reminderSettings.findUnique({ where: { shop } });
    const templates = storedTemplates.safeParse(JSON.parse(current?.templates ?? "{}"));
    const next = templates.success ? templates.data : {};
    if (template) {
      if (template.template) next[template.locale] = template.template;
      else delete next[template.locale];
    }
    const data = { ...fields, templates: JSON.stringify(next) };
    await tx.reminderSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  });
}
