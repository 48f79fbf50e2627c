import type { ReactNode } from "react";
import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { useTranslation } from "../i18n/use-translation";
import type { RenderedEmail } from "../email/email-template";

/**
 * An email as its recipient will read it: the subject, then the HTML in a sandboxed frame (no
 * script, no style of the admin's leaking either way); `children` below it (a test send).
 */
export function EmailPreviewCard({ email, children }: { email: RenderedEmail; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("reminders.template.preview")}
        </Text>
        <Text as="p" fontWeight="semibold">
          {email.subject}
        </Text>
        <Box borderColor="border" borderWidth="025" borderRadius="200">
          <iframe
            title={t("reminders.template.preview")}
            sandbox=""
            srcDoc={email.html}
            style={{ width: "100%", height: 420, border: 0 }}
          />
        </Box>
        {children}
      </BlockStack>
    </Card>
  );
}
