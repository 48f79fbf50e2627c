/**
 * The logic of protection at checkout, apart from any UI so tests can drive it: which offer and
 * band cover a cart line, and the two cart changes that accepting makes (the product line gets a
 * link, the protection line protects that link). Nothing changes without the buyer's choice.
 */
import { bandFor, isEligible, type Eligibility } from "../../../app/protection/eligibility";

export const LINK = "_orchard_link";
export const PROTECTS = "_orchard_protects";

export interface Catalog {
  offers: {
    id: string;
    /** What the add-on sells (protection, premium_support, extended_service): the words the buyer reads. */
    kind: string;
    name: string;
    coverage: string;
    termsUrl: string;
    eligibility: Eligibility;
    bands: { min: number; max: number | null; variants: { months: number; term: string; id: string; price: number }[] }[];
  }[];
}

export interface ProtectionLine {
  id: string;
  quantity: number;
  attributes: { key: string; value: string }[];
  /** The line's unit price in minor units. */
  unitPriceMinor: number;
  merchandise: { id: string; product: { id: string } };
}

/** Storefront API: what eligibility needs to know of the line's product. */
export const PRODUCT_FOR_PROTECTION = `#graphql
  query ProductForProtection($id: ID!) {
    product(id: $id) {
      id
      tags
      collections(first: 50) {
        nodes {
          id
        }
      }
    }
  }
`;

export interface ProductForProtectionData {
  product: { id: string; tags: string[]; collections: { nodes: { id: string }[] } } | null;
}

const numericId = (gid: string) => gid.split("/").pop() ?? "";
const attribute = (line: ProtectionLine, key: string) => line.attributes.find((a) => a.key === key)?.value;

/** The offer and the choices (one per term) for a line, or null: protection lines, lines already protected, products no offer covers. */
export function protectionFor(
  catalog: Catalog,
  line: ProtectionLine,
  lines: readonly ProtectionLine[],
  data: ProductForProtectionData | undefined,
) {
  if (attribute(line, PROTECTS) !== undefined || !data?.product) return null;
  const link = attribute(line, LINK);
  if (link && lines.some((other) => attribute(other, PROTECTS) === link)) return null;
  const product = {
    id: numericId(data.product.id),
    collectionIds: data.product.collections.nodes.map((c) => numericId(c.id)),
    tags: data.product.tags.map((tag) => tag.toLowerCase()),
  };
  for (const offer of catalog.offers) {
    if (!isEligible(offer.eligibility, product)) continue;
    const band = bandFor(
      offer.bands.map((b) => ({ minMinor: b.min, maxMinor: b.max, variants: b.variants })),
      line.unitPriceMinor,
    );
    if (band) return { offer, choices: band.variants };
  }
  return null;
}

/** Accepting: the product line carries a link, and a protection line with the same quantity protects it. */
export function protectionChanges(line: ProtectionLine, variantId: string, link: string) {
  return [
    {
      type: "updateCartLine" as const,
      id: line.id,
      attributes: [...line.attributes.filter((a) => a.key !== LINK), { key: LINK, value: link }],
    },
    {
      type: "addCartLine" as const,
      merchandiseId: `gid://shopify/ProductVariant/${variantId}`,
      quantity: line.quantity,
      attributes: [{ key: PROTECTS, value: link }],
    },
  ];
}
