import { useState } from "react";
import { BlockStack, Button, InlineError, InlineStack, Select, Text } from "@shopify/polaris";
import { useTranslation } from "../i18n/use-translation";
import { MAX_ONE_TIME_PRODUCTS, type ChosenProduct } from "../subscriptions/settings-form";

/**
 * The products customers may add to an order once, chosen with Shopify's product picker and sent
 * with the settings form as JSON (checked again on the server like any input).
 */
export function OneTimeProductsPicker({
  saved,
  savedFreeOffer,
  error,
  freeOfferError,
}: {
  saved: ChosenProduct[];
  savedFreeOffer: string | null;
  error?: string;
  freeOfferError?: string;
}) {
  const { t } = useTranslation();
  const [products, setProducts] = useState(saved);
  const [freeOffer, setFreeOffer] = useState(savedFreeOffer ?? "");

  const choose = async () => {
    if (typeof window.shopify?.resourcePicker !== "function") return;
    const selection = await window.shopify.resourcePicker({
      type: "product",
      multiple: MAX_ONE_TIME_PRODUCTS,
      selectionIds: products.map((p) => ({ id: p.id })),
      filter: { variants: false },
    });
    if (selection) setProducts(selection.map((p) => ({ id: p.id, title: p.title })));
  };

  return (
    <BlockStack gap="200">
      <input type="hidden" name="oneTimeProducts" value={JSON.stringify(products)} />
      {products.length === 0 ? (
        <Text as="p" tone="subdued">
          {t("settings.oneTimeProducts.empty")}
        </Text>
      ) : (
        <BlockStack gap="100" as="ul">
          {products.map((product) => (
            <InlineStack key={product.id} as="li" gap="200" align="space-between" blockAlign="center">
              <Text as="span">{product.title}</Text>
              <Button
                variant="plain"
                tone="critical"
                accessibilityLabel={t("settings.oneTimeProducts.removeLabel", { title: product.title })}
                onClick={() => setProducts((current) => current.filter((p) => p.id !== product.id))}
              >
                {t("settings.oneTimeProducts.remove")}
              </Button>
            </InlineStack>
          ))}
        </BlockStack>
      )}
      {error && <InlineError message={error} fieldID="oneTimeProducts" />}
      <InlineStack>
        <Button onClick={choose}>{t("settings.oneTimeProducts.choose")}</Button>
      </InlineStack>
      {/* The cancellation flow's free product is one of these: removing it here takes it from the offer too. */}
      <Select
        name="freeOfferProductId"
        label={t("settings.oneTimeProducts.freeLabel")}
        helpText={t("settings.oneTimeProducts.freeHelp")}
        options={[
          { value: "", label: t("settings.oneTimeProducts.freeNone") },
          ...products.map((product) => ({ value: product.id, label: product.title })),
        ]}
        value={products.some((p) => p.id === freeOffer) ? freeOffer : ""}
        onChange={setFreeOffer}
        error={freeOfferError}
      />
    </BlockStack>
  );
}
