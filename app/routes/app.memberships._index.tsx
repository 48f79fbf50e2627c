import { useMemo } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { CapabilityEmptyPage } from "../components/CapabilityPage";
import { LabelledDataTable } from "../components/LabelledDataTable";
import { PageTitle } from "../components/PageTitle";
import { TitledCard } from "../components/TitledCard";
import { useRedirectToast } from "../components/use-redirect-toast";
import { useTranslation } from "../i18n/use-translation";
import { listMemberships } from "../memberships/memberships.server";
import { formatMoneyMinor } from "../money";
import { percentText } from "../percent";
import { requireAdmin } from "../requests/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const memberships = await listMemberships(shop);
  return {
    memberships: memberships.map((membership) => ({
      id: membership.id,
      name: membership.name,
      tiers: membership.tiers.map((tier) => ({
        id: tier.id,
        name: tier.name,
        priceMinor: tier.priceMinor,
        currencyCode: tier.currencyCode,
        interval: tier.interval,
        discount: tier.discountBasisPoints > 0 ? `${percentText(tier.discountBasisPoints)} %` : null,
        subscriptionDiscount: tier.subscriptionDiscountPercent > 0 ? `${tier.subscriptionDiscountPercent} %` : null,
        tag: tier.customerTag || null,
        members: tier.members,
        mrrMinor: tier.mrrMinor,
      })),
    })),
  };
};

/** The shop's memberships: each tier's price, perk, members now and the MRR they bring. */
export default function Memberships() {
  const { memberships } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  useRedirectToast(useMemo(() => ({ created: t("memberships.created"), saved: t("memberships.saved") }), [t]));
  const create = { content: t("memberships.create"), url: "/app/memberships/new" };
  if (memberships.length === 0) {
    return (
      <CapabilityEmptyPage title="memberships.title" heading="memberships.emptyHeading" body="memberships.emptyBody" action={create} />
    );
  }
  return (
    <Page primaryAction={create}>
      <PageTitle title={t("memberships.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {memberships.map((membership) => (
              <TitledCard
                key={membership.id}
                title={membership.name}
                action={{
                  content: t("memberships.edit"),
                  url: `/app/memberships/${membership.id}`,
                  accessibilityLabel: t("memberships.editNamed", { name: membership.name }),
                }}
              >
                <LabelledDataTable
                  label={membership.name}
                  columnContentTypes={["text", "text", "text", "text", "text", "numeric", "numeric"]}
                  headings={(["tier", "price", "perk", "subscriptionPerk", "tag", "members", "mrr"] as const).map((column) =>
                    t(`memberships.columns.${column}`),
                  )}
                  rows={membership.tiers.map((tier) => [
                    tier.name,
                    t("memberships.perInterval", {
                      price: formatMoneyMinor(tier.priceMinor, tier.currencyCode, locale),
                      interval: tier.interval,
                    }),
                    tier.discount ?? t("memberships.noPerk"),
                    tier.subscriptionDiscount ?? t("memberships.noPerk"),
                    tier.tag ?? t("memberships.noPerk"),
                    tier.members,
                    formatMoneyMinor(tier.mrrMinor, tier.currencyCode, locale),
                  ])}
                />
              </TitledCard>
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
