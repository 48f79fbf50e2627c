import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, Layout, Page } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { PlanForm } from "../components/PlanForm";
import { useTranslation } from "../i18n/use-translation";
import { requireAdmin } from "../requests/admin-context.server";
import { findShop } from "../shops/shops.server";
import { parsePlanForm } from "../subscriptions/plan-form-data";
import { findPlan, loadPlan, searchProducts, updatePlan } from "../subscriptions/plans.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

async function planOf(request: Request, id: string | undefined) {
  const context = await requireAdmin(request);
  // Scoped to the authenticated shop: another shop's plan id is simply not found.
  const plan = await findPlan(context.shop, id ?? "");
  if (!plan) throw new Response("Not Found", { status: 404 });
  return { ...context, plan };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, shop, plan } = await planOf(request, params.id);
  const currencyCode = (await findShop(shop))?.currencyCode ?? "USD";
  // A deleted plan's page only says so: nothing to load, nothing to search.
  if (plan.status !== "active") return { name: plan.name, currencyCode, loaded: null, initialSearch: [] };
  const [loaded, initialSearch] = await Promise.all([loadPlan(admin, plan), searchProducts(admin, "")]);
  return { name: plan.name, currencyCode, loaded, initialSearch };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, plan } = await planOf(request, params.id);
  const form = parsePlanForm(await formWithin(request, BODY_LIMITS.adminForm));
  if (!form) return { formInvalid: true, fieldErrors: {}, shopifyErrors: [] };
  const result = await updatePlan(admin, plan.shopifyGroupId, form.draft, form.attachments);
  if (result.ok) throw redirect("/app/plans?saved=1");
  return result;
};

export default function EditPlan() {
  const { name, currencyCode, loaded, initialSearch } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!loaded) {
    return (
      <Page>
        <PageTitle title={name} back={{ url: "/app/plans", content: t("plans.title") }} />
        <Layout>
          <Layout.Section>
            <Banner tone="warning">{t("plans.notFound")}</Banner>
          </Layout.Section>
        </Layout>
      </Page>
    );
  }
  return (
    <PlanForm
      title={name}
      initialDraft={loaded.draft}
      initialProducts={loaded.products}
      initialSearch={initialSearch}
      initialVariants={loaded.variants}
      deletedProducts={loaded.deletedProducts}
      currencyCode={currencyCode}
      fieldErrors={result?.fieldErrors ?? {}}
      shopifyErrors={result?.shopifyErrors ?? []}
      formInvalid={Boolean(result && "formInvalid" in result)}
    />
  );
}
