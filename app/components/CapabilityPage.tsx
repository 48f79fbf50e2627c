import { Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { PageTitle } from "./PageTitle";
import { useTranslation } from "../i18n/use-translation";
import type { MessageKey } from "../i18n/i18n";

interface Props {
  title: MessageKey;
  heading: MessageKey;
  body: MessageKey;
  /** The first step, such as "Create offer". */
  action?: { content: string; url: string };
  secondaryActions?: { content: string; url: string }[];
  /** The page this one belongs to, for the title bar's breadcrumb. */
  back?: { url: string; content: string };
}

/** A capability's page before the merchant has set anything up: what it does and why it pays. */
export function CapabilityEmptyPage({ title, heading, body, action, secondaryActions, back }: Props) {
  const { t } = useTranslation();
  return (
    <Page secondaryActions={secondaryActions}>
      <PageTitle title={t(title)} back={back} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading={t(heading)} action={action} image="/empty-state.svg">
              <p>{t(body)}</p>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
