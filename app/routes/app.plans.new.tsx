import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PlanForm } from "../components/PlanForm";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { emptyDraft, parsePlanForm, suggestedDraft } from "../subscriptions/plan-form-data";
import { suggestedPlanProducts } from "../onboarding/onboarding.server";
import { createPlan, searchProducts } from "../subscriptions/plans.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  const [currencyCode, initialSearch] = await Promise.all([
    findShop(shop).then((row) => row?.currencyCode ?? "USD"),
    searchProducts(admin, ""),
  ]);
  // The setup guide's suggestion: every 2, 4 or 8 weeks at 10 % off, on the products bought again.
  if (new URL(request.url).searchParams.get("suggested") !== "1")
    return { currencyCode, initialSearch, draft: emptyDraft(), products: [], suggested: null };
  const products = await suggestedPlanProducts(admin);
  return {
    currencyCode,
    initialSearch,
    draft: suggestedDraft(),
    products: products.map((p) => ({ id: p.id, title: p.title, status: "ACTIVE" })),
    suggested: { names: products.map((p) => p.title) },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  const form = parsePlanForm(await formWithin(request, BODY_LIMITS.adminForm));
  if (!form) return { formInvalid: true, fieldErrors: {}, shopifyErrors: [] };
  const result = await createPlan(admin, form.draft, form.attachments);
  if (result.ok) throw redirect("/app/plans?saved=1");
  return result;
};

export default function NewPlan() {
  const { currencyCode, initialSearch, draft, products, suggested } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <PlanForm
      title={t("plans.newTitle")}
      initialDraft={draft}
      initialProducts={products}
      initialSearch={initialSearch}
      initialVariants={[]}
      deletedProducts={[]}
      currencyCode={currencyCode}
      fieldErrors={result?.fieldErrors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
      formInvalid={Boolean(result && "formInvalid" in result)}
      notice={
        suggested
          ? suggested.names.length
            ? t("plans.suggestedFrom", { products: suggested.names.join(", ") })
            : t("plans.suggestedNoHistory")
          : undefined
      }
    />
  );
}
