import { Badge, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { TitledCard } from "./TitledCard";
import { useTranslation } from "../i18n/use-translation";
import type { ThemePlacement } from "../onboarding/onboarding.server";

/**
 * Where a capability's blocks stand on the store's published theme: on, missing (with the theme
 * editor opened to add it), or unknown when the theme could not be read. A feature whose block is
 * not on the theme sells nothing, so its own page says so, not only the setup guide.
 */
export function ThemePlacementCard({ placements }: { placements: ThemePlacement[] }) {
  const { t } = useTranslation();
  return (
    <TitledCard title={t("placement.title")}>
      <BlockStack gap="300">
        {placements.map(({ block, on, editorUrl }) => (
          <InlineStack key={block} align="space-between" blockAlign="center" gap="200">
            <BlockStack gap="050">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {t(`placement.blocks.${block}`)}
                </Text>
                <Badge tone={on ? "success" : on === false ? "critical" : undefined}>
                  {t(on ? "placement.on" : on === false ? "placement.missing" : "placement.unknown")}
                </Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {t(on === false ? `placement.missingBody.${block}` : on ? "placement.onBody" : "placement.unknownBody")}
              </Text>
            </BlockStack>
            {on !== true && (
              <Button url={editorUrl} target="_top">
                {t(`setup.themeBlocks.${block}`)}
              </Button>
            )}
          </InlineStack>
        ))}
      </BlockStack>
    </TitledCard>
  );
}
