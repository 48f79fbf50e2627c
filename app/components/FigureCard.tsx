import { BlockStack, Button, Card, InlineStack, Text, Tooltip } from "@shopify/polaris";
import { InfoIcon } from "@shopify/polaris-icons";
import { useTranslation } from "../i18n/use-translation";

/**
 * One headline figure in a grid of them: its name, the figure, optionally what it compares with,
 * and how it is computed, shown on hover or keyboard focus of the button beside its name.
 */
export function FigureCard({ label, value, note, definition }: { label: string; value: string; note?: string; definition?: string }) {
  const { t } = useTranslation();
  return (
    <Card>
      <BlockStack gap="100">
        <InlineStack gap="100" blockAlign="center" wrap={false}>
          <Text as="h2" variant="headingSm" tone="subdued">
            {label}
          </Text>
          {definition && (
            <Tooltip content={definition} preferredPosition="above" width="wide">
              <Button variant="plain" icon={InfoIcon} accessibilityLabel={t("retention.howComputed", { label })} />
            </Tooltip>
          )}
        </InlineStack>
        <Text as="p" variant="headingLg">
          {value}
        </Text>
        {note && (
          <Text as="p" variant="bodySm" tone="subdued">
            {note}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
