import { useMemo } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { CapabilityEmptyPage } from "../components/CapabilityPage";
import { PageTitle } from "../components/PageTitle";
import { useRedirectToast } from "../components/use-redirect-toast";
import { useTranslation } from "../i18n/use-translation";
import { percentText } from "../percent";
import { listPartners } from "../protection/partners.server";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const partners = await listPartners(shop);
  return {
    partners: partners.map((partner) => ({
      id: partner.id,
      name: partner.name,
      share: percentText(partner.revenueShareBasisPoints),
      offers: partner._count.offers,
      statementEmail: partner.statementEmail,
    })),
  };
};

export default function Partners() {
  const { partners } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  useRedirectToast(useMemo(() => ({ saved: t("partners.saved") }), [t]));
  const back = { url: "/app/protection", content: t("protection.title") };

  if (partners.length === 0) {
    return (
      <CapabilityEmptyPage
        title="partners.title"
        heading="partners.emptyHeading"
        body="partners.emptyBody"
        action={{ content: t("partners.create"), url: "/app/protection/partners/new" }}
        back={back}
      />
    );
  }

  return (
    <Page primaryAction={{ content: t("partners.create"), url: "/app/protection/partners/new" }}>
      <PageTitle title={t("partners.title")} back={back} />
      <Layout>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {t("partners.intro")}
          </Text>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: t("partners.columns.name"), plural: t("partners.title") }}
              itemCount={partners.length}
              selectable={false}
              headings={[
                { title: t("partners.columns.name") },
                { title: t("partners.columns.share") },
                { title: t("partners.columns.offers") },
                { title: t("partners.columns.statementEmail") },
                { title: t("partners.statement.title") },
              ]}
            >
              {partners.map((partner, index) => (
                <IndexTable.Row id={partner.id} key={partner.id} position={index}>
                  <IndexTable.Cell>
                    <Link to={`/app/protection/partners/${partner.id}`}>
                      <Text as="span" fontWeight="semibold">
                        {partner.name}
                      </Text>
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{`${partner.share} %`}</IndexTable.Cell>
                  <IndexTable.Cell>{t("partners.offerCount", { count: partner.offers })}</IndexTable.Cell>
                  <IndexTable.Cell>{partner.statementEmail ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Link to={`/app/protection/partners/${partner.id}/statement`}>{t("partners.statement.title")}</Link>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
