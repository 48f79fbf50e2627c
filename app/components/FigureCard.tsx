import { BlockStack, Card, Text } from "@shopify/polaris";

/** One headline figure in a grid of them: its name, the figure, and optionally what it compares with. */
export function FigureCard({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm" tone="subdued">
          {label}
        </Text>
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
