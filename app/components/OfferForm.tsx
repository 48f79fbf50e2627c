import { useState } from "react";
import { useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineError,
  InlineStack,
  Layout,
  Page,
  PageActions,
  RadioButton,
  Select,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import type { MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { FormSaveBar } from "./FormSaveBar";
import { PageTitle } from "./PageTitle";
import {
  ADD_ON_KINDS,
  ELIGIBILITY_SCOPES,
  MAX_VARIANTS_PER_PRODUCT,
  PRICING_MODES,
  TERM_CHOICES,
  termMessage,
  variantCount,
  type AddOnKind,
  type BandDraft,
  type EligibilityScope,
  type FieldErrors,
  type OfferDraft,
} from "../protection/offer";

interface Props {
  title: string;
  initialDraft: OfferDraft;
  currencyCode: string;
  collections: { id: string; title: string }[];
  productTitles: Record<string, string>;
  partners: { id: string; name: string }[];
  fieldErrors: FieldErrors;
  shopifyErrors: { field: string; message: string }[];
  formInvalid: boolean;
  /** Archive, for an existing offer. */
  secondaryActions?: { content: string; destructive?: boolean; onAction: () => void }[];
}

/** Create and edit a protection offer: details, terms, the price table and the products it covers. */
export function OfferForm({
  title,
  initialDraft,
  currencyCode,
  collections,
  productTitles,
  partners,
  fieldErrors,
  shopifyErrors,
  formInvalid,
  secondaryActions,
}: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [draft, setDraft] = useState(initialDraft);
  const [titles, setTitles] = useState(productTitles);
  const [tagsText, setTagsText] = useState(initialDraft.eligibility.tags.join(", "));

  const error = (path: string) => (fieldErrors[path] ? t(`protection.errors.${fieldErrors[path]}` as MessageKey) : undefined);
  const update = (patch: Partial<OfferDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateBand = (index: number, patch: Partial<BandDraft>) =>
    setDraft((current) => ({ ...current, bands: current.bands.map((band, i) => (i === index ? { ...band, ...patch } : band)) }));
  const updateEligibility = (patch: Partial<OfferDraft["eligibility"]>) =>
    setDraft((current) => ({ ...current, eligibility: { ...current.eligibility, ...patch } }));
  const termName = (months: number) => t(...termMessage(months));
  const terms = [...draft.termMonths].sort((a, b) => a - b);

  const pickProducts = async (field: "productIds" | "excludedProductIds") => {
    if (typeof window.shopify?.resourcePicker !== "function") return;
    const selection = await window.shopify.resourcePicker({
      type: "product",
      multiple: true,
      filter: { variants: false },
      selectionIds: draft.eligibility[field].map((id) => ({ id })),
    });
    if (!selection) return;
    setTitles((current) => ({ ...current, ...Object.fromEntries(selection.map((p) => [p.id, p.title])) }));
    updateEligibility({ [field]: selection.map((p) => p.id) });
  };

  const saving = navigation.state === "submitting";
  const initialTags = initialDraft.eligibility.tags.join(", ");
  const changed = JSON.stringify([draft, tagsText]) !== JSON.stringify([initialDraft, initialTags]);
  const discard = () => {
    setDraft(initialDraft);
    setTagsText(initialTags);
  };
  const save = () => {
    const tags = tagsText
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean);
    submit({ offer: JSON.stringify({ ...draft, eligibility: { ...draft.eligibility, tags } }) }, { method: "post" });
  };

  const productList = (field: "productIds" | "excludedProductIds", label: string) => (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" variant="bodyMd">
          {label}
        </Text>
        <Button onClick={() => pickProducts(field)}>{`${t("protection.choose")}: ${label}`}</Button>
      </InlineStack>
      <InlineStack gap="100">
        {draft.eligibility[field].length === 0 ? (
          <Text as="span" tone="subdued">
            {t("protection.noneChosen")}
          </Text>
        ) : (
          draft.eligibility[field].map((id) => (
            <Tag key={id} onRemove={() => updateEligibility({ [field]: draft.eligibility[field].filter((other) => other !== id) })}>
              {titles[id] ?? id}
            </Tag>
          ))
        )}
      </InlineStack>
      {error(`eligibility.${field}`) && <InlineError message={error(`eligibility.${field}`)!} fieldID={field} />}
    </BlockStack>
  );

  const variants = variantCount(terms.length, draft.bands.length);

  return (
    <Page>
      <PageTitle title={title} back={{ url: "/app/protection", content: t("protection.title") }} />
      <FormSaveBar changed={changed} saving={saving} onSave={save} onDiscard={discard} />
      <Layout>
        {(formInvalid || shopifyErrors.length > 0 || Object.keys(fieldErrors).length > 0) && (
          <Layout.Section>
            <Banner tone="critical">
              {formInvalid ? (
                <p>{t("protection.errors.invalidForm")}</p>
              ) : shopifyErrors.length ? (
                shopifyErrors.map((e) => <p key={e.field + e.message}>{t("protection.errors.shopify", { message: e.message })}</p>)
              ) : (
                Object.entries(fieldErrors)
                  .filter(([path]) => path === "bands" || path.startsWith("bands.") || path.startsWith("percentages."))
                  .map(([path, key]) => <p key={path}>{t(`protection.errors.${key}` as MessageKey)}</p>)
              )}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  {t("protection.details")}
                </Text>
                <FormLayout.Group>
                  <Select
                    label={t("protection.kind")}
                    helpText={t("protection.kindHelp")}
                    options={ADD_ON_KINDS.map((kind) => ({ value: kind, label: t(`protection.kinds.${kind}`) }))}
                    value={draft.kind}
                    onChange={(kind) => update({ kind: kind as AddOnKind })}
                    error={error("kind")}
                  />
                  <Select
                    label={t("protection.partner")}
                    helpText={t("protection.partnerHelp")}
                    options={[
                      { value: "", label: t("protection.noPartner") },
                      ...partners.map((partner) => ({ value: partner.id, label: partner.name })),
                    ]}
                    value={draft.partnerId}
                    onChange={(partnerId) => update({ partnerId })}
                    error={error("partnerId")}
                  />
                </FormLayout.Group>
                <TextField
                  label={t("protection.name")}
                  helpText={t("protection.nameHelp")}
                  value={draft.name}
                  onChange={(name) => update({ name })}
                  error={error("name")}
                  autoComplete="off"
                />
                <TextField
                  label={t("protection.coverage")}
                  helpText={t("protection.coverageHelp")}
                  value={draft.coverage}
                  onChange={(coverage) => update({ coverage })}
                  error={error("coverage")}
                  multiline={3}
                  autoComplete="off"
                />
                <FormLayout.Group>
                  <TextField
                    label={t("protection.provider")}
                    helpText={t("protection.providerHelp")}
                    value={draft.provider}
                    onChange={(provider) => update({ provider })}
                    error={error("provider")}
                    autoComplete="off"
                  />
                  <TextField
                    label={t("protection.termsUrl")}
                    type="url"
                    value={draft.termsUrl}
                    onChange={(termsUrl) => update({ termsUrl })}
                    error={error("termsUrl")}
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <Checkbox label={t("protection.taxable")} checked={draft.taxable} onChange={(taxable) => update({ taxable })} />
              </FormLayout>
            </Card>

            <Card>
              <BlockStack gap="300">
                <ChoiceList
                  title={t("protection.terms")}
                  allowMultiple
                  choices={TERM_CHOICES.map((months) => ({ label: termName(months), value: String(months) }))}
                  selected={draft.termMonths.map(String)}
                  onChange={(selected) => update({ termMonths: selected.map(Number) })}
                  error={error("termMonths")}
                />
                <Text as="p" tone="subdued">
                  {t("protection.termsHelp")}
                </Text>
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="400">
                <Text as="h2" variant="headingMd">
                  {t("protection.pricing")}
                </Text>
                <BlockStack gap="100">
                  {PRICING_MODES.map((mode) => (
                    <RadioButton
                      key={mode}
                      id={`pricing-${mode}`}
                      name="pricing"
                      label={t(`protection.pricingModes.${mode}`)}
                      checked={draft.pricing === mode}
                      onChange={() => update({ pricing: mode })}
                    />
                  ))}
                </BlockStack>
                {draft.pricing === "PERCENTAGE" && (
                  <FormLayout>
                    <Text as="p" tone="subdued">
                      {t("protection.percentagesHelp")}
                    </Text>
                    <FormLayout.Group condensed>
                      {terms.map((months) => (
                        <TextField
                          key={months}
                          label={t("protection.percentageFor", { term: termName(months) })}
                          type="number"
                          suffix="%"
                          value={draft.percentages[String(months)] ?? ""}
                          onChange={(value) => update({ percentages: { ...draft.percentages, [String(months)]: value } })}
                          error={error(`percentages.${months}`)}
                          autoComplete="off"
                        />
                      ))}
                    </FormLayout.Group>
                  </FormLayout>
                )}
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">
                    {t("protection.bands")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("protection.bandsHelp")}
                  </Text>
                  {draft.bands.map((band, index) => (
                    <fieldset key={index} style={{ border: 0, padding: 0, margin: 0 }} aria-label={`${t("protection.bands")} ${index + 1}`}>
                      <FormLayout.Group condensed>
                        <TextField
                          label={`${t("protection.bandMin")} (${index + 1})`}
                          prefix={currencyCode}
                          value={band.min}
                          onChange={(min) => updateBand(index, { min })}
                          error={error(`bands.${index}.min`)}
                          autoComplete="off"
                        />
                        <TextField
                          label={`${t("protection.bandMax")} (${index + 1})`}
                          prefix={currencyCode}
                          placeholder={t("protection.bandMaxHelp")}
                          value={band.max}
                          onChange={(max) => updateBand(index, { max })}
                          error={error(`bands.${index}.max`)}
                          autoComplete="off"
                        />
                        {draft.pricing === "BANDS" &&
                          terms.map((months) => (
                            <TextField
                              key={months}
                              label={`${t("protection.bandPrice", { term: termName(months) })} (${index + 1})`}
                              prefix={currencyCode}
                              value={band.prices[String(months)] ?? ""}
                              onChange={(price) => updateBand(index, { prices: { ...band.prices, [String(months)]: price } })}
                              error={error(`bands.${index}.prices.${months}`)}
                              autoComplete="off"
                            />
                          ))}
                      </FormLayout.Group>
                      {draft.bands.length > 1 && (
                        <Button
                          variant="plain"
                          tone="critical"
                          onClick={() => update({ bands: draft.bands.filter((_, i) => i !== index) })}
                        >
                          {t("protection.removeBand", { number: index + 1 })}
                        </Button>
                      )}
                    </fieldset>
                  ))}
                  <InlineStack align="space-between" blockAlign="center">
                    <Button onClick={() => update({ bands: [...draft.bands, { min: "", max: "", prices: {} }] })}>
                      {t("protection.addBand")}
                    </Button>
                    <Text as="span" tone={variants > MAX_VARIANTS_PER_PRODUCT ? "critical" : "subdued"}>
                      {t("protection.variantCount", { count: variants, limit: MAX_VARIANTS_PER_PRODUCT })}
                    </Text>
                  </InlineStack>
                  {error("bands") && <InlineError message={error("bands")!} fieldID="bands" />}
                </BlockStack>
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="400">
                <ChoiceList
                  title={t("protection.eligibility")}
                  choices={ELIGIBILITY_SCOPES.map((scope) => ({ label: t(`protection.scopes.${scope}`), value: scope }))}
                  selected={[draft.eligibility.scope]}
                  onChange={([scope]) => updateEligibility({ scope: scope as EligibilityScope })}
                />
                {draft.eligibility.scope === "PRODUCTS" && productList("productIds", t("protection.productIds"))}
                {draft.eligibility.scope === "COLLECTIONS" && (
                  <ChoiceList
                    title={t("protection.collectionIds")}
                    allowMultiple
                    choices={collections.map((c) => ({ label: c.title, value: c.id }))}
                    selected={draft.eligibility.collectionIds}
                    onChange={(collectionIds) => updateEligibility({ collectionIds })}
                    error={error("eligibility.collectionIds")}
                  />
                )}
                {draft.eligibility.scope === "TAGS" && (
                  <TextField
                    label={t("protection.tags")}
                    helpText={t("protection.tagsHelp")}
                    value={tagsText}
                    onChange={setTagsText}
                    error={error("eligibility.tags")}
                    autoComplete="off"
                  />
                )}
                {productList("excludedProductIds", t("protection.excluded"))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
      <PageActions primaryAction={{ content: t("protection.save"), onAction: save, loading: saving }} secondaryActions={secondaryActions} />
    </Page>
  );
}
