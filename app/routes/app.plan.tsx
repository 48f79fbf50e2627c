import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Modal,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { cancelGrowthPlan, planUsage, requestGrowthPlan, syncAppPlan } from "../app-billing/app-billing.server";
import { FREE_SUBSCRIBER_LIMIT, GROWTH_PLAN, trialDaysLeft } from "../app-billing/orchard-plans";
import { useRedirectToast } from "../components/use-redirect-toast";
import { clock } from "../clock";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { requireAdmin } from "../requests/admin-context.server";
import { ShopifyUserErrors } from "../shopify/errors";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shop } = await requireAdmin(request);
  // Shopify's record decides the plan: read it each time, so a return from the approval page
  // (?charge_id=) or a change made elsewhere shows at once.
  await syncAppPlan(admin);
  const usage = await planUsage(shop);
  return { ...usage, trialDaysLeft: trialDaysLeft(usage.trialEndsAt, clock().now()) };
};

type ActionResult = { confirmationUrl: string } | { downgraded: true } | { shopifyError: string };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { admin } = await requireAdmin(request);
  const intent = (await formWithin(request, BODY_LIMITS.adminForm)).get("intent");
  try {
    if (intent === "upgrade") return { confirmationUrl: await requestGrowthPlan(admin) };
    if (intent === "downgrade") {
      await cancelGrowthPlan(admin);
      return { downgraded: true };
    }
  } catch (error) {
    if (error instanceof ShopifyUserErrors) return { shopifyError: error.userErrors.map((e) => e.message).join(" ") };
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
};

export default function PlanPage() {
  const usage = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const { t, locale } = useTranslation();
  useRedirectToast({ charge_id: t("plan.approvedToast") });

  useEffect(() => {
    // Shopify's approval page lives in the admin, outside Orchard's frame.
    if (result && "confirmationUrl" in result) window.open(result.confirmationUrl, "_top");
    if (result && "downgraded" in result) window.shopify?.toast.show(t("plan.downgradedToast"));
  }, [result, t]);

  const [confirmingDowngrade, setConfirmingDowngrade] = useState(false);
  const price = formatMoneyMinor(GROWTH_PLAN.priceMinor, GROWTH_PLAN.currencyCode, locale);
  const onGrowth = usage.plan === "growth";
  return (
    <Page>
      <PageTitle title={t("plan.title")} />
      <Layout>
        {result && "shopifyError" in result && (
          <Layout.Section>
            <Banner tone="critical" title={t("plan.shopifyError")}>
              <p>{result.shopifyError}</p>
            </Banner>
          </Layout.Section>
        )}
        {!usage.canAddSubscriber && (
          <Layout.Section>
            <Banner tone="warning" title={t("plan.limitReachedTitle", { limit: String(usage.limit) })}>
              <p>{t("plan.limitReachedBody")}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("plan.usageHeading")}
              </Text>
              {usage.limit === null ? (
                <Text as="p">{t("plan.usageUnlimited", { count: String(usage.activeSubscribers) })}</Text>
              ) : (
                <>
                  <Text as="p" id="plan-usage">
                    {t("plan.usageLimited", { count: String(usage.activeSubscribers), limit: String(usage.limit) })}
                  </Text>
                  <ProgressBar
                    progress={Math.min(100, Math.round((usage.activeSubscribers / usage.limit) * 100))}
                    tone={usage.canAddSubscriber ? "highlight" : "critical"}
                    size="small"
                    ariaLabelledBy="plan-usage"
                  />
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("plan.freeName")}
                  </Text>
                  {!onGrowth && <Badge tone="success">{t("plan.current")}</Badge>}
                </InlineStack>
                <Text as="p" variant="headingLg">
                  {t("plan.freePrice")}
                </Text>
                <List>
                  <List.Item>{t("plan.freeSubscribers", { limit: String(FREE_SUBSCRIBER_LIMIT) })}</List.Item>
                  <List.Item>{t("plan.freeFeatures")}</List.Item>
                </List>
                {onGrowth && (
                  <Button onClick={() => setConfirmingDowngrade(true)} loading={busy} tone="critical" variant="plain">
                    {t("plan.downgrade")}
                  </Button>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("plan.growthName")}
                  </Text>
                  {onGrowth && <Badge tone="success">{t("plan.current")}</Badge>}
                  {onGrowth && usage.test && <Badge>{t("plan.testCharge")}</Badge>}
                </InlineStack>
                <Text as="p" variant="headingLg">
                  {t("plan.growthPrice", { price })}
                </Text>
                <List>
                  <List.Item>{t("plan.growthSubscribers")}</List.Item>
                  <List.Item>{t("plan.growthWhatIf")}</List.Item>
                  <List.Item>{t("plan.growthEverythingFree")}</List.Item>
                </List>
                {onGrowth ? (
                  usage.trialDaysLeft > 0 && <Text as="p">{t("plan.trialLeft", { days: String(usage.trialDaysLeft) })}</Text>
                ) : (
                  <BlockStack gap="200">
                    <Button variant="primary" onClick={() => submit({ intent: "upgrade" }, { method: "post" })} loading={busy}>
                      {usage.trialDaysOffered > 0 ? t("plan.startTrial", { days: String(usage.trialDaysOffered) }) : t("plan.upgrade")}
                    </Button>
                    {usage.partnerDevelopment && (
                      <Text as="p" tone="subdued">
                        {t("plan.developmentStore")}
                      </Text>
                    )}
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmingDowngrade}
        onClose={() => setConfirmingDowngrade(false)}
        title={t("plan.downgradeTitle")}
        primaryAction={{
          content: t("plan.downgrade"),
          destructive: true,
          onAction: () => {
            setConfirmingDowngrade(false);
            submit({ intent: "downgrade" }, { method: "post" });
          },
        }}
        secondaryActions={[{ content: t("plan.keepGrowth"), onAction: () => setConfirmingDowngrade(false) }]}
      >
        <Modal.Section>
          {t("plan.downgradeBody", { limit: String(FREE_SUBSCRIBER_LIMIT), count: String(usage.activeSubscribers) })}
        </Modal.Section>
      </Modal>
    </Page>
  );
}
