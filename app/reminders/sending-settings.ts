/** The merchant's sending settings as posted, checked: an hour of the day and a conversion window in days. */
export const WINDOW_DAYS = { min: 1, max: 90 } as const;

export type SendingSettingsErrors = Partial<Record<"sendHour" | "conversionWindowDays", "hour" | "windowRange">>;

export function parseSendingSettings(
  form: FormData,
): { ok: true; settings: { sendHour: number; conversionWindowDays: number } } | { ok: false; errors: SendingSettingsErrors } {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const hour = /^\d{1,2}$/.test(text("sendHour")) ? Number(text("sendHour")) : -1;
  const days = /^\d{1,3}$/.test(text("conversionWindowDays")) ? Number(text("conversionWindowDays")) : -1;
  const errors: SendingSettingsErrors = {};
  if (hour < 0 || hour > 23) errors.sendHour = "hour";
  if (days < WINDOW_DAYS.min || days > WINDOW_DAYS.max) errors.conversionWindowDays = "windowRange";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { sendHour: hour, conversionWindowDays: days } };
}
