import type { ReactNode } from "react";
import { BlockStack, Card, Text } from "@shopify/polaris";

/** A Polaris card with a section heading, the shape of most cards in Orchard's admin. */
export function TitledCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}
