import { useEffect } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, ProgressBar, Text } from "@shopify/polaris";
import type { backfillProgress } from "../backfill/backfill.server";
import { useTranslation } from "../i18n/use-translation";
import { TitledCard } from "./TitledCard";

/** Where the import stands, as the dashboard's loader reads it (a type only: nothing of the server module reaches the browser). */
export type HistoryImport = NonNullable<Awaited<ReturnType<typeof backfillProgress>>>;

/** What /app/history-import answers the card's button: started, or why not. */
export type HistoryImportAnswer = { started: true } | { started: false; message: string };

/** How often the page asks again while an import runs. */
const POLL_MS = 2_000;

/**
 * The import of the shop's order and subscription history (app/backfill): its progress while it
 * runs, what it brought in once done, and the button that starts it again.
 */
export function HistoryImportCard({ history }: { history: HistoryImport | null }) {
  const { t, locale } = useTranslation();
  const fetcher = useFetcher<HistoryImportAnswer>();
  const revalidator = useRevalidator();
  const underWay = history?.status === "running" || history?.status === "importing";

  useEffect(() => {
    if (!underWay) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), POLL_MS);
    return () => clearInterval(timer);
  }, [underWay, revalidator]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.started) window.shopify?.toast.show(t("historyImport.startedToast"));
  }, [fetcher.state, fetcher.data, t]);

  const start = (
    <fetcher.Form method="post" action="/app/history-import">
      <Button submit loading={fetcher.state !== "idle"} disabled={underWay}>
        {history ? t("historyImport.again") : t("historyImport.start")}
      </Button>
    </fetcher.Form>
  );
  return (
    <TitledCard title={t("historyImport.heading")}>
      <BlockStack gap="300">
        {fetcher.data && !fetcher.data.started && <Banner tone="critical">{fetcher.data.message}</Banner>}
        {!history && <Text as="p">{t("historyImport.none")}</Text>}
        {underWay && (
          <BlockStack gap="200">
            <Text as="p">{t(history.status === "running" ? "historyImport.reading" : "historyImport.importing")}</Text>
            <ProgressBar progress={history.percent} size="small" ariaLabelledBy="history-import-progress" />
            <Text as="p" id="history-import-progress" tone="subdued">
              {t("historyImport.percent", { percent: history.percent })}
            </Text>
          </BlockStack>
        )}
        {history?.status === "completed" && (
          <Text as="p">
            {t("historyImport.completed", {
              orders: history.importedOrders,
              subscriptions: history.importedContracts,
              date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(history.finishedAt!)),
            })}
          </Text>
        )}
        {history?.status === "failed" && <Banner tone="critical">{t("historyImport.failed", { reason: history.error ?? "" })}</Banner>}
        {start}
      </BlockStack>
    </TitledCard>
  );
}
