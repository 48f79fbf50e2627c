import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { PageTitle } from "../components/PageTitle";
import { FormSelect, FormTextField } from "../components/FormControls";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { formatMoneyMinor } from "../money";
import { parseClaimForm, parseDecisionForm } from "../protection/claim-form";
import { termMessage } from "../protection/offer";
import { CLAIM_REASONS } from "../protection/registrations";
import { decideClaim, fileClaim, registrationDetail } from "../protection/registrations.server";
import { requireAdmin } from "../requests/admin-context.server";
import { BODY_LIMITS, formWithin } from "../http/body-limit.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const registration = await registrationDetail(shop, params.id ?? "");
  if (!registration) throw new Response("Not found", { status: 404 });
  return { registration };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const form = await formWithin(request, BODY_LIMITS.adminForm);
  if (form.get("intent") === "decide") {
    const decision = parseDecisionForm(form);
    if (!decision) throw new Response("Bad Request", { status: 400 });
    return { done: await decideClaim(shop, decision.claimId, decision.decision, decision.note), errors: {} };
  }
  const claim = parseClaimForm(form);
  if (!claim.ok) return { done: null, errors: claim.errors };
  return { done: await fileClaim(shop, params.id ?? "", claim.claim), errors: {} };
};

/** Approve or deny an open claim, with an optional note. */
function ClaimDecision({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [note, setNote] = useState("");
  const decide = (decision: "approved" | "denied") => submit({ intent: "decide", claimId, decision, note }, { method: "post" });
  return (
    <FormLayout>
      <TextField label={t("protection.registration.decisionNote")} value={note} onChange={setNote} autoComplete="off" maxLength={2000} />
      <InlineStack gap="200">
        <Button variant="primary" onClick={() => decide("approved")} loading={navigation.state === "submitting"}>
          {t("protection.registration.approve")}
        </Button>
        <Button tone="critical" onClick={() => decide("denied")}>
          {t("protection.registration.deny")}
        </Button>
      </InlineStack>
    </FormLayout>
  );
}

export default function Registration() {
  const { registration: r } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useTranslation();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const error = (field: string) =>
    result?.errors[field as keyof typeof result.errors]
      ? t(`protection.registration.errors.${result.errors[field as keyof typeof result.errors]}` as MessageKey)
      : undefined;
  const title = t("protection.registration.title", { order: r.orderName, unit: r.unit });

  useEffect(() => {
    if (result?.done === "filed") window.shopify?.toast.show(t("protection.registration.claimFiled"));
    if (result?.done === "decided") window.shopify?.toast.show(t("protection.registration.claimDecided"));
  }, [result, t]);

  const facts: [string, string][] = [
    [t("protection.registrations.columns.item"), r.protectedTitle ?? t("protection.registrations.unlinked")],
    [t("protection.registration.offer"), r.offer?.name ?? ""],
    [t("protection.registration.customer"), [r.customerName, r.customerEmail].filter(Boolean).join(" · ")],
    [t("protection.registration.pricePaid"), formatMoneyMinor(r.priceMinor, r.currencyCode, locale)],
    [t("protection.registration.term"), t(...termMessage(r.termMonths))],
    [t("protection.registration.starts"), date.format(new Date(r.startsAt))],
    [t("protection.registration.expires"), date.format(new Date(r.expiresAt))],
  ];

  return (
    <Page>
      <PageTitle title={title} back={{ url: "/app/protection/registrations", content: t("protection.registrations.title") }} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <InlineStack>
              <Badge>{t(`protection.registrations.statuses.${r.displayStatus}`)}</Badge>
            </InlineStack>
            {result?.done === "notAllowed" && <Banner tone="warning">{t("protection.registration.cannotClaim")}</Banner>}
            {result?.done === "notOpen" && <Banner tone="warning">{t("protection.registration.notOpen")}</Banner>}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("protection.registration.claims")}
                </Text>
                {r.claims.length === 0 && <Text as="p">{t("protection.registration.noClaims")}</Text>}
                {r.claims.map((claim) => (
                  <BlockStack key={claim.id} gap="200">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h3" variant="headingSm">
                        {t(`protection.registration.reasons.${claim.reason}` as MessageKey)}
                      </Text>
                      <Badge tone={claim.status === "approved" ? "success" : claim.status === "denied" ? "critical" : "attention"}>
                        {t(`protection.registration.claimStatus.${claim.status}` as MessageKey)}
                      </Badge>
                      <Text as="span" tone="subdued">
                        {date.format(new Date(claim.createdAt))}
                      </Text>
                    </InlineStack>
                    <Text as="p">{claim.notes}</Text>
                    {claim.photosUrl && (
                      <a href={claim.photosUrl} target="_blank" rel="noreferrer noopener">
                        {t("protection.registration.photosUrl")}
                      </a>
                    )}
                    {claim.decisionNote && (
                      <Text as="p" tone="subdued">
                        {claim.decisionNote}
                      </Text>
                    )}
                    {claim.status === "open" && <ClaimDecision claimId={claim.id} />}
                  </BlockStack>
                ))}
              </BlockStack>
            </Card>
            {r.canClaim && (
              <Card>
                <Form method="post">
                  <FormLayout>
                    <Text as="h2" variant="headingMd">
                      {t("protection.registration.fileClaim")}
                    </Text>
                    <FormSelect
                      name="reason"
                      label={t("protection.registration.reason")}
                      options={CLAIM_REASONS.map((reason) => ({ label: t(`protection.registration.reasons.${reason}`), value: reason }))}
                      error={error("reason")}
                    />
                    <FormTextField
                      name="photosUrl"
                      type="url"
                      label={t("protection.registration.photosUrl")}
                      error={error("photosUrl")}
                      autoComplete="off"
                    />
                    <FormTextField
                      name="notes"
                      label={t("protection.registration.notes")}
                      multiline={3}
                      error={error("notes")}
                      autoComplete="off"
                    />
                    <Button submit variant="primary" loading={navigation.state === "submitting"}>
                      {t("protection.registration.submitClaim")}
                    </Button>
                  </FormLayout>
                </Form>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("protection.registration.cover")}
              </Text>
              {facts.map(([label, value]) => (
                <BlockStack key={label} gap="050">
                  <Text as="span" tone="subdued">
                    {label}
                  </Text>
                  <Text as="span">{value}</Text>
                </BlockStack>
              ))}
              <Text as="p" tone="subdued">
                {t(`protection.registrations.startBasis.${r.startBasis === "fulfilment" ? "fulfilment" : "order"}`)}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
