import type { ReactNode } from "react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";

/** A Polaris card with a section heading (and a link beside it), the shape of most cards in Orchard's admin. */
export function TitledCard({
  title,
  action,
  children,
}: {
  title: string;
  action?: { content: string; url: string; accessibilityLabel?: string };
  children: ReactNode;
}) {
  const heading = (
    <Text as="h2" variant="headingMd">
      {title}
    </Text>
  );
  return (
    <Card>
      <BlockStack gap="200">
        {action ? (
          <InlineStack align="space-between" blockAlign="center">
            {heading}
            <Button variant="plain" url={action.url} accessibilityLabel={action.accessibilityLabel}>
              {action.content}
            </Button>
          </InlineStack>
        ) : (
          heading
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
