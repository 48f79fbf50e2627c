import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OfferForm } from "../components/OfferForm";
import { useTranslation } from "../i18n/use-translation";
import { emptyOfferDraft } from "../protection/offer";
import { parseOfferForm } from "../protection/offer-form-data";
import { offerFormContext, saveOffer } from "../protection/offers.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const draft = emptyOfferDraft();
  return { draft, ...(await offerFormContext(admin, draft)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const draft = parseOfferForm(await formWithin(request, BODY_LIMITS.adminForm));
  if (!draft) return { formInvalid: true as const, fieldErrors: {}, shopifyErrors: [] };
  const result = await saveOffer(admin, null, draft);
  if (result.ok) throw redirect("/app/protection?saved=1");
  return result;
};

export default function NewOffer() {
  const { draft, currencyCode, collections, productTitles, partners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <OfferForm
      title={t("protection.newTitle")}
      initialDraft={draft}
      currencyCode={currencyCode}
      collections={collections}
      productTitles={productTitles}
      partners={partners}
      fieldErrors={result?.fieldErrors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
      formInvalid={Boolean(result && "formInvalid" in result)}
    />
  );
}
