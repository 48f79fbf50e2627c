import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { Modal } from "@shopify/polaris";
import { OfferForm } from "../components/OfferForm";
import { useTranslation } from "../i18n/use-translation";
import { draftFromOffer } from "../protection/offer";
import { parseOfferForm } from "../protection/offer-form-data";
import { archiveOffer, findOffer, offerFormContext, offerTerms, saveOffer } from "../protection/offers.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const offer = await findOffer(shop, params.id ?? "");
  if (!offer) throw new Response("Not found", { status: 404 });
  const draft = draftFromOffer(offerTerms(offer), offer.currencyCode, offer.partnerId);
  return { name: offer.name, status: offer.status, draft, ...(await offerFormContext(admin, draft)) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  if (form.get("intent") === "archive") {
    await archiveOffer(admin, params.id ?? "");
    throw redirect("/app/protection?archived=1");
  }
  const draft = parseOfferForm(form);
  if (!draft) return { formInvalid: true as const, fieldErrors: {}, shopifyErrors: [] };
  const result = await saveOffer(admin, params.id ?? "", draft);
  if (result.ok) throw redirect("/app/protection?saved=1");
  return result;
};

export default function EditOffer() {
  const { name, status, draft, currencyCode, collections, productTitles, partners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <OfferForm
        key={JSON.stringify(draft)}
        title={name}
        initialDraft={draft}
        currencyCode={currencyCode}
        collections={collections}
        productTitles={productTitles}
        partners={partners}
        fieldErrors={result?.fieldErrors ?? {}}
        shopifyErrors={result?.shopifyErrors ?? []}
        formInvalid={Boolean(result && "formInvalid" in result)}
        secondaryActions={
          status === "active" ? [{ content: t("protection.archive"), destructive: true, onAction: () => setConfirming(true) }] : []
        }
      />
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("protection.archiveTitle")}
        primaryAction={{
          content: t("protection.archive"),
          destructive: true,
          onAction: () => {
            setConfirming(false);
            submit({ intent: "archive" }, { method: "post" });
          },
        }}
        secondaryActions={[{ content: t("protection.cancel"), onAction: () => setConfirming(false) }]}
      >
        <Modal.Section>{t("protection.archiveBody")}</Modal.Section>
      </Modal>
    </>
  );
}
