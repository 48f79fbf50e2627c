import type { ReactNode } from "react";
import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { BlockStack, Button, FormLayout, List, Text } from "@shopify/polaris";
import { FormSelect, FormTextField } from "./FormControls";
import { LabelledDataTable } from "./LabelledDataTable";
import { TitledCard } from "./TitledCard";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { rateValue } from "../retention/rates";
import type { whatIfPage } from "../retention/what-if.server";

/**
 * The what-if page's levers besides a plan's discount: add-on prices, a membership tier's price and
 * the referral reward. Each asks its question in a GET form of its own that carries the others'
 * fields along, so every answer stays on the page and its address can be shared.
 */
type WhatIfPage = Awaited<ReturnType<typeof whatIfPage>>;

export const DEFAULT_ELASTICITY = "1";

export const formatPercent = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value);

/** A question's form: its own fields, and the page's other questions as they stand. */
export function LeverForm({ owns, submit, children }: { owns: string[]; submit: string; children: ReactNode }) {
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="get">
      {[...params].map(([name, value]) => (owns.includes(name) ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <FormLayout>
        {children}
        <Button submit loading={busy}>
          {submit}
        </Button>
      </FormLayout>
    </Form>
  );
}

/** Month by month: what leaving the lever brings, what the change brings, and the difference. */
export function ProjectionTable({
  label,
  baseline,
  projected,
  months,
  money,
}: {
  label: string;
  baseline: string;
  projected: string;
  months: { month: number; baseline: number; projected: number }[];
  money: (minor: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <LabelledDataTable
      label={label}
      columnContentTypes={["text", "numeric", "numeric", "numeric"]}
      headings={[t("whatIf.month"), baseline, projected, t("whatIf.difference")]}
      rows={months.map((m) => [
        t("whatIf.monthNumber", { count: m.month }),
        money(m.baseline),
        money(m.projected),
        money(m.projected - m.baseline),
      ])}
    />
  );
}

export function AddOnWhatIf({ page, historyMonths }: { page: WhatIfPage["addOns"]; historyMonths: number }) {
  const { t, locale } = useTranslation();
  const { history, projection, fields, fieldErrors } = page;
  const money = (minor: number) => formatMoneyMinor(minor, history.currencyCode, locale);
  return (
    <TitledCard title={t("whatIf.addOns.heading")}>
      {history.soldUnits === 0 ? (
        <Text as="p" tone="subdued">
          {t("whatIf.addOns.nothing", { months: historyMonths })}
        </Text>
      ) : (
        <BlockStack gap="400">
          <Text as="p">
            {t("whatIf.addOns.history", {
              months: historyMonths,
              units: history.soldUnits,
              revenue: money(history.revenueMinor),
              attach: formatPercent(history.eligibleUnits ? history.soldUnits / history.eligibleUnits : 0, locale),
            })}
          </Text>
          <LeverForm owns={["addOnPrice", "addOnElasticity"]} submit={t("whatIf.addOns.project")}>
            <FormLayout.Group>
              <FormTextField
                label={t("whatIf.addOns.priceChange")}
                name="addOnPrice"
                inputMode="decimal"
                autoComplete="off"
                initialValue={fields?.priceChange}
                helpText={t("whatIf.addOns.priceChangeHelp")}
                error={fieldErrors.priceChangeBp && t("whatIf.errors.priceChange")}
              />
              <FormTextField
                label={t("whatIf.elasticity")}
                name="addOnElasticity"
                inputMode="decimal"
                autoComplete="off"
                initialValue={fields?.elasticity ?? DEFAULT_ELASTICITY}
                helpText={t("whatIf.addOns.elasticityHelp")}
                error={fieldErrors.elasticityHundredths && t(`whatIf.errors.${fieldErrors.elasticityHundredths}`)}
              />
            </FormLayout.Group>
          </LeverForm>
          {projection && (
            <ProjectionTable
              label={t("whatIf.addOns.projectionHeading")}
              baseline={t("whatIf.addOns.baseline")}
              projected={t("whatIf.addOns.projected")}
              months={projection.map((m) => ({ month: m.month, baseline: m.baselineMinor, projected: m.projectedMinor }))}
              money={money}
            />
          )}
        </BlockStack>
      )}
    </TitledCard>
  );
}

/** A membership tier's price: its members' MRR over 12 months at a new price, against the current. */
export function TierWhatIf({ page, historyMonths }: { page: WhatIfPage["tier"]; historyMonths: number }) {
  const { t, locale } = useTranslation();
  const { tiers, history, projection, fields, fieldErrors } = page;
  const tier = tiers.find((candidate) => candidate.id === page.tierId);
  if (!tier || !history) return null;
  const money = (minor: number) => formatMoneyMinor(minor, tier.currencyCode, locale);
  return (
    <TitledCard title={t("whatIf.tiers.heading")}>
      <BlockStack gap="400">
        <LeverForm owns={["tier", "tierPrice", "tierElasticity"]} submit={t("whatIf.tiers.project")}>
          <FormSelect
            key={tier.id}
            label={t("whatIf.tiers.tier")}
            name="tier"
            options={tiers.map((candidate) => ({ label: candidate.name, value: candidate.id }))}
            initialValue={tier.id}
          />
          <Text as="p" tone="subdued">
            {t("whatIf.tiers.history", {
              price: money(tier.priceMinor),
              members: history.subscribers,
              mrr: money(history.currentMrrMinor),
              months: historyMonths,
              newMrr: money(history.newMrrPerMonthMinor),
              churn: formatPercent(rateValue(history.monthlyChurn) ?? 0, locale),
            })}
          </Text>
          <FormLayout.Group>
            <FormTextField
              label={t("whatIf.tiers.price")}
              name="tierPrice"
              inputMode="decimal"
              autoComplete="off"
              initialValue={fields?.price}
              helpText={t("whatIf.tiers.priceHelp")}
              error={fieldErrors.proposedPriceMinor && t("whatIf.errors.price")}
            />
            <FormTextField
              label={t("whatIf.elasticity")}
              name="tierElasticity"
              inputMode="decimal"
              autoComplete="off"
              initialValue={fields?.elasticity ?? DEFAULT_ELASTICITY}
              helpText={t("whatIf.tiers.elasticityHelp")}
              error={fieldErrors.elasticityHundredths && t(`whatIf.errors.${fieldErrors.elasticityHundredths}`)}
            />
          </FormLayout.Group>
        </LeverForm>
        {projection && (
          <ProjectionTable
            label={t("whatIf.tiers.projectionHeading")}
            baseline={t("whatIf.tiers.baseline")}
            projected={t("whatIf.tiers.projected")}
            months={projection.map((m) => ({ month: m.month, baseline: m.baselineMrr, projected: m.projectedMrr }))}
            money={money}
          />
        )}
      </BlockStack>
    </TitledCard>
  );
}

/** The referrer's credit: what referrals bring, net of their credits, over 12 months at a new reward. */
export function ReferralWhatIf({ page, historyMonths }: { page: WhatIfPage["referrals"]; historyMonths: number }) {
  const { t, locale } = useTranslation();
  const { history, projection, fields, fieldErrors } = page;
  const money = (minor: number) => formatMoneyMinor(minor, history.currencyCode, locale);
  return (
    <TitledCard title={t("whatIf.referrals.heading")}>
      {history.converted === 0 ? (
        <Text as="p" tone="subdued">
          {t("whatIf.referrals.nothing", { months: historyMonths })}
        </Text>
      ) : (
        <BlockStack gap="400">
          <List>
            <List.Item>
              {t("whatIf.referrals.history", {
                months: historyMonths,
                friends: history.converted,
                mrr: money(history.referredNewMrrMinor),
                credit: money(history.creditMinor),
              })}
            </List.Item>
            <List.Item>
              {t("whatIf.referrals.assumptions", { churn: formatPercent(rateValue(history.monthlyChurn) ?? 0, locale) })}
            </List.Item>
          </List>
          <LeverForm owns={["referralCredit", "referralElasticity"]} submit={t("whatIf.referrals.project")}>
            <FormLayout.Group>
              <FormTextField
                label={t("whatIf.referrals.credit")}
                name="referralCredit"
                inputMode="decimal"
                autoComplete="off"
                initialValue={fields?.credit}
                helpText={t("whatIf.referrals.creditHelp")}
                error={fieldErrors.proposedCreditMinor && t("whatIf.errors.credit")}
              />
              <FormTextField
                label={t("whatIf.referrals.elasticity")}
                name="referralElasticity"
                inputMode="decimal"
                autoComplete="off"
                initialValue={fields?.elasticity ?? DEFAULT_ELASTICITY}
                helpText={t("whatIf.referrals.elasticityHelp")}
                error={fieldErrors.elasticityHundredths && t(`whatIf.errors.${fieldErrors.elasticityHundredths}`)}
              />
            </FormLayout.Group>
          </LeverForm>
          {projection && (
            <ProjectionTable
              label={t("whatIf.referrals.projectionHeading")}
              baseline={t("whatIf.referrals.baseline")}
              projected={t("whatIf.referrals.projected")}
              months={projection.map((m) => ({ month: m.month, baseline: m.baselineMinor, projected: m.projectedMinor }))}
              money={money}
            />
          )}
        </BlockStack>
      )}
    </TitledCard>
  );
}
