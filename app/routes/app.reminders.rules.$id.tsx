import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { Modal } from "@shopify/polaris";
import { RuleForm } from "../components/RuleForm";
import { useTranslation } from "../i18n/use-translation";
import { deleteRule, findRule, saveRule } from "../reminders/admin.server";
import { ruleFormFields } from "../reminders/rule-form-data";
import { validateRule, type RuleErrors } from "../reminders/rules";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopCollections } from "../shops/shop-collections.query";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

/** The shop's rule the URL names; another shop's, or none, is 404. */
async function ruleOf(shop: string, id: string | undefined) {
  const rule = await findRule(shop, id ?? "");
  if (!rule) throw new Response("Not Found", { status: 404 });
  return rule;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const rule = await ruleOf(shop, params.id);
  const { collections } = await admin.request(ShopCollections, {});
  return {
    collections: collections.nodes,
    fields: {
      scope: rule.scope,
      targetId: rule.targetId,
      title: rule.title,
      intervalDays: String(rule.intervalDays),
      leadDays: String(rule.leadDays),
      discountCode: rule.discountCode ?? "",
    },
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const { id } = await ruleOf(shop, params.id);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  if (form.get("intent") === "delete") {
    await deleteRule(shop, id);
    throw redirect("/app/reminders?deleted=1");
  }
  const fields = ruleFormFields(form);
  const checked = validateRule(fields);
  if (checked.errors) return { errors: checked.errors as RuleErrors, fields };
  const saved = await saveRule(shop, id, checked.rule);
  if (!saved.ok) return { errors: saved.errors, fields };
  throw redirect("/app/reminders?saved=1");
};

export default function EditRule() {
  const { collections, fields } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const submit = useSubmit();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <RuleForm
        key={JSON.stringify(result?.fields ?? fields)}
        title={fields.title}
        saved={fields}
        initial={result?.fields ?? fields}
        collections={collections}
        errors={result?.errors ?? {}}
        onDelete={() => setConfirming(true)}
      />
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("reminders.ruleForm.deleteTitle")}
        primaryAction={{
          content: t("reminders.ruleForm.delete"),
          destructive: true,
          onAction: () => {
            setConfirming(false);
            submit({ intent: "delete" }, { method: "post" });
          },
        }}
        secondaryActions={[{ content: t("reminders.ruleForm.cancel"), onAction: () => setConfirming(false) }]}
      >
        <Modal.Section>{t("reminders.ruleForm.deleteBody")}</Modal.Section>
      </Modal>
    </>
  );
}
