import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { isAddOnKind } from "../../../app/protection/add-on-kinds";
import { APP_URL } from "../../shared/app-url";
import { currencyDigits } from "../../shared/money";
import {
  PRODUCT_FOR_PROTECTION,
  protectionChanges,
  protectionFor,
  type Catalog,
  type ProductForProtectionData,
  type ProtectionLine,
} from "./protection";

export default async () => {
  render(<ProtectionOffer />, document.body);
};

type Found = NonNullable<ReturnType<typeof protectionFor>>;

/**
 * Under a line no add-on covers yet: the offer, its terms with their prices, and a button.
 * "No protection" is chosen until the buyer picks a term; only "Add protection" changes the cart.
 */
function ProtectionOffer() {
  const target = shopify.target.value;
  const [found, setFound] = useState<Found | null>(null);
  const [selected, setSelected] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const translate = shopify.i18n.translate;

  const currencyCode = shopify.cost.totalAmount.value.currencyCode;
  const unit = 10 ** currencyDigits(currencyCode);
  const asLine = (line: typeof target): ProtectionLine => ({
    id: line.id,
    quantity: line.quantity,
    attributes: line.attributes,
    unitPriceMinor: Math.round((line.cost.totalAmount.amount * unit) / Math.max(1, line.quantity)),
    merchandise: { id: line.merchandise.id, product: { id: line.merchandise.product.id } },
  });

  useEffect(() => {
    let current = true;
    void (async () => {
      const token = await shopify.sessionToken.get();
      const response = await fetch(`${APP_URL}/api/checkout/protection`, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) return;
      const catalog = (await response.json()) as Catalog;
      const product = await shopify.query<ProductForProtectionData>(PRODUCT_FOR_PROTECTION, {
        variables: { id: target.merchandise.product.id },
      });
      if (current) setFound(protectionFor(catalog, asLine(target), shopify.lines.value.map(asLine), product.data));
    })();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per line
  }, [target.id]);

  if (!found || !shopify.instructions.value.lines.canAddCartLine) return null;
  // The words of what the add-on sells ("premium_support.none": "No premium support"); a kind this
  // version has no words for reads as protection.
  const kind = isAddOnKind(found.offer.kind) ? found.offer.kind : "protection";
  const t = (key: string, values?: Record<string, string>) => translate(`${kind}.${key}`, values);

  const accept = async () => {
    setBusy(true);
    setFailed(false);
    const link = `${target.id.split("/").pop()}-${Date.now().toString(36)}`;
    for (const change of protectionChanges(asLine(target), selected, link)) {
      const result = await shopify.applyCartLinesChange(change);
      if (result.type === "error") {
        setFailed(true);
        break;
      }
    }
    setBusy(false);
  };

  return (
    <s-stack gap="small-200">
      <s-text type="strong">{found.offer.name}</s-text>
      {found.offer.coverage && <s-text color="subdued">{found.offer.coverage}</s-text>}
      <s-choice-list
        name="orchard-protection"
        values={[selected]}
        onChange={(event) => setSelected((event.currentTarget as unknown as { values: string[] }).values[0] ?? "")}
      >
        <s-choice value="">{t("none")}</s-choice>
        {found.choices.map((choice) => (
          <s-choice key={choice.id} value={choice.id}>
            {t("choice", {
              term: choice.term,
              price: shopify.i18n.formatCurrency(choice.price / unit, { currency: currencyCode }),
            })}
          </s-choice>
        ))}
      </s-choice-list>
      {found.offer.termsUrl && (
        <s-link href={found.offer.termsUrl} target="_blank">
          {t("terms")}
        </s-link>
      )}
      <s-button onClick={accept} loading={busy} disabled={!selected}>
        {t("accept")}
      </s-button>
      {failed && <s-banner tone="critical">{t("failed")}</s-banner>}
    </s-stack>
  );
}
