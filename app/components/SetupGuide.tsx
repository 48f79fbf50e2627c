import { useRevalidator } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Divider, Icon, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { CheckCircleIcon, MinusCircleIcon } from "@shopify/polaris-icons";
import { useTranslation } from "../i18n/use-translation";
import type { SetupGuide as Guide } from "../onboarding/onboarding.server";
import type { SetupStepId } from "../onboarding/setup-guide";

/** Where each step's action takes the merchant (the theme step opens the theme editor instead). */
const STEP_ACTIONS: Record<Exclude<SetupStepId, "theme">, string> = {
  plan: "/app/plans/new?suggested=1",
  reminders: "/app/reminders/rules/new",
  protection: "/app/protection/new",
};

/**
 * The dashboard's setup guide, until every required step is done: each step's state comes from the
 * shop (its plans, its theme, its rules), so a step done elsewhere shows done here too.
 */
export function SetupGuide({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const doneCount = guide.steps.filter((step) => step.done).length;
  const nextStep = guide.steps.find((step) => !step.done)?.id;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("setup.title")}
          </Text>
          <Text as="p" id="setup-progress" tone="subdued">
            {t("setup.progress", { done: String(doneCount), total: String(guide.steps.length) })}
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
                    {!step.done && (
                      <>
                        <Text as="p">{t(`setup.${step.id}.body`)}</Text>
                        {step.id === "theme" && !guide.themeReadable && (
                          <Text as="p" tone="caution">
                            {t("setup.theme.unknown")}
                          </Text>
                        )}
                        {step.id === "theme" ? (
                          <InlineStack gap="200">
                            <Button variant={nextStep === "theme" ? "primary" : "secondary"} url={guide.themeEditorLink} target="_top">
                              {t("setup.theme.action")}
                            </Button>
                            <Button onClick={() => revalidator.revalidate()} loading={revalidator.state === "loading"}>
                              {t("setup.theme.check")}
                            </Button>
                          </InlineStack>
                        ) : (
                          <InlineStack>
                            <Button variant={nextStep === step.id ? "primary" : "secondary"} url={STEP_ACTIONS[step.id]}>
                              {t(`setup.${step.id}.action`)}
                            </Button>
                          </InlineStack>
                        )}
                      </>
                    )}
                  </BlockStack>
                </InlineStack>
              </Box>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
