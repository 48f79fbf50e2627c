import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PartnerForm } from "../components/PartnerForm";
import { useTranslation } from "../i18n/use-translation";
import { draftFromPartner } from "../protection/partner";
import { partnerFormFields } from "../protection/partner-form-data";
import { findPartner, savePartner } from "../protection/partners.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

/** The shop's partner the URL names; another shop's, or none, is 404. */
async function partnerOf(shop: string, id: string | undefined) {
  const partner = await findPartner(shop, id ?? "");
  if (!partner) throw new Response("Not Found", { status: 404 });
  return partner;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const partner = await partnerOf(shop, params.id);
  return { id: partner.id, name: partner.name, fields: draftFromPartner(partner) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { id } = await partnerOf(shop, params.id);
  const fields = partnerFormFields(await formWithin(request, BODY_LIMITS.adminForm));
  const saved = await savePartner(shop, id, fields);
  if (!saved.ok) return { errors: saved.errors, fields };
  throw redirect("/app/protection/partners?saved=1");
};

export default function EditPartner() {
  const { id, name, fields } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <PartnerForm
      key={JSON.stringify(result?.fields ?? fields)}
      title={name}
      saved={fields}
      initial={result?.fields ?? fields}
      errors={result?.errors ?? {}}
      secondaryActions={[{ content: t("partners.statement.title"), url: `/app/protection/partners/${id}/statement` }]}
    />
  );
}
