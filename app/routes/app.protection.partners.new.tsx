import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { PartnerForm } from "../components/PartnerForm";
import { useTranslation } from "../i18n/use-translation";
import { emptyPartnerDraft } from "../protection/partner";
import { partnerFormFields } from "../protection/partner-form-data";
import { savePartner } from "../protection/partners.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const fields = partnerFormFields(await formWithin(request, BODY_LIMITS.adminForm));
  const saved = await savePartner(shop, null, fields);
  if (!saved.ok) return { errors: saved.errors, fields };
  throw redirect("/app/protection/partners?saved=1");
};

export default function NewPartner() {
  const result = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const blank = emptyPartnerDraft(locale);
  return (
    <PartnerForm
      // A refused form starts again from what the merchant posted.
      key={JSON.stringify(result?.fields ?? null)}
      title={t("partners.newTitle")}
      saved={blank}
      initial={result?.fields ?? blank}
      errors={result?.errors ?? {}}
    />
  );
}
