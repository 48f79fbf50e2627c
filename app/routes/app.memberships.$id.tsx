import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MembershipForm } from "../components/MembershipForm";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";
import { resolveLocale } from "../i18n/i18n";
import { membershipFormFields } from "../memberships/membership-form-data";
import { membershipDraft, updateMembership } from "../memberships/memberships.server";
import { requireAdmin } from "../requests/admin-context.server";

const notFound = () => new Response("Not Found", { status: 404 });

/** The shop's membership the URL names, as its form starts; another shop's, or none, is 404. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const draft = await membershipDraft(shop, params.id ?? "");
  if (!draft) throw notFound();
  return { draft };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const fields = membershipFormFields(form);
  const result = await updateMembership(admin, params.id ?? "", fields, resolveLocale(String(form.get("locale") ?? "")));
  if (result.ok) throw redirect("/app/memberships?saved=1");
  if ("notFound" in result) throw notFound();
  return { errors: result.errors, shopifyErrors: result.shopifyErrors, fields };
};

/** An existing membership: its name, and its tiers' names, prices for new members and perks. */
export default function EditMembership() {
  const { draft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const initial = result?.fields ?? draft;
  return (
    <MembershipForm
      key={JSON.stringify(initial)}
      initial={initial}
      saved={draft}
      errors={result?.errors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
      title={draft.name}
    />
  );
}
