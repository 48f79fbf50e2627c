import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RuleForm } from "../components/RuleForm";
import { useTranslation } from "../i18n/use-translation";
import { saveRule } from "../reminders/admin.server";
import { ruleFormFields } from "../reminders/rule-form-data";
import { validateRule, type RuleErrors } from "../reminders/rules";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopCollections } from "../shops/shop-collections.query";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const { collections } = await admin.request(ShopCollections, {});
  return { collections: collections.nodes };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  const fields = ruleFormFields(form);
  const pastBuyers = form.get("pastBuyers") === "on";
  const checked = validateRule(fields);
  if (checked.errors) return { errors: checked.errors as RuleErrors, fields, pastBuyers };
  const saved = await saveRule(shop, null, checked.rule, { pastBuyers });
  if (!saved.ok) return { errors: saved.errors, fields, pastBuyers };
  throw redirect("/app/reminders?saved=1");
};

const BLANK_RULE = { scope: "", targetId: "", title: "", intervalDays: "", leadDays: "0", discountCode: "" };

export default function NewRule() {
  const { collections } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <RuleForm
      // A refused form starts again from what the merchant posted.
      key={JSON.stringify(result?.fields ?? null)}
      title={t("reminders.ruleForm.newTitle")}
      saved={BLANK_RULE}
      initial={result?.fields ?? BLANK_RULE}
      collections={collections}
      errors={result?.errors ?? {}}
      pastBuyers={result?.pastBuyers ?? false}
    />
  );
}
