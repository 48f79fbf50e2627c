import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, DescriptionList, Layout, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { requireAdmin } from "../shopify/admin-context.server";
import { findShop } from "../shops/shops.server";
import { useTranslation } from "../i18n/use-translation";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const record = await findShop(shop);
  if (!record) throw new Response("Not Found", { status: 404 });
  return {
    timezone: record.ianaTimezone,
    currency: record.currencyCode,
    installedAt: record.installedAt.toISOString(),
    scopes: record.scopes ?? "",
  };
};

export default function Settings() {
  const shop = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const installed = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: shop.timezone }).format(new Date(shop.installedAt));
  return (
    <Page>
      <TitleBar title={t("settings.title")} />
      <Layout>
        <Layout.AnnotatedSection title={t("settings.storeHeading")}>
          <Card>
            <DescriptionList
              items={[
                { term: t("settings.timezone"), description: shop.timezone },
                { term: t("settings.currency"), description: shop.currency },
                { term: t("settings.installed"), description: installed },
                { term: t("settings.scopes"), description: shop.scopes.split(",").join(", ") },
              ]}
            />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
