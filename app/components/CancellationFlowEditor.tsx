import { useState } from "react";
import { BlockStack, Checkbox, InlineGrid, Select, Text } from "@shopify/polaris";
import { useTranslation } from "../i18n/use-translation";
import { CANCELLATION_REASONS, type CancellationReason } from "../subscriptions/contract-actions";
import {
  MAX_OFFERS_PER_REASON,
  SAVE_OFFER_KINDS,
  saveOffersFor,
  type CancellationFlow,
  type SaveOffer,
  type SaveOfferKind,
  type SaveOfferSettings,
} from "../subscriptions/retention";

/**
 * The merchant's cancellation flow inside the Settings form: per reason, whether customers are
 * asked it and up to three offers in order, posted as `flow.{reason}.shown` and
 * `flow.{reason}.offer{n}`. Under each reason, what the customer will be offered, as they will
 * read it, with the discount and pause length set above.
 */
export function CancellationFlowEditor({
  saved,
  offerSettings,
  errors,
}: {
  saved: CancellationFlow;
  offerSettings: Omit<SaveOfferSettings, "cancellationFlow">;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const [flow, setFlow] = useState(saved);
  const setSlot = (reason: CancellationReason, slot: number, kind: string) =>
    setFlow((before) => {
      const slots: string[] = Array.from({ length: MAX_OFFERS_PER_REASON }, (_, i) => before[reason].offers[i] ?? "");
      slots[slot] = kind;
      return { ...before, [reason]: { ...before[reason], offers: slots.filter(Boolean) as SaveOfferKind[] } };
    });
  const offerLabel = (offer: SaveOffer) => {
    switch (offer.kind) {
      case "pause":
        return t("portal.offers.pause", { count: offer.months });
      case "discount":
        return t("portal.offers.discount", { percent: offer.percent });
      case "freeProduct":
        return t("portal.offers.freeProduct", { title: offer.title });
      default:
        return t(`portal.offers.${offer.kind}`);
    }
  };
  const options = [
    { value: "", label: t("settings.flow.noOffer") },
    ...SAVE_OFFER_KINDS.map((kind) => ({ value: kind, label: t(`settings.flow.offers.${kind}`) })),
  ];

  return (
    <BlockStack gap="500">
      {CANCELLATION_REASONS.map((reason) => {
        const shown = reason === "other" || flow[reason].shown;
        const preview = saveOffersFor(reason, { ...offerSettings, cancellationFlow: flow }).map(offerLabel);
        return (
          <BlockStack gap="200" key={reason}>
            {/* "Another reason" is always asked: said in readable text, not as a disabled checkbox,
                whose greyed help text few can read. */}
            {reason === "other" ? (
              <BlockStack gap="050">
                <Text as="p">{t(`subscriptions.reasons.${reason}`)}</Text>
                <Text as="p" tone="subdued">
                  {t("settings.flow.alwaysAsked")}
                </Text>
              </BlockStack>
            ) : (
              <Checkbox
                name={`flow.${reason}.shown`}
                label={t(`subscriptions.reasons.${reason}`)}
                checked={shown}
                onChange={(checked) => setFlow((before) => ({ ...before, [reason]: { ...before[reason], shown: checked } }))}
              />
            )}
            {shown && (
              <>
                <InlineGrid columns={{ xs: 1, sm: 3 }} gap="200">
                  {Array.from({ length: MAX_OFFERS_PER_REASON }, (_, slot) => {
                    const name = `flow.${reason}.offer${slot + 1}`;
                    return (
                      <Select
                        key={name}
                        name={name}
                        label={t(`settings.flow.slot${(slot + 1) as 1 | 2 | 3}`)}
                        options={options}
                        value={flow[reason].offers[slot] ?? ""}
                        onChange={(value) => setSlot(reason, slot, value)}
                        error={errors[name] ? t("settings.errors.duplicateOffer") : undefined}
                      />
                    );
                  })}
                </InlineGrid>
                <Text as="p" tone="subdued">
                  {preview.length ? t("settings.flow.preview", { offers: preview.join(" · ") }) : t("settings.flow.noPreview")}
                </Text>
              </>
            )}
          </BlockStack>
        );
      })}
    </BlockStack>
  );
}
