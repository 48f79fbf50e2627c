import { useEffect, useMemo, useRef, useState } from "react";
import { useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineError,
  InlineStack,
  Layout,
  Page,
  PageActions,
  Select,
  Text,
  TextField,
  Banner,
  Badge,
} from "@shopify/polaris";
import { messagesByLocale, type MessageKey } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import {
  ADJUSTMENTS,
  ANCHOR_MAX,
  INTERVALS,
  priceOnOrder,
  type FieldErrors,
  type FrequencyDraft,
  type PlanDraft,
} from "../subscriptions/plan-draft";
import { formatMoneyMinor } from "../money";
import { frequencyName } from "../subscriptions/plan-text";
import { FormSaveBar } from "./FormSaveBar";
import { PageTitle } from "./PageTitle";

export interface ProductOption {
  id: string;
  title: string;
  status: string;
  price?: string;
  /** For a variant: its product. */
  productId?: string;
}

interface Props {
  title: string;
  initialDraft: PlanDraft;
  initialProducts: ProductOption[];
  /** Single variants the plan applies to (of products not attached whole). */
  initialVariants: ProductOption[];
  /** Products Orchard attached that Shopify has since deleted. */
  deletedProducts: { id: string; title: string }[];
  currencyCode: string;
  fieldErrors: FieldErrors;
  shopifyErrors: { field: string; message: string }[];
  formInvalid: boolean;
  /** Shown above the form: where a suggested plan's products came from. */
  notice?: string;
  /**
   * The product search's first answer (no query), read with the page: the list is there on the
   * first paint, and nothing below it moves when it arrives.
   */
  initialSearch: ProductOption[];
}

const newFrequency = (): FrequencyDraft => ({
  interval: "MONTH",
  intervalCount: 1,
  deliveriesPerBilling: 1,
  discount: { type: "PERCENTAGE", value: "10" },
  intro: null,
  anchorDay: null,
});
const toNumber = (value: string) => (value.trim() === "" ? NaN : Number(value));

/** "Any day", then the weekdays (ISO 1 = Monday) or the days of the month. */
function anchorOptions(interval: FrequencyDraft["interval"], locale: string, anyDay: string) {
  const days = Array.from({ length: ANCHOR_MAX[interval] ?? 0 }, (_, i) => i + 1);
  const label = (day: number) =>
    interval === "WEEK"
      ? new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, day)))
      : String(day);
  return [{ value: "", label: anyDay }, ...days.map((day) => ({ value: String(day), label: label(day) }))];
}

/** Create and edit a subscription plan, with a live preview of what shoppers read. */
export function PlanForm({
  title,
  initialDraft,
  initialProducts,
  initialVariants,
  deletedProducts,
  currencyCode,
  fieldErrors,
  shopifyErrors,
  formInvalid,
  notice,
  initialSearch,
}: Props) {
  const { t, locale } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const search = useFetcher<{ products: ProductOption[] }>();
  const [draft, setDraft] = useState(initialDraft);
  const [products, setProducts] = useState(initialProducts);
  const [variants, setVariants] = useState(initialVariants);
  const [query, setQuery] = useState("");

  // Orchard's own check first; otherwise what Shopify said about that field.
  const error = (path: string) =>
    fieldErrors[path] ? t(`plans.errors.${fieldErrors[path]}` as MessageKey) : shopifyErrors.find((e) => e.field === path)?.message;
  const update = (patch: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateFrequency = (index: number, patch: Partial<FrequencyDraft>) =>
    setDraft((current) => ({ ...current, frequencies: current.frequencies.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));

  const searched = useRef(false);
  useEffect(() => {
    // The page came with the answer to no query.
    if (!searched.current && query === "") return;
    searched.current = true;
    const timer = setTimeout(() => search.load(`/app/plans/products?query=${encodeURIComponent(query)}`), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on the query only
  }, [query]);
  const found = search.data?.products ?? initialSearch;

  // The picker returns each product with the variants the merchant kept: all of them attaches the
  // product, fewer attaches just those variants.
  const browse = async () => {
    if (typeof window.shopify?.resourcePicker !== "function") return;
    const selection = await window.shopify.resourcePicker({
      type: "product",
      multiple: true,
      selectionIds: [
        ...products.map((p) => ({ id: p.id })),
        ...Object.values(
          variants.reduce<Record<string, { id: string; variants: { id: string }[] }>>((byProduct, v) => {
            const productId = v.productId ?? "";
            byProduct[productId] ??= { id: productId, variants: [] };
            byProduct[productId].variants.push({ id: v.id });
            return byProduct;
          }, {}),
        ),
      ],
    });
    if (!selection) return;
    const whole = selection.filter((p) => p.variants.length >= (p.totalVariants ?? p.variants.length));
    const partial = selection.filter((p) => !whole.includes(p));
    setProducts(whole.map((p) => ({ id: p.id, title: p.title, status: String(p.status ?? "ACTIVE"), price: p.variants[0]?.price })));
    setVariants(
      partial.flatMap((p) =>
        p.variants.map((v) => ({
          id: v.id ?? "",
          productId: p.id,
          title: `${p.title} – ${v.title ?? ""}`,
          status: String(p.status ?? "ACTIVE"),
          price: v.price,
        })),
      ),
    );
  };

  const sample = products[0] ?? found[0];
  const sampleMinor = sample?.price ? Math.round(Number(sample.price) * 100) : null;
  const previews = useMemo(
    () => draft.frequencies.map((frequency) => frequencyName(messagesByLocale[locale], frequency, currencyCode, locale)),
    [draft.frequencies, currencyCode, locale],
  );

  const saving = navigation.state === "submitting";
  const changed = useMemo(
    () => JSON.stringify([draft, products, variants]) !== JSON.stringify([initialDraft, initialProducts, initialVariants]),
    [draft, products, variants, initialDraft, initialProducts, initialVariants],
  );
  const discard = () => {
    setDraft(initialDraft);
    setProducts(initialProducts);
    setVariants(initialVariants);
  };
  const save = () =>
    submit(
      {
        plan: JSON.stringify(draft),
        productIds: JSON.stringify(products.map((p) => p.id)),
        variantIds: JSON.stringify(variants.map((v) => v.id)),
      },
      { method: "post" },
    );
  const toggleProduct = (product: ProductOption) =>
    setProducts((current) =>
      current.some((p) => p.id === product.id) ? current.filter((p) => p.id !== product.id) : [...current, product],
    );

  return (
    <Page>
      <PageTitle title={title} back={{ url: "/app/plans", content: t("plans.title") }} />
      <FormSaveBar changed={changed} saving={saving} onSave={save} onDiscard={discard} />
      <Layout>
        {notice && (
          <Layout.Section>
            <Banner tone="info">{notice}</Banner>
          </Layout.Section>
        )}
        {formInvalid && (
          <Layout.Section>
            <Banner tone="critical">{t("plans.errors.invalidForm")}</Banner>
          </Layout.Section>
        )}
        {shopifyErrors.length > 0 && (
          <Layout.Section>
            <Banner tone="critical">
              {shopifyErrors.map((e) => (
                <p key={`${e.field}:${e.message}`}>{t("plans.errors.shopify", { message: e.message })}</p>
              ))}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  {t("plans.details")}
                </Text>
                <TextField
                  label={t("plans.name")}
                  helpText={t("plans.nameHelp")}
                  value={draft.name}
                  onChange={(name) => update({ name })}
                  error={error("name")}
                  autoComplete="off"
                />
                <TextField
                  label={t("plans.description")}
                  value={draft.description}
                  onChange={(description) => update({ description })}
                  error={error("description")}
                  multiline={2}
                  autoComplete="off"
                />
                <FormLayout.Group>
                  <TextField
                    label={t("plans.optionsLabel")}
                    value={draft.optionsLabel}
                    onChange={(optionsLabel) => update({ optionsLabel })}
                    error={error("optionsLabel")}
                    autoComplete="off"
                  />
                  <TextField
                    label={t("plans.merchantCode")}
                    value={draft.merchantCode}
                    onChange={(merchantCode) => update({ merchantCode })}
                    error={error("merchantCode")}
                    autoComplete="off"
                  />
                </FormLayout.Group>
              </FormLayout>
            </Card>
            <Card>
              <BlockStack gap="400">
                <Text as="h2" variant="headingMd">
                  {t("plans.frequencies")}
                </Text>
                {error("frequencies") && <InlineError message={error("frequencies")!} fieldID="frequencies" />}
                {draft.frequencies.map((frequency, index) => {
                  const at = (field: string) => error(`frequencies.${index}.${field}`);
                  return (
                    <BlockStack gap="200" key={frequency.id ?? `new-${index}`}>
                      <FormLayout>
                        <FormLayout.Group condensed>
                          <TextField
                            label={t("plans.every")}
                            type="number"
                            min={1}
                            value={Number.isNaN(frequency.intervalCount) ? "" : String(frequency.intervalCount)}
                            onChange={(value) => updateFrequency(index, { intervalCount: toNumber(value) })}
                            error={at("intervalCount")}
                            autoComplete="off"
                          />
                          <Select
                            label={t("plans.unit")}
                            options={INTERVALS.map((value) => ({ value, label: t(`plans.units.${value}`) }))}
                            value={frequency.interval}
                            onChange={(interval) =>
                              updateFrequency(index, { interval: interval as FrequencyDraft["interval"], anchorDay: null })
                            }
                          />
                          <Select
                            label={t("plans.discountType")}
                            options={ADJUSTMENTS.map((value) => ({ value, label: t(`plans.discountTypes.${value}`) }))}
                            value={frequency.discount.type}
                            onChange={(type) =>
                              updateFrequency(index, {
                                discount: { ...frequency.discount, type: type as FrequencyDraft["discount"]["type"] },
                              })
                            }
                          />
                          <TextField
                            label={t("plans.discountValue")}
                            value={frequency.discount.value}
                            onChange={(value) => updateFrequency(index, { discount: { ...frequency.discount, value } })}
                            error={at("discount")}
                            autoComplete="off"
                          />
                          <TextField
                            label={t("plans.prepaid")}
                            helpText={t("plans.prepaidHelp")}
                            type="number"
                            min={1}
                            value={Number.isNaN(frequency.deliveriesPerBilling) ? "" : String(frequency.deliveriesPerBilling)}
                            onChange={(value) => updateFrequency(index, { deliveriesPerBilling: toNumber(value) })}
                            error={at("deliveriesPerBilling")}
                            autoComplete="off"
                          />
                          {ANCHOR_MAX[frequency.interval] !== null && (
                            <Select
                              label={t("plans.anchor")}
                              options={anchorOptions(frequency.interval, locale, t("plans.anchorAny"))}
                              value={frequency.anchorDay === null ? "" : String(frequency.anchorDay)}
                              onChange={(value) => updateFrequency(index, { anchorDay: value === "" ? null : Number(value) })}
                              error={at("anchorDay")}
                            />
                          )}
                        </FormLayout.Group>
                        <Checkbox
                          label={t("plans.introOffer")}
                          checked={frequency.intro !== null}
                          onChange={(checked) =>
                            updateFrequency(index, { intro: checked ? { orders: 1, discount: { type: "PERCENTAGE", value: "20" } } : null })
                          }
                        />
                        {frequency.intro && (
                          <FormLayout.Group condensed>
                            <TextField
                              label={t("plans.introOrders")}
                              type="number"
                              value={String(frequency.intro.orders)}
                              onChange={(value) => updateFrequency(index, { intro: { ...frequency.intro!, orders: toNumber(value) } })}
                              error={at("intro.orders")}
                              autoComplete="off"
                            />
                            <TextField
                              label={t("plans.introDiscountValue")}
                              value={frequency.intro.discount.value}
                              onChange={(value) =>
                                updateFrequency(index, {
                                  intro: { ...frequency.intro!, discount: { ...frequency.intro!.discount, value } },
                                })
                              }
                              error={at("intro.discount")}
                              autoComplete="off"
                            />
                          </FormLayout.Group>
                        )}
                      </FormLayout>
                      <InlineStack align="space-between" blockAlign="center">
                        <Text as="p" tone="subdued">
                          {previews[index]}
                          {sample && sampleMinor !== null
                            ? ` — ${t("plans.previewSample", {
                                product: sample.title,
                                price: formatMoneyMinor(priceOnOrder(frequency, sampleMinor), currencyCode, locale),
                                original: formatMoneyMinor(sampleMinor, currencyCode, locale),
                              })}`
                            : ""}
                        </Text>
                        <Button
                          variant="plain"
                          tone="critical"
                          disabled={draft.frequencies.length === 1}
                          onClick={() => update({ frequencies: draft.frequencies.filter((_, i) => i !== index) })}
                          accessibilityLabel={t("plans.removeFrequency", { number: index + 1 })}
                        >
                          {t("plans.removeFrequency", { number: index + 1 })}
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  );
                })}
                <InlineStack>
                  <Button
                    onClick={() => update({ frequencies: [...draft.frequencies, newFrequency()] })}
                    disabled={draft.frequencies.length >= 31}
                  >
                    {t("plans.addFrequency")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  {t("plans.cycles")}
                </Text>
                <FormLayout.Group condensed>
                  <TextField
                    label={t("plans.minCycles")}
                    type="number"
                    value={draft.minCycles === null ? "" : String(draft.minCycles)}
                    onChange={(value) => update({ minCycles: value.trim() === "" ? null : toNumber(value) })}
                    error={error("minCycles")}
                    autoComplete="off"
                  />
                  <TextField
                    label={t("plans.maxCycles")}
                    type="number"
                    value={draft.maxCycles === null ? "" : String(draft.maxCycles)}
                    onChange={(value) => update({ maxCycles: value.trim() === "" ? null : toNumber(value) })}
                    error={error("maxCycles")}
                    autoComplete="off"
                  />
                </FormLayout.Group>
              </FormLayout>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("plans.products")}
              </Text>
              <Text as="p" tone="subdued">
                {t("plans.productsHelp")}
              </Text>
              {error("products") && <InlineError message={error("products")!} fieldID="products" />}
              {/* App Bridge's resource picker, and a search list for quick picks and where the picker is unavailable. */}
              <InlineStack>
                <Button onClick={browse}>{t("plans.browse")}</Button>
              </InlineStack>
              <TextField
                label={t("plans.productSearch")}
                value={query}
                onChange={setQuery}
                autoComplete="off"
                clearButton
                onClearButtonClick={() => setQuery("")}
              />
              <BlockStack gap="100">
                {found.length === 0 && <Text as="p">{t("plans.noProducts")}</Text>}
                {found.map((product) => (
                  <Checkbox
                    key={product.id}
                    label={product.title}
                    checked={products.some((p) => p.id === product.id)}
                    onChange={() => toggleProduct(product)}
                  />
                ))}
              </BlockStack>
              {[...products, ...variants].map((item) => (
                <InlineStack key={item.id} gap="200" blockAlign="center">
                  <Text as="span">{item.title}</Text>
                  {item.status !== "ACTIVE" && <Badge tone="warning">{t("plans.inactive")}</Badge>}
                </InlineStack>
              ))}
              {deletedProducts.map((product) => (
                <InlineStack key={product.id} gap="200" blockAlign="center">
                  <Text as="span" tone="subdued">
                    {product.title}
                  </Text>
                  <Badge tone="critical">{t("plans.deletedProduct")}</Badge>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      <PageActions primaryAction={{ content: t("plans.save"), onAction: save, loading: saving }} />
    </Page>
  );
}
