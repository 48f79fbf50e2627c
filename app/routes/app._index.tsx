import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { TitledCard } from "../components/TitledCard";
import { TitleBar } from "@shopify/app-bridge-react";
import { requireAdmin } from "../shopify/admin-context.server";
import { loadStoreOverview } from "../shops/shops.server";
import { useTranslation } from "../i18n/use-translation";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await requireAdmin(request);
  return { overview: await loadStoreOverview(admin) };
};

export default function Dashboard() {
  const { overview } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("dashboard.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading={t("dashboard.emptyHeading")}
              action={{ content: t("dashboard.emptyAction"), url: "/app/plans" }}
              image="/empty-state.svg"
            >
              <p>{t("dashboard.emptyBody")}</p>
            </EmptyState>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TitledCard title={t("dashboard.storeHeading")}>
              <Text as="p">
                {t("dashboard.storeSummary", { shop: overview.name, currency: overview.currencyCode, timezone: overview.ianaTimezone })}
              </Text>
            </TitledCard>
            <TitledCard title={t("dashboard.catalogueHeading")}>
              <Text as="p">
                {t("dashboard.catalogueSummary", { products: overview.activeProducts, collections: overview.collections })}
              </Text>
            </TitledCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
