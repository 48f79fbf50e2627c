import { z } from "zod";
import { ADD_ON_KINDS, ELIGIBILITY_SCOPES, PRICING_MODES, type OfferDraft } from "./offer";

/**
 * The offer form posts its state as JSON. This checks its shape (hostile input: anything may
 * arrive, of any size); the business rules are validateOffer's. A malformed body is refused whole.
 */
const text = (max: number) => z.string().max(max);
const gids = (type: string) => z.array(z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`))).max(500);
const amounts = z.record(z.string().regex(/^\d{1,3}$/), text(32));

const offerDraft = z.object({
  kind: z.enum(ADD_ON_KINDS),
  name: text(10_000),
  coverage: text(10_000),
  provider: text(10_000),
  termsUrl: text(2_000),
  taxable: z.boolean(),
  termMonths: z.array(z.number().int()).max(10),
  pricing: z.enum(PRICING_MODES),
  bands: z.array(z.object({ min: text(32), max: text(32), prices: amounts })).max(5_000),
  percentages: amounts,
  eligibility: z.object({
    scope: z.enum(ELIGIBILITY_SCOPES),
    productIds: gids("Product"),
    collectionIds: gids("Collection"),
    tags: z.array(text(255)).max(250),
    excludedProductIds: gids("Product"),
  }),
  partnerId: text(64),
});

export function parseOfferForm(form: FormData): OfferDraft | null {
  try {
    const parsed = offerDraft.safeParse(JSON.parse(String(form.get("offer") ?? "")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
