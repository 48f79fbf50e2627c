import { useState } from "react";
import { Select } from "@shopify/polaris";
import { FormTextField } from "./FormControls";
import { useTranslation } from "../i18n/use-translation";
import { CANCELLATION_REASONS } from "../subscriptions/contract-actions";

/** Why the merchant cancels: one of the fixed reasons and, if they wish, their own words (fields `reason`, `reasonText`). */
export function CancellationReasonFields() {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string>(CANCELLATION_REASONS[0]);
  return (
    <>
      <Select
        label={t("subscriptions.actions.reasonLabel")}
        name="reason"
        options={CANCELLATION_REASONS.map((r) => ({ label: t(`subscriptions.reasons.${r}`), value: r }))}
        value={reason}
        onChange={setReason}
      />
      <FormTextField
        label={t("subscriptions.actions.reasonTextLabel")}
        name="reasonText"
        autoComplete="off"
        multiline={2}
        maxLength={500}
      />
    </>
  );
}
