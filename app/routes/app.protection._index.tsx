import { useMemo } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { CapabilityEmptyPage } from "../components/CapabilityPage";
import { PageTitle } from "../components/PageTitle";
import { useRedirectToast } from "../components/use-redirect-toast";
import { useTranslation } from "../i18n/use-translation";
import { termMessage } from "../protection/offer";
import { listOffers, offerTerms } from "../protection/offers.server";
import { requireAdmin } from "../requests/admin-context.server";
import { themePlacement } from "../onboarding/onboarding.server";
import { ThemePlacementCard } from "../components/ThemePlacementCard";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAdmin(request);
  const offers = await listOffers(shop);
  return {
    // Only once there is an offer to show: until then there is nothing for the theme to sell.
    placements: offers.some((offer) => offer.status === "active")
      ? await themePlacement(admin, ["protection-offer", "protection-cart"])
      : [],
    offers: offers.map((offer) => {
      const terms = offerTerms(offer);
      return {
        id: offer.id,
        name: offer.name,
        kind: terms.kind,
        partner: offer.partner?.name ?? null,
        status: offer.status,
        termMonths: terms.termMonths,
        bands: terms.bands.length,
      };
    }),
  };
};

export default function Protection() {
  const { offers, placements } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  useRedirectToast(useMemo(() => ({ saved: t("protection.saved"), archived: t("protection.archived") }), [t]));

  const termName = (months: number) => t(...termMessage(months));

  if (offers.length === 0) {
    return (
      <CapabilityEmptyPage
        title="protection.title"
        heading="protection.emptyHeading"
        body="protection.emptyBody"
        action={{ content: t("protection.create"), url: "/app/protection/new" }}
        secondaryActions={[
          { content: t("protection.registrationsLink"), url: "/app/protection/registrations" },
          { content: t("protection.partnersLink"), url: "/app/protection/partners" },
        ]}
      />
    );
  }

  return (
    <Page
      primaryAction={{ content: t("protection.create"), url: "/app/protection/new" }}
      secondaryActions={[
        { content: t("protection.registrationsLink"), url: "/app/protection/registrations" },
        { content: t("protection.partnersLink"), url: "/app/protection/partners" },
      ]}
    >
      <PageTitle title={t("protection.title")} />
      <Layout>
        {placements.length > 0 && (
          <Layout.Section>
            <ThemePlacementCard placements={placements} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: t("protection.columns.name"), plural: t("protection.title") }}
              itemCount={offers.length}
              selectable={false}
              headings={[
                { title: t("protection.columns.name") },
                { title: t("protection.columns.kind") },
                { title: t("protection.columns.partner") },
                { title: t("protection.columns.terms") },
                { title: t("protection.columns.bands") },
                { title: t("protection.columns.status") },
              ]}
            >
              {offers.map((offer, index) => (
                <IndexTable.Row id={offer.id} key={offer.id} position={index}>
                  <IndexTable.Cell>
                    <Link to={`/app/protection/${offer.id}`}>
                      <Text as="span" fontWeight="semibold">
                        {offer.name}
                      </Text>
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{t(`protection.kinds.${offer.kind}`)}</IndexTable.Cell>
                  <IndexTable.Cell>{offer.partner ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>{offer.termMonths.map(termName).join(", ")}</IndexTable.Cell>
                  <IndexTable.Cell>{offer.bands}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={offer.status === "active" ? "success" : undefined}>
                      {t(offer.status === "active" ? "protection.status.active" : "protection.status.archived")}
                    </Badge>
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
