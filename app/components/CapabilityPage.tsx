import { Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useTranslation } from "../i18n/use-translation";
import type { MessageKey } from "../i18n/i18n";

/** A capability's page before the merchant has set anything up: what it does and why it pays. */
export function CapabilityEmptyPage({ title, heading, body }: { title: MessageKey; heading: MessageKey; body: MessageKey }) {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t(title)} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading={t(heading)} image="/empty-state.svg">
              <p>{t(body)}</p>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
