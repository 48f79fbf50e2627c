import { useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, FormLayout, Layout, List, Page, Select, Text } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { clock } from "../clock";
import { CapabilityEmptyPage } from "../components/CapabilityPage";
import { FormTextField } from "../components/FormControls";
import { MoneyChart } from "../components/MoneyChart";
import { TitledCard } from "../components/TitledCard";
import {
  AddOnWhatIf,
  DEFAULT_ELASTICITY,
  formatPercent,
  LeverForm,
  ProjectionTable,
  ReferralWhatIf,
  TierWhatIf,
} from "../components/WhatIfLevers";
import { messagesByLocale } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { rateValue } from "../retention/rates";
import { whatIfPage } from "../retention/what-if.server";
import { requireAdmin } from "../requests/admin-context.server";
import { shopHasFeature } from "../app-billing/app-billing.server";
import { frequencyName } from "../subscriptions/plan-text";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  // A Growth feature: on Free nothing is computed or sent, whatever the screen asks for.
  if (!(await shopHasFeature(shop, "whatIfPricing"))) return { locked: true as const };
  const params = new URL(request.url).searchParams;
  const discount = params.get("discount");
  const addOnPrice = params.get("addOnPrice");
  const tierPrice = params.get("tierPrice");
  const referralCredit = params.get("referralCredit");
  const page = await whatIfPage(
    admin,
    {
      planId: params.get("plan"),
      frequencyId: params.get("frequency"),
      fields: discount === null ? null : { discount, elasticity: params.get("elasticity") ?? "" },
      addOnFields: addOnPrice === null ? null : { priceChange: addOnPrice, elasticity: params.get("addOnElasticity") ?? "" },
      tierId: params.get("tier"),
      tierFields: tierPrice === null ? null : { price: tierPrice, elasticity: params.get("tierElasticity") ?? "" },
      referralFields: referralCredit === null ? null : { credit: referralCredit, elasticity: params.get("referralElasticity") ?? "" },
    },
    clock().now(),
  );
  return { locked: false as const, ...page };
};

export default function WhatIfPricingPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (page.locked)
    return (
      <CapabilityEmptyPage
        title="whatIf.title"
        heading="whatIf.lockedHeading"
        body="whatIf.lockedBody"
        action={{ content: t("whatIf.lockedAction"), url: "/app/plan" }}
      />
    );
  return <WhatIfPricing page={page} />;
}

type WhatIfData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { locked: false }>;

function WhatIfPricing({ page }: { page: WhatIfData }) {
  const { t, locale } = useTranslation();
  const { history, projection } = page;
  const money = (minor: number) => formatMoneyMinor(minor, history?.currencyCode ?? "USD", locale);

  if (page.plans.length === 0 && page.addOns.history.soldUnits === 0 && page.tier.tiers.length === 0) {
    return (
      <CapabilityEmptyPage
        title="whatIf.title"
        heading="whatIf.emptyHeading"
        body="whatIf.emptyBody"
        action={{ content: t("whatIf.emptyAction"), url: "/app/plans/new" }}
      />
    );
  }

  return (
    <Page>
      <PageTitle title={t("whatIf.title")} back={{ url: "/app", content: t("dashboard.title") }} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t("whatIf.intro")}</Text>
            {page.plans.length > 0 && (
              <Card>
                {/* Keyed by what the page answered: a new answer starts the form from it. */}
                <QuestionForm key={`${page.planId}:${page.frequencyId}`} page={page} />
              </Card>
            )}
            {history && history.subscribers === 0 && history.newMrrPerMonthMinor === 0 ? (
              <Card>
                <EmptyState heading={t("whatIf.nothingHeading")} image="/empty-state.svg">
                  <p>{t("whatIf.nothingBody", { months: page.historyMonths })}</p>
                </EmptyState>
              </Card>
            ) : null}
            {projection && history && (history.subscribers > 0 || history.newMrrPerMonthMinor > 0) && (
              <TitledCard title={t("whatIf.projectionHeading")}>
                <Banner tone="info">{t("whatIf.projectionBanner")}</Banner>
                <MoneyChart
                  type="lines"
                  label={t("whatIf.chart")}
                  months={projection.map((m) => t("whatIf.monthNumber", { count: m.month }))}
                  series={[
                    { name: t("whatIf.baseline"), values: projection.map((m) => m.baselineMrr) },
                    { name: t("whatIf.projected"), values: projection.map((m) => m.projectedMrr) },
                  ]}
                  formatMoney={money}
                />
                <ProjectionTable
                  label={t("whatIf.projectionHeading")}
                  baseline={t("whatIf.baseline")}
                  projected={t("whatIf.projected")}
                  months={projection.map((m) => ({ month: m.month, baseline: m.baselineMrr, projected: m.projectedMrr }))}
                  money={money}
                />
              </TitledCard>
            )}
            <AddOnWhatIf page={page.addOns} historyMonths={page.historyMonths} />
            <TierWhatIf page={page.tier} historyMonths={page.historyMonths} />
            <ReferralWhatIf page={page.referrals} historyMonths={page.historyMonths} />
          </BlockStack>
        </Layout.Section>
        {history && (
          <Layout.Section variant="oneThird">
            <TitledCard title={t("whatIf.assumptionsHeading")}>
              <List>
                <List.Item>
                  {t("whatIf.assumptionSubscribers", { subscribers: history.subscribers, mrr: money(history.currentMrrMinor) })}
                </List.Item>
                <List.Item>{t("whatIf.assumptionNew", { months: page.historyMonths, mrr: money(history.newMrrPerMonthMinor) })}</List.Item>
                <List.Item>
                  {t("whatIf.assumptionChurn", {
                    months: page.historyMonths,
                    churn: formatPercent(rateValue(history.monthlyChurn) ?? 0, locale),
                  })}
                </List.Item>
              </List>
            </TitledCard>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

/** The question: which plan and frequency, the new discount and the elasticity; sent as a GET. */
function QuestionForm({ page }: { page: WhatIfData }) {
  const { t, locale } = useTranslation();
  const [planId, setPlanId] = useState(page.planId ?? "");
  const [frequencyId, setFrequencyId] = useState(page.frequencyId ?? "");
  const frequency = page.frequencies.find((f) => f.id === frequencyId);
  const currencyCode = page.history?.currencyCode ?? "USD";
  const { fieldErrors } = page;
  return (
    // A GET form: the question is in the page's address, so it can be shared and reloaded.
    <LeverForm owns={["plan", "frequency", "discount", "elasticity"]} submit={t("whatIf.project")}>
      <FormLayout.Group>
        <Select
          label={t("whatIf.plan")}
          name="plan"
          options={page.plans.map((plan) => ({ label: plan.name, value: plan.id }))}
          value={planId}
          onChange={(value) => {
            setPlanId(value);
            setFrequencyId("");
          }}
        />
        <Select
          label={t("whatIf.frequency")}
          name="frequency"
          options={page.frequencies.map((f) => ({
            label: frequencyName(messagesByLocale[locale], f.draft, currencyCode, locale),
            value: f.id,
          }))}
          value={frequencyId}
          onChange={setFrequencyId}
          disabled={planId !== page.planId}
        />
      </FormLayout.Group>
      {frequency && !frequency.projectable && <Banner tone="warning">{t("whatIf.notProjectable")}</Banner>}
      {page.currentDiscountBp !== null && (
        <Text as="p" tone="subdued">
          {t("whatIf.currentDiscount", { discount: formatPercent(page.currentDiscountBp / 10_000, locale) })}
        </Text>
      )}
      <FormLayout.Group>
        <FormTextField
          label={t("whatIf.proposedDiscount")}
          name="discount"
          inputMode="decimal"
          autoComplete="off"
          initialValue={page.fields?.discount}
          helpText={t("whatIf.proposedDiscountHelp")}
          error={fieldErrors.proposedDiscountBp && t(`whatIf.errors.${fieldErrors.proposedDiscountBp}`)}
        />
        <FormTextField
          label={t("whatIf.elasticity")}
          name="elasticity"
          inputMode="decimal"
          autoComplete="off"
          initialValue={page.fields?.elasticity ?? DEFAULT_ELASTICITY}
          helpText={t("whatIf.elasticityHelp")}
          error={fieldErrors.elasticityHundredths && t(`whatIf.errors.${fieldErrors.elasticityHundredths}`)}
        />
      </FormLayout.Group>
    </LeverForm>
  );
}
