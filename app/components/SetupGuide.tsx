import { useEffect, useState, type ReactNode } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Divider, Icon, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { CheckCircleIcon, MinusCircleIcon } from "@shopify/polaris-icons";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import type { SetupGuide as Guide } from "../onboarding/onboarding.server";
import type { SetupStep, SetupStepId } from "../onboarding/setup-guide";

/** What /app/setup-guide answers the Hide and Show buttons. */
export type SetupGuideVisibility = { hidden: boolean };

/** Each step's own work in Orchard: what it asks and where it is done (the theme step has none). */
const STEP_ACTIONS: Partial<Record<SetupStepId, { url: string; body: MessageKey; label: MessageKey }>> = {
  plan: { url: "/app/plans/new?suggested=1", body: "setup.plan.body", label: "setup.plan.action" },
  reminders: { url: "/app/reminders/rules/new", body: "setup.reminders.body", label: "setup.reminders.action" },
  protection: { url: "/app/protection/new", body: "setup.protection.body", label: "setup.protection.action" },
};

/** What a step asks of the theme once its own work is done. */
const THEME_ASKS: Partial<Record<SetupStepId, MessageKey>> = {
  theme: "setup.theme.body",
  protection: "setup.protection.themeBody",
  accountLink: "setup.accountLink.body",
};

/**
 * The dashboard's setup guide: each step's state comes from the shop (its plans, its theme, its
 * rules), so a step done elsewhere shows done here too. Once every required step is done it folds
 * to one line the merchant can open again: a block taken off the theme later, or an offer added
 * after setup, still has its step and its theme editor link here.
 */
export function SetupGuide({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const visibility = useFetcher<SetupGuideVisibility>();
  const [reopened, setReopened] = useState(false);
  // Shown as asked at once, before the dashboard reloads.
  const hidden = visibility.formData ? visibility.formData.get("visibility") === "hidden" : guide.hidden;
  useEffect(() => {
    if (visibility.state === "idle" && visibility.data?.hidden) window.shopify?.toast.show(t("setup.hiddenToast"));
  }, [visibility.state, visibility.data, t]);
  const doneCount = guide.steps.filter((step) => step.done).length;
  const nextStep = guide.steps.find((step) => !step.done)?.id;
  const progress = t("setup.progress", { done: String(doneCount), total: String(guide.steps.length) });
  const toggle = (to: "hidden" | "shown", label: string, accessibilityLabel?: string) => (
    <visibility.Form method="post" action="/app/setup-guide">
      <input type="hidden" name="visibility" value={to} />
      <Button variant="plain" submit accessibilityLabel={accessibilityLabel}>
        {label}
      </Button>
    </visibility.Form>
  );
  // Folded to one line: done (opened here again), or put away by the merchant (shown again for good).
  const folded = (summary: string, show: ReactNode) => (
    <Card>
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="p" tone="subdued">
          {summary}
        </Text>
        {show}
      </InlineStack>
    </Card>
  );
  if (guide.finished && !reopened)
    return folded(
      t("setup.finishedSummary", { progress }),
      <Button variant="plain" onClick={() => setReopened(true)}>
        {t("setup.show")}
      </Button>,
    );
  if (hidden && !guide.finished) return folded(t("setup.hiddenSummary", { progress }), toggle("shown", t("setup.show")));
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {t("setup.title")}
            </Text>
            {guide.finished ? (
              <Button variant="plain" onClick={() => setReopened(false)} accessibilityLabel={t("setup.hideLabel")}>
                {t("setup.hide")}
              </Button>
            ) : (
              toggle("hidden", t("setup.hide"), t("setup.hideLabel"))
            )}
          </InlineStack>
          <Text as="p" id="setup-progress" tone="subdued">
            {progress}
          </Text>
          <ProgressBar
            progress={Math.round((doneCount / guide.steps.length) * 100)}
            size="small"
            tone="primary"
            ariaLabelledBy="setup-progress"
          />
        </BlockStack>
        <BlockStack as="ol" gap="300">
          {guide.steps.map((step, index) => (
            <Box as="li" key={step.id}>
              {index > 0 && <Divider />}
              <Box paddingBlockStart={index > 0 ? "300" : "0"}>
                <InlineStack gap="300" wrap={false} blockAlign="start">
                  <Box>
                    <Icon
                      source={step.done ? CheckCircleIcon : MinusCircleIcon}
                      tone={step.done ? "success" : "subdued"}
                      accessibilityLabel={t(step.done ? "setup.done" : "setup.notDone")}
                    />
                  </Box>
                  <BlockStack gap="200">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h3" variant="headingSm">
                        {t(`setup.${step.id}.title`)}
                      </Text>
                      {step.optional && <Badge>{t("setup.optional")}</Badge>}
                    </InlineStack>
                    {!step.done && <StepTodo step={step} guide={guide} next={nextStep === step.id} />}
                  </BlockStack>
                </InlineStack>
              </Box>
            </Box>
          ))}
        </BlockStack>
        <Banner tone="info" title={t("setup.checkout.title")}>
          <Text as="p">{t(guide.checkoutOffers ? "setup.checkout.plus" : "setup.checkout.notPlus")}</Text>
        </Banner>
      </BlockStack>
    </Card>
  );
}

/** What is left of a step: its own action first, then Orchard's blocks it still needs on the theme. */
function StepTodo({ step, guide, next }: { step: SetupStep; guide: Guide; next: boolean }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const action = STEP_ACTIONS[step.id];
  if (!step.configured && action)
    return (
      <>
        <Text as="p">{t(action.body)}</Text>
        <InlineStack>
          <Button variant={next ? "primary" : "secondary"} url={action.url}>
            {t(action.label)}
          </Button>
        </InlineStack>
      </>
    );
  const ask = THEME_ASKS[step.id];
  return (
    <>
      {ask && <Text as="p">{t(ask)}</Text>}
      {!guide.themeReadable && (
        <Text as="p" tone="caution">
          {t("setup.themeUnknown")}
        </Text>
      )}
      <InlineStack gap="200">
        {step.missingBlocks.map((block, index) => (
          // The theme editor is Shopify's admin page, outside Orchard's frame.
          <Button key={block} variant={next && index === 0 ? "primary" : "secondary"} url={guide.themeEditorLinks[block]} target="_top">
            {t(`setup.themeBlocks.${block}`)}
          </Button>
        ))}
        <Button onClick={() => revalidator.revalidate()} loading={revalidator.state === "loading"}>
          {t("setup.checkTheme")}
        </Button>
      </InlineStack>
    </>
  );
}
