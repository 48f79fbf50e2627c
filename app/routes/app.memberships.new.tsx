import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { blankTier, MembershipForm } from "../components/MembershipForm";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { resolveLocale } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { membershipFormFields } from "../memberships/membership-form-data";
import { createMembership } from "../memberships/memberships.server";
import { requireAdmin } from "../requests/admin-context.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const fields = membershipFormFields(form);
  const result = await createMembership(admin, fields, resolveLocale(String(form.get("locale") ?? "")));
  if (result.ok) throw redirect("/app/memberships?created=1");
  return { errors: result.errors, shopifyErrors: result.shopifyErrors, fields };
};

/** A new membership: its name and its tiers with their prices and perks. */
export default function NewMembership() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const initial = result?.fields ?? { name: "", tiers: [blankTier(), blankTier()] };
  return (
    <MembershipForm
      key={JSON.stringify(initial)}
      initial={initial}
      saved={null}
      errors={result?.errors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
      title={t("memberships.newTitle")}
    />
  );
}
