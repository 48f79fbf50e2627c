import { useState } from "react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import { LabelledDataTable } from "./LabelledDataTable";
import { useTranslation } from "../i18n/use-translation";
import { downloadFile } from "./download-file";

export interface DataRequestSummary {
  id: string;
  customerId: string;
  email: string | null;
  receivedAt: string;
}

/**
 * Customers' requests for their data (Shopify's customers/data_request): each one's report of what
 * Orchard keeps about them, as a file the merchant downloads and hands over.
 */
export function DataRequestsCard({ requests, timeZone }: { requests: DataRequestSummary[]; timeZone: string }) {
  const { t, locale } = useTranslation();
  const [failed, setFailed] = useState(false);
  const received = (at: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(at));
  const download = async (request: DataRequestSummary) =>
    setFailed(!(await downloadFile(`/app/settings/data-requests/${request.id}`, `orchard-customer-data-${request.id}.json`)));
  return (
    <Card>
      <BlockStack gap="300">
        {failed && <Banner tone="critical">{t("settings.dataRequests.downloadFailed")}</Banner>}
        {requests.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("settings.dataRequests.none")}
          </Text>
        ) : (
          <LabelledDataTable
            label={t("settings.dataRequests.heading")}
            columnContentTypes={["text", "text", "text"]}
            headings={[t("settings.dataRequests.customer"), t("settings.dataRequests.receivedHeading"), ""]}
            rows={requests.map((request) => [
              request.email ?? request.customerId,
              received(request.receivedAt),
              <Button
                key={request.id}
                onClick={() => void download(request)}
                accessibilityLabel={t("settings.dataRequests.downloadFor", { customer: request.email ?? request.customerId })}
              >
                {t("settings.dataRequests.download")}
              </Button>,
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
